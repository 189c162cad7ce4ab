// The headless host's reminder listener: one log line per due reminder and per missed summary (ids and times
// only; titles are the user's data and stay out of logs). The live event stream carries `reminder.due` too.
import type { Logger } from '../core/logger.ts';
import type { ReminderListener } from './reminder-events.ts';

export function logReminders(logger: Logger): ReminderListener {
  return {
    due: (reminders) => {
      for (const r of reminders) {
        logger.info('reminder due', { userId: r.userId, taskId: r.taskId, fireAt: r.fireAt, kind: r.kind });
      }
    },
    missed: (summaries) => {
      for (const s of summaries) logger.info('reminders missed', { userId: s.userId, count: s.count });
    },
  };
}
