// RFC 5545 RRULE checking for task recurrence: what the API accepts, with a reason a person can act on.
// UI-free and Node-free. The occurrence arithmetic itself lives in src-shared/schedule/recurrence.ts.
import { RRuleTemporal } from 'rrule-temporal';
import { ruleNeverMatches } from './schedule/rule-feasibility.ts';

export const RRULE_MAX = 300;
/** Frequencies a task may repeat at (a task repeating every minute is a timer, not a task). */
export const RECURRENCE_FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type RecurrenceFreq = (typeof RECURRENCE_FREQS)[number];

/** Rule parts a task rule may carry. Times of day come from the task's due time, never from the rule. */
const ALLOWED_PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYSETPOS',
  'WKST',
]);
const INTERVAL_MAX = 1000;
const COUNT_MAX = 10_000;

/** Rule text without an `RRULE:` prefix, parts upper-cased: `FREQ=WEEKLY;BYDAY=MO,WE`. */
export function normalizeRrule(text: string): string {
  const trimmed = text.trim().replace(/^RRULE:/i, '');
  return trimmed
    .split(';')
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0
        ? part.toUpperCase()
        : `${part.slice(0, eq).toUpperCase()}=${part.slice(eq + 1).toUpperCase()}`;
    })
    .join(';');
}

/** The rule's parts as a map (keys upper-case). Assumes a normalized rule. */
export function ruleParts(rule: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of rule.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return parts;
}

/** Why a rule cannot be used for a task, or null when it can. */
export function rruleProblem(text: string): string | null {
  if (text.length > RRULE_MAX) return `The rule must be at most ${RRULE_MAX} characters.`;
  const rule = normalizeRrule(text);
  if (rule.length === 0) return 'The rule is empty; give e.g. FREQ=WEEKLY;BYDAY=MO.';
  if (/[\r\n]/.test(rule) || /(^|;)(DTSTART|RDATE|EXDATE)/.test(rule)) {
    return "Give only the RRULE parts (e.g. FREQ=DAILY;INTERVAL=2); the task's due date is the start.";
  }
  const seen = new Set<string>();
  for (const part of rule.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) return `"${part}" is not a NAME=VALUE rule part.`;
    const name = part.slice(0, eq);
    if (!ALLOWED_PARTS.has(name)) {
      return name === 'BYHOUR' || name === 'BYMINUTE' || name === 'BYSECOND'
        ? `${name} is not supported: a task repeats at its due time.`
        : `Unknown or unsupported rule part ${name}.`;
    }
    if (seen.has(name)) return `${name} is given twice.`;
    seen.add(name);
  }
  const parts = ruleParts(rule);
  const freq = parts.get('FREQ');
  if (!freq) return 'The rule needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY).';
  if (!(RECURRENCE_FREQS as readonly string[]).includes(freq)) {
    return `FREQ=${freq} is not supported for tasks; use DAILY, WEEKLY, MONTHLY or YEARLY.`;
  }
  const interval = parts.get('INTERVAL');
  if (interval !== undefined && !isIntIn(interval, 1, INTERVAL_MAX)) {
    return `INTERVAL must be a whole number from 1 to ${INTERVAL_MAX}.`;
  }
  const count = parts.get('COUNT');
  if (count !== undefined && !isIntIn(count, 1, COUNT_MAX))
    return `COUNT must be a whole number from 1 to ${COUNT_MAX}.`;
  if (count !== undefined && parts.has('UNTIL')) return 'Give COUNT or UNTIL, not both.';
  const until = parts.get('UNTIL');
  if (until !== undefined && !/^\d{8}(T\d{6}Z?)?$/.test(until)) {
    return 'UNTIL must be a date (YYYYMMDD) or a UTC time (YYYYMMDDTHHMMSSZ).';
  }
  if (until !== undefined && until.slice(0, 4) === '0000') return 'UNTIL must be in the years 0001-9999.';
  const placement = placementProblem(parts, freq);
  if (placement !== null) return placement;
  try {
    // The library checks every part's values (weekday names, ranges) without expanding the rule; a fixed start
    // stands in for the due date.
    new RRuleTemporal({ rruleString: `DTSTART:20000101T000000Z\nRRULE:${rule}` });
  } catch (error) {
    return error instanceof Error ? `Invalid rule: ${error.message}` : 'Invalid rule.';
  }
  // Decided by calendar arithmetic, never by expanding the rule (rule-feasibility.ts); whether a rule that can
  // match finds its next date within the work budget is checked against the task's due (scheduleProblems).
  if (ruleNeverMatches(parts)) return NEVER_MATCHES;
  return null;
}

/**
 * RFC 5545 §3.3.10's rules on which parts go with which FREQ. Besides being the standard, they keep out the
 * combinations rrule-temporal can only settle by scanning centuries (BYYEARDAY with BYWEEKNO in a MONTHLY rule).
 */
function placementProblem(parts: Map<string, string>, freq: string): string | null {
  if (parts.has('BYWEEKNO') && freq !== 'YEARLY') return 'BYWEEKNO goes with FREQ=YEARLY only.';
  if (parts.has('BYYEARDAY') && freq !== 'YEARLY') return 'BYYEARDAY goes with FREQ=YEARLY only.';
  if (parts.has('BYYEARDAY') && parts.has('BYWEEKNO')) return 'Give BYYEARDAY or BYWEEKNO, not both.';
  if (parts.has('BYMONTHDAY') && freq === 'WEEKLY') return 'BYMONTHDAY does not go with FREQ=WEEKLY.';
  const ordinal = (parts.get('BYDAY') ?? '').split(',').some((day) => /^[+-]?\d/.test(day));
  if (ordinal && freq !== 'MONTHLY' && freq !== 'YEARLY') {
    return 'A numbered BYDAY (e.g. 1MO) goes with FREQ=MONTHLY or YEARLY only.';
  }
  if (ordinal && parts.has('BYWEEKNO')) return 'A numbered BYDAY (e.g. 1MO) does not go with BYWEEKNO.';
  const setPos = parts.get('BYSETPOS');
  if (setPos !== undefined) {
    if (![...parts.keys()].some((name) => name.startsWith('BY') && name !== 'BYSETPOS')) {
      return 'BYSETPOS needs another BY... part to pick from (e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1).';
    }
    // A period holds at most this many dates (a task rule has no BYHOUR): a position past it never matches.
    const most = { DAILY: 1, WEEKLY: 7, MONTHLY: 31, YEARLY: 366 }[freq as RecurrenceFreq];
    if (setPos.split(',').every((v) => Math.abs(Number(v)) > most)) return NEVER_MATCHES;
  }
  return null;
}

export const NEVER_MATCHES = 'The rule never matches a date (e.g. February 30).';

function isIntIn(value: string, min: number, max: number): boolean {
  if (!/^\d{1,6}$/.test(value)) return false;
  const n = Number(value);
  return n >= min && n <= max;
}
