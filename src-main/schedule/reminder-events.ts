// What the reminder scheduler tells the rest of main. Subscribe with ReminderScheduler.subscribe(): the desktop
// shows native notifications, the headless host logs; `reminder.due` also goes to the live event stream.

/** A reminder that came due. Carries the task's title for a notification: never log it. */
export interface DueReminder {
  userId: string;
  taskId: string;
  title: string;
  /** When it was meant to fire (ISO). */
  fireAt: string;
  /** A reminder the task carries, or a snooze (POST .../snooze) coming back. */
  kind: 'reminder' | 'snooze';
  dueAt: string | null;
  dueDate: string | null;
}

/** Reminders that came due while the app was not running, per user: shown once, as one summary. */
export interface MissedReminders {
  userId: string;
  count: number;
  /** The most recent few (newest first), for the summary's text. */
  latest: DueReminder[];
}

export interface ReminderListener {
  /** Reminders that came due while running (one call per batch, oldest first). */
  due?(reminders: readonly DueReminder[]): void;
  /** At start: what was missed while not running, one entry per user. */
  missed?(summaries: readonly MissedReminders[]): void;
}
