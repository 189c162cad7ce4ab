// A recurring task with a start date keeps the distance between its start and its due on every occurrence
// (issue 15 §3): moved from one due to the next, the start moves by the same number of calendar days (a timed due's
// day is read in the task's zone, UTC without one).
import type { NextDue } from '../../src-shared/schedule/recurrence.ts';
import { localDate } from '../../src-shared/schedule/zoned-time.ts';

const DAY_MS = 86_400_000;

function dueDay(due: NextDue, timeZone: string | null): string | null {
  if (due.dueDate !== null) return due.dueDate;
  return due.dueAt === null ? null : localDate(new Date(due.dueAt), timeZone ?? 'UTC');
}

/** Days from "YYYY-MM-DD" a to b (setUTCFullYear: Date.UTC would read years 0-99 as 1900-1999). */
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(0);
  at.setUTCFullYear(y, m - 1, d);
  return Math.round(at.getTime() / DAY_MS);
}

function fromDayNumber(n: number): string {
  const at = new Date(n * DAY_MS);
  return `${String(at.getUTCFullYear()).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`;
}

/** The start date of the next occurrence: `startDate` moved as far as the due moved; null stays null. */
export function shiftStart(
  startDate: string | null,
  from: NextDue,
  to: NextDue,
  timeZone: string | null,
): string | null {
  if (startDate === null) return null;
  const a = dueDay(from, timeZone);
  const b = dueDay(to, timeZone);
  if (a === null || b === null) return startDate;
  const shifted = dayNumber(startDate) + dayNumber(b) - dayNumber(a);
  // The storable years (0001-9999); a due that far out keeps the start at the edge.
  return fromDayNumber(Math.min(Math.max(shifted, dayNumber('0001-01-01')), dayNumber('9999-12-31')));
}
