// Snoozing a reminder that fired: when it counts as fired, and the three choices (10 min, 1 hour, tomorrow 09:00
// in the viewer's zone).
import { localDate, nextDate, zonedInstant } from '../../src-shared/schedule/zoned-time';
import type { SnoozeInput } from '../../src-shared/task-schemas';
import type { OrgTask } from '../api/organize-api';
import { reminderInstant } from './reminder-words';

export interface SnoozeChoice {
  label: string;
  input: SnoozeInput;
}

/** The snooze still ahead (the reminder comes back then), or null. */
export function pendingSnooze(task: OrgTask, now: Date): string | null {
  return task.snoozedUntil && Date.parse(task.snoozedUntil) > now.getTime() ? task.snoozedUntil : null;
}

/** An open task whose reminder (or snooze) time has come: the one a person may want to snooze. */
export function reminderFired(task: OrgTask, now: Date): boolean {
  if (task.completed || pendingSnooze(task, now)) return false;
  if (task.snoozedUntil) return true;
  return task.reminders.some((r) => {
    const at = reminderInstant(r, task.dueAt);
    return at !== null && at <= now.getTime();
  });
}

export function snoozeChoices(now: Date, zone: string): SnoozeChoice[] {
  const tomorrow = nextDate(localDate(now, zone));
  return [
    { label: 'Snooze 10 min', input: { minutes: 10 } },
    { label: 'Snooze 1 hour', input: { minutes: 60 } },
    { label: 'Tomorrow 09:00', input: { until: zonedInstant(tomorrow, { hour: 9, minute: 0 }, zone).toISOString() } },
  ];
}
