// RFC 5545 RRULE checking for task recurrence: what the API accepts, with a reason a person can act on.
// UI-free and Node-free. The occurrence arithmetic itself lives in src-shared/schedule/recurrence.ts.
import { RRuleTemporal } from 'rrule-temporal';

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
  let parsed: RRuleTemporal;
  try {
    // The library checks every part's values (weekday names, ranges); a fixed start stands in for the due date.
    parsed = new RRuleTemporal({ rruleString: `DTSTART:20000101T000000Z\nRRULE:${rule}` });
  } catch (error) {
    return error instanceof Error ? `Invalid rule: ${error.message}` : 'Invalid rule.';
  }
  if (count === undefined && until === undefined && !hasOccurrence(parsed)) {
    return 'The rule never matches a date (e.g. February 30).';
  }
  return null;
}

function hasOccurrence(rule: RRuleTemporal): boolean {
  try {
    return rule.next(new Date('2000-01-01T00:00:00Z')) !== null;
  } catch {
    return false;
  }
}

function isIntIn(value: string, min: number, max: number): boolean {
  if (!/^\d{1,6}$/.test(value)) return false;
  const n = Number(value);
  return n >= min && n <= max;
}
