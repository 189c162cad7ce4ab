// The next occurrences a rule gives a task, computed in the window with the server's own nextOccurrence (the
// same rrule-temporal arithmetic, in the task's zone), and how an occurrence reads.
import type { Recurrence } from '../../src-shared/schedule-schemas';
import { nextOccurrence, type DueState, type NextDue } from '../../src-shared/schedule/recurrence';
import { localDate, previousDate, zonedInstant } from '../../src-shared/schedule/zoned-time';
import { viewerTimeZone } from '../dates/viewer-zone';
import { formatDue } from './format-due';

/** The calendar date a due falls on: its date, or its instant's date in its zone (else the viewer's). */
export function anchorDate(due: DueState, now: Date, zone = viewerTimeZone()): string {
  if (due.dueDate) return due.dueDate;
  if (due.dueAt) return localDate(new Date(due.dueAt), due.timeZone ?? zone);
  return localDate(now, zone);
}

/**
 * The due a task without one gets when a rule is set on it: the rule's first date on or after today (a weekly
 * rule on Monday set on a Friday starts on Monday), all day. Null when the rule has no date from today on.
 */
export function firstDueFor(recurrence: Recurrence, now: Date, zone = viewerTimeZone()): string | null {
  const today = localDate(now, zone);
  const yesterday = previousDate(today);
  // COUNT counts completions, not this first date: leave it out here.
  const rrule = recurrence.rrule
    .split(';')
    .filter((part) => !part.startsWith('COUNT='))
    .join(';');
  const first = nextOccurrence({ rrule, from: 'due', due: { dueDate: yesterday, dueAt: null, timeZone: null }, completedAt: now, done: 0 });
  return first?.dueDate ?? null;
}

/**
 * The dues completing the task would move it through, `count` at most (fewer when the rule ends). From
 * completion: the first as if completed now, the next ones as if each was completed on its due day.
 */
export function previewOccurrences(due: DueState, recurrence: Recurrence, now: Date, count = 3, zone = viewerTimeZone()): NextDue[] {
  const out: NextDue[] = [];
  let current = due;
  let completedAt = now;
  for (let done = 0; done < count; done++) {
    const next = nextOccurrence({ rrule: recurrence.rrule, from: recurrence.from, due: current, completedAt, done, viewerZone: zone });
    if (!next) break;
    out.push(next);
    current = { ...current, ...next };
    completedAt = next.dueAt ? new Date(next.dueAt) : zonedInstant(next.dueDate!, { hour: 12, minute: 0 }, zone);
  }
  return out;
}

/** How an occurrence reads, its time in the viewer's zone. */
export function formatOccurrence(due: NextDue, zone = viewerTimeZone()): string {
  return formatDue(due, zone);
}
