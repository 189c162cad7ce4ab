// The next occurrence of a recurring task, with rrule-temporal (RFC 5545 on Temporal: wall-clock times follow
// the task's zone across DST changes; see bench/rrule-compare.ts for why not `rrule`). In src-shared so that the
// window previews exactly the occurrences the server moves a task to. UI-free and Node-free.
import { RRuleTemporal } from 'rrule-temporal';
import { ruleParts } from '../recurrence-rule.ts';
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

const LAST_DATE = '9999-12-31';
const compact = (date: string): string => date.replaceAll('-', '');
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The due the task moves to when this occurrence is completed, or null when the rule has no further occurrence
 * (COUNT reached, UNTIL passed, nothing in years 0001-9999): the task then completes for good.
 * `from: "due"` steps from the current due; `from: "completion"` from the completion day, at the task's time.
 */
export function nextOccurrence(input: NextOccurrenceInput): NextDue | null {
  const parts = ruleParts(input.rrule);
  const count = parts.get('COUNT');
  if (count !== undefined && input.done + 1 >= Number(count)) return null;
  // COUNT is counted here (occurrences done), not by the library from a moving start.
  parts.delete('COUNT');
  const { dueDate, dueAt } = input.due;
  if (dueDate !== null) return nextDate(parts, input, dueDate);
  if (dueAt !== null) return nextInstant(parts, input, dueAt, input.due.timeZone ?? 'UTC');
  return null;
}

function ruleText(parts: Map<string, string>): string {
  return [...parts].map(([k, v]) => `${k}=${v}`).join(';');
}

function nextDate(parts: Map<string, string>, input: NextOccurrenceInput, dueDate: string): NextDue | null {
  const start = input.from === 'due' ? dueDate : localDate(input.completedAt, input.viewerZone ?? 'UTC');
  const until = parts.get('UNTIL');
  // All-day series run on UTC midnights; a date UNTIL includes its day.
  if (until !== undefined && until.length === 8) parts.set('UNTIL', `${until}T000000Z`);
  const rule = build(`DTSTART:${compact(start)}T000000Z\nRRULE:${ruleText(parts)}`);
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
  const rule = build(`DTSTART;TZID=${zone}:${compact(startDate)}T${time}\nRRULE:${ruleText(parts)}`);
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

/** The first occurrence strictly after `anchor`; null when none (the library gives up on rules that never match). */
function after(rule: RRuleTemporal, anchor: Date): ReturnType<RRuleTemporal['next']> {
  try {
    return rule.next(anchor);
  } catch {
    return null;
  }
}

function build(text: string): RRuleTemporal | null {
  try {
    return new RRuleTemporal({ rruleString: text });
  } catch {
    return null;
  }
}
