// Reminders in words ("30 min before", "at the due time", "Fri, Dec 4, 09:00"), for quick-add chips, the details
// section and the reminders editor, and the instants they fire at.
import type { Reminder } from '../../src-shared/task-schemas';
import { formatInstant } from './format-due';

export const MINUTES_PER = { minutes: 1, hours: 60, days: 1440 } as const;
export type ReminderUnit = keyof typeof MINUTES_PER;

/** A reminder's lead time in words: "at the due time", "30 min before", "2 h before", "1 day before". */
export function minutesInWords(minutes: number): string {
  if (minutes === 0) return 'at the due time';
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'} before`;
  if (minutes % 60 === 0) return `${minutes / 60} h before`;
  return `${minutes} min before`;
}

export function describeReminder(reminder: Reminder, timeZone: string): string {
  return 'beforeMinutes' in reminder ? minutesInWords(reminder.beforeMinutes) : formatInstant(reminder.at, timeZone);
}

/** When a reminder fires for a task due at `dueAt` (null: a relative reminder on a task without a time). */
export function reminderInstant(reminder: Reminder, dueAt: string | null): number | null {
  if ('at' in reminder) return Date.parse(reminder.at);
  return dueAt ? Date.parse(dueAt) - reminder.beforeMinutes * 60_000 : null;
}

/** The same reminder twice in a list (the API keeps both, but the person meant one). */
export function sameReminder(a: Reminder, b: Reminder): boolean {
  if ('at' in a && 'at' in b) return Date.parse(a.at) === Date.parse(b.at);
  return 'beforeMinutes' in a && 'beforeMinutes' in b && a.beforeMinutes === b.beforeMinutes;
}
