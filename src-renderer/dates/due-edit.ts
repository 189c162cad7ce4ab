// Pure edits of a task's due (defect 5): a new date keeps the time and its zone, a new time keeps the date, "all
// day" keeps the date, and no date also drops what cannot live without one (reminders "N min before" need a time,
// a repeat needs a date), said in words so the window can warn. Dates and times are read in the task's own zone
// (the one its time was meant in), else the viewer's.
import type { Recurrence } from '../../src-shared/schedule-schemas';
import type { Reminder } from '../../src-shared/task-schemas';
import { dateInZone, instantAt, timeInZone } from './zoned-day';

export interface Due {
  dueDate: string | null;
  dueAt: string | null;
  timeZone: string | null;
}

export const NO_DUE: Due = { dueDate: null, dueAt: null, timeZone: null };

/** The zone a due's wall clock is read in. */
export function dueZone(due: Due, viewerZone: string): string {
  return due.timeZone ?? viewerZone;
}

/** The due's calendar date ("YYYY-MM-DD") in its zone, or null without a due. */
export function dueDateOf(due: Due, viewerZone: string): string | null {
  if (due.dueDate) return due.dueDate;
  return due.dueAt ? dateInZone(due.dueAt, dueZone(due, viewerZone)) : null;
}

/** The due's time "HH:MM" in its zone, or null when it is all day or has none. */
export function dueTimeOf(due: Due, viewerZone: string): string | null {
  return due.dueAt ? timeInZone(due.dueAt, dueZone(due, viewerZone)) : null;
}

/** Another date, same time of day in the same zone (an all-day due stays all day). */
export function withDate(due: Due, date: string, viewerZone: string): Due {
  const time = dueTimeOf(due, viewerZone);
  if (time === null) return { dueDate: date, dueAt: null, timeZone: null };
  const zone = dueZone(due, viewerZone);
  return { dueDate: null, dueAt: instantAt(date, time, zone).toISOString(), timeZone: zone };
}

/**
 * Another time on the same date (null = all day). A due without a date takes `fallbackDate` (the viewer's today).
 * An all-day due that gains a time is meant in the viewer's zone.
 */
export function withTime(due: Due, time: string | null, viewerZone: string, fallbackDate: string): Due {
  const date = dueDateOf(due, viewerZone) ?? fallbackDate;
  if (time === null) return { dueDate: date, dueAt: null, timeZone: null };
  const zone = dueZone(due, viewerZone);
  return { dueDate: null, dueAt: instantAt(date, time, zone).toISOString(), timeZone: zone };
}

export interface ScheduleRest {
  recurrence: Recurrence | null;
  reminders: readonly Reminder[];
}

export interface DueChange {
  /** The PATCH body: the due fields, plus reminders/recurrence when some had to go. */
  patch: Due & { reminders?: Reminder[]; recurrence?: null };
  /** What was removed with it, in words ("2 reminders", "the repeat"), for the warning; empty when nothing. */
  removed: string[];
}

/** The patch for a new due, dropping reminders that need a time and a repeat that needs a date. */
export function dueChange(next: Due, rest: ScheduleRest): DueChange {
  const removed: string[] = [];
  const patch: DueChange['patch'] = { ...next };
  if (next.dueAt === null) {
    const kept = rest.reminders.filter((r) => !('beforeMinutes' in r));
    const dropped = rest.reminders.length - kept.length;
    if (dropped > 0) {
      patch.reminders = kept;
      removed.push(dropped === 1 ? '1 reminder that needs a time' : `${dropped} reminders that need a time`);
    }
  }
  if (next.dueDate === null && next.dueAt === null && rest.recurrence !== null) {
    patch.recurrence = null;
    removed.push('the repeat');
  }
  return { patch, removed };
}

/** "Removed 1 reminder that needs a time and the repeat." */
export function removedWarning(removed: readonly string[]): string | null {
  if (removed.length === 0) return null;
  return `Removed ${removed.join(' and ')}.`;
}
