// The next occurrence of a recurring task, with rrule-temporal (RFC 5545 on Temporal: wall-clock times follow
// the task's zone across DST changes; see bench/rrule-compare.ts for why not `rrule`). In src-shared so that the
// window previews exactly the occurrences the server moves a task to. UI-free and Node-free.
import type { RRuleTemporal } from 'rrule-temporal';
import { ruleParts } from '../recurrence-rule.ts';
import { meteredRule, periodWeight, workMeter, type WorkMeter } from './recurrence-budget.ts';
import type { RecurrenceFrom } from '../schedule-schemas.ts';
import { formatDate, localDate, localParts, zonedInstant } from './zoned-time.ts';

export interface DueState {
  dueDate: string | null;
  dueAt: string | null;
  timeZone: string | null;
}

export interface NextDue {
  dueDate: string | null;
  dueAt: string | null;
}

export interface NextOccurrenceInput {
  rrule: string;
  from: RecurrenceFrom;
  due: DueState;
  /** When this occurrence was completed ("now"). */
  completedAt: Date;
  /** Occurrences of this rule completed before this one (COUNT is checked against it). */
  done: number;
  /** The completing viewer's zone: "today" for an all-day task repeated from completion (default UTC). */
  viewerZone?: string;
}

/**
 * What expanding the rule found: the next due, the end of the series (COUNT reached, UNTIL passed, nothing in
 * years 0001-9999), or that the work budget ran out before either (recurrence-budget.ts).
 */
export type OccurrenceResult = { kind: 'next'; due: NextDue } | { kind: 'end' } | { kind: 'over-budget' };

const LAST_DATE = '9999-12-31';
const compact = (date: string): string => date.replaceAll('-', '');
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The due the task moves to when this occurrence is completed, or null when the series ends (COUNT reached, UNTIL
 * passed, nothing in years 0001-9999, or no occurrence found within the work budget): the task then completes
 * for good. `from: "due"` steps from the current due; `from: "completion"` from the completion day, at the
 * task's time.
 */
export function nextOccurrence(input: NextOccurrenceInput): NextDue | null {
  const result = findNextOccurrence(input);
  return result.kind === 'next' ? result.due : null;
}

/** nextOccurrence, telling the end of a series from a spent budget. */
export function findNextOccurrence(input: NextOccurrenceInput, meter = workMeter()): OccurrenceResult {
  const parts = ruleParts(input.rrule);
  const count = parts.get('COUNT');
  if (count !== undefined && input.done + 1 >= Number(count)) return { kind: 'end' };
  // COUNT is counted here (occurrences done), not by the library from a moving start.
  parts.delete('COUNT');
  const { dueDate, dueAt } = input.due;
  const expansion: Expansion = { meter, weight: periodWeight(parts) };
  let due: NextDue | null = null;
  if (dueDate !== null) due = nextDate(parts, input, dueDate, expansion);
  else if (dueAt !== null) due = nextInstant(parts, input, dueAt, input.due.timeZone ?? 'UTC', expansion);
  if (due !== null) return { kind: 'next', due };
  return meter.exceeded ? { kind: 'over-budget' } : { kind: 'end' };
}

interface Expansion {
  meter: WorkMeter;
  weight: number;
}

function ruleText(parts: Map<string, string>): string {
  return [...parts].map(([k, v]) => `${k}=${v}`).join(';');
}

function nextDate(
  parts: Map<string, string>,
  input: NextOccurrenceInput,
  dueDate: string,
  expansion: Expansion,
): NextDue | null {
  const start = input.from === 'due' ? dueDate : localDate(input.completedAt, input.viewerZone ?? 'UTC');
  const until = parts.get('UNTIL');
  // All-day series run on UTC midnights; a date UNTIL includes its day.
  if (until !== undefined && until.length === 8) parts.set('UNTIL', `${until}T000000Z`);
  const rule = build(`DTSTART:${compact(start)}T000000Z\nRRULE:${ruleText(parts)}`, expansion);
  const next = rule && after(rule, new Date(`${start}T00:00:00.000Z`));
  if (!next) return null;
  const date = next.toPlainDate().toString();
  return date.length === 10 && date <= LAST_DATE ? { dueDate: date, dueAt: null } : null;
}

function nextInstant(
  parts: Map<string, string>,
  input: NextOccurrenceInput,
  dueAt: string,
  zone: string,
  expansion: Expansion,
): NextDue | null {
  const wall = localParts(new Date(dueAt), zone);
  const startDate =
    input.from === 'due' ? formatDate(wall.year, wall.month, wall.day) : localDate(input.completedAt, zone);
  const until = parts.get('UNTIL');
  if (until !== undefined && until.length === 8) {
    // A date UNTIL means the end of that day in the task's zone (RFC 5545 wants UTC with a TZID start).
    const end = zonedInstant(
      `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6)}`,
      { hour: 23, minute: 59, second: 59 },
      zone,
    );
    parts.set(
      'UNTIL',
      end
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, ''),
    );
  }
  const time = `${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
  const rule = build(
    `DTSTART;TZID=${zone}:${compact(startDate)}T${time}\nRRULE:${ruleText(parts)}`,
    expansion,
  );
  const anchor =
    input.from === 'due'
      ? new Date(dueAt)
      : zonedInstant(startDate, { hour: wall.hour, minute: wall.minute, second: wall.second }, zone);
  const next = rule && after(rule, anchor);
  if (!next) return null;
  const instant = new Date(Number(next.epochMilliseconds));
  const iso = instant.toISOString();
  return iso.length === 24 && iso <= '9999-12-31T23:59:59.999Z' ? { dueDate: null, dueAt: iso } : null;
}

/**
 * The first occurrence strictly after `anchor`; null when none: the library gives up on rules that never match,
 * and stops when the meter's budget is spent (the caller tells the two apart by the meter).
 */
function after(rule: RRuleTemporal, anchor: Date): ReturnType<RRuleTemporal['next']> {
  try {
    return rule.next(anchor);
  } catch {
    return null;
  }
}

function build(text: string, expansion: Expansion): RRuleTemporal | null {
  return meteredRule(text, expansion.weight, expansion.meter);
}

/** The schedule fields an expansion check reads. */
export interface RecurringDue extends DueState {
  recurrence: { rrule: string; from: RecurrenceFrom } | null;
}

/**
 * Why a repeating task's rule cannot be used from its due, or null when it can (or the task does not repeat or
 * has no due: those are refused, cheaply, elsewhere): the rule's first date after the due must be found within
 * one expansion's budget. Occurrences are counted by the task (COUNT), so the probe is the first completion.
 */
export function recurrenceBudgetProblem(fields: RecurringDue, now: Date): string | null {
  if (fields.recurrence === null || (fields.dueDate === null && fields.dueAt === null)) return null;
  const result = findNextOccurrence({
    rrule: fields.recurrence.rrule,
    from: 'due',
    due: fields,
    completedAt: now,
    done: 0,
  });
  return result.kind === 'over-budget'
    ? 'This rule takes too long to find its next date from the due; use a simpler rule (fewer or wider BY... parts).'
    : null;
}
