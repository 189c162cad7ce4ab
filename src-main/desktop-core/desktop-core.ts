// What the desktop shell reads from and does to the core outside HTTP: the tray's "Today: N" and next reminder
// of one account, change notifications for it, and a notification's "Complete" / "Snooze 10 min". Each action goes
// through the task repository and snooze store the API uses, publishes the same live event (so the window and the
// CLI's streams follow) and re-arms the reminder scheduler, exactly as an API write does.
import type { Statement } from 'better-sqlite3';
import { localDate, zonedInstant } from '../../src-shared/schedule/zoned-time.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { SnoozeStore } from '../schedule/snooze.ts';
import { todayIn } from '../schedule/today-window.ts';
import type { TaskRepository } from '../tasks/task-repository.ts';

export interface DesktopCore {
  /** Today's count as the window's Today badge says it (overdue + due later today + started), in `timeZone`. */
  todayCount(userId: string, now: Date, timeZone: string): number;
  /** The account's next pending reminder (ISO), or null. */
  nextReminderAt(userId: string): string | null;
  /** Calls `listener` after every committed change of the account (any live event); returns unsubscribe. */
  onChange(userId: string, listener: () => void): () => void;
  /** Completes the task's occurrence `occurrence` (its due as the reminder saw it); false: not this account's. */
  complete(userId: string, taskId: string, options: { timeZone: string; occurrence?: string }): Promise<boolean>;
  /** The reminder comes back in `minutes`; false: not this account's live task. */
  snooze(userId: string, taskId: string, minutes: number): Promise<boolean>;
}

export interface DesktopCoreDeps {
  db: SqliteDatabase;
  repo: TaskRepository;
  snoozes: SnoozeStore;
  events: EventBus;
  /** The reminder scheduler's re-arm after a write. */
  afterWrite: () => void;
}

type Params = Record<string, string>;

export function createDesktopCore(deps: DesktopCoreDeps): DesktopCore {
  // The pending-reminders index walked in time order until the account's first one: one row on a one-person
  // machine, at most the other accounts' pending reminders before it otherwise.
  const nextStmt: Statement<Params, string | null> = deps.db
    .prepare<Params, string | null>(
      `SELECT r.fire_at FROM task_reminders AS r INDEXED BY task_reminders_pending
       WHERE r.armed = 1 AND r.fire_at IS NOT NULL AND r.fired_for IS NOT r.fire_at AND r.user_id = @userId
       ORDER BY r.fire_at LIMIT 1`,
    )
    .pluck();
  return {
    todayCount: (userId, now, timeZone) => {
      const today = todayIn(now, timeZone);
      const dayStart = zonedInstant(localDate(now, timeZone), { hour: 0, minute: 0 }, timeZone).toISOString();
      return deps.repo.counts(userId, { dayStart, dayEnd: today.end, now: now.toISOString(), timeZone }).today;
    },
    nextReminderAt: (userId) => nextStmt.get({ userId }) ?? null,
    onChange: (userId, listener) => deps.events.subscribe(userId, () => listener()).unsubscribe,
    complete: async (userId, taskId, { timeZone, occurrence }) => {
      const task = await deps.repo.setCompleted(userId, taskId, true, timeZone, occurrence);
      if (!task) return false;
      deps.events.publish(userId, 'task.updated', [task.id]);
      deps.afterWrite();
      return true;
    },
    snooze: async (userId, taskId, minutes) => {
      if (!(await deps.snoozes.snooze(userId, taskId, { minutes }))) return false;
      deps.events.publish(userId, 'task.updated', [taskId]);
      deps.afterWrite();
      return true;
    },
  };
}
