// How a due reads in the schedule UI and quick-add chips: "Sun, Dec 6" (all day) or "Sun, Dec 6, 09:00" (an
// instant, in the viewer's zone), in the viewer's language.
import type { NextDue } from '../../src-shared/schedule/recurrence';

/** A calendar date "YYYY-MM-DD" with its weekday. */
export function formatDay(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** An instant with its weekday and time, in a zone. */
export function formatInstant(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
}

/** A due (all day or timed) as it reads; the time in `timeZone` (the viewer's). */
export function formatDue(due: NextDue, timeZone: string): string {
  if (due.dueDate) return formatDay(due.dueDate);
  return due.dueAt ? formatInstant(due.dueAt, timeZone) : '';
}
