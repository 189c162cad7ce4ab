// One timer for the next reminder of any user. The next one is the first entry of the task_reminders_pending
// index (migration 005), so start-up and every re-check is an index lookup however many reminders exist.
// Re-checked after every write (reschedule), on resume from sleep and on clock changes (check).
import type { Statement } from 'better-sqlite3';
import type { Logger } from '../core/logger.ts';
import type { Service } from '../core/service.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import type { EventPublisher } from '../events/event-publisher.ts';
import type { DueReminder, MissedReminders, ReminderListener } from './reminder-events.ts';
import { systemClock, type SchedulerClock, type TimerHandle } from './scheduler-clock.ts';

/** Longest single wait: a wall-clock change the OS did not report is noticed within this. */
export const MAX_WAIT_MS = 60 * 60 * 1000;
/** Reminders fired per query; a backlog is worked through batch by batch. */
const BATCH = 500;
const MISSED_LATEST = 5;

type Params = Record<string, string | number | null>;

interface DueRow {
  id: number;
  task_id: string;
  user_id: string;
  kind: 'reminder' | 'snooze';
  fire_at: string;
  title: string;
  due_at: string | null;
  due_date: string | null;
}

const PENDING = 'r.armed = 1 AND r.fire_at IS NOT NULL AND r.fired_for IS NOT r.fire_at';

export interface ReminderSchedulerOptions {
  clock?: SchedulerClock;
  logger: Logger;
  /** Where `reminder.due` is published for the user's live event stream. */
  events?: EventPublisher;
}

export class ReminderScheduler implements Service {
  readonly name = 'reminder-scheduler';
  private readonly clock: SchedulerClock;
  private readonly listeners = new Set<ReminderListener>();
  private readonly nextStmt: Statement<Params, string | null>;
  private readonly dueStmt: Statement<Params, DueRow>;
  private readonly markStmt: Statement<Params>;
  private readonly clearSnoozeStmt: Statement<Params>;
  private timer: TimerHandle | null = null;
  private timerAt: number | null = null;
  private running = false;
  private missedAtStart: MissedReminders[] = [];

  constructor(
    db: SqliteDatabase,
    private readonly writes: WriteQueue,
    private readonly options: ReminderSchedulerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.nextStmt = db
      .prepare<Params, string | null>(
        `SELECT r.fire_at FROM task_reminders AS r INDEXED BY task_reminders_pending WHERE ${PENDING}
         ORDER BY r.fire_at LIMIT 1`,
      )
      .pluck();
    this.dueStmt = db.prepare(
      `SELECT r.id, r.task_id, r.user_id, r.kind, r.fire_at, t.title, t.due_at, t.due_date
       FROM task_reminders AS r INDEXED BY task_reminders_pending JOIN tasks AS t ON t.id = r.task_id
       WHERE ${PENDING} AND r.fire_at <= @now ORDER BY r.fire_at, r.id LIMIT ${BATCH}`,
    );
    this.markStmt = db.prepare(`UPDATE task_reminders SET fired_for = fire_at WHERE id = @id`);
    // A snooze that came back is over: the task's snoozedUntil clears (its trigger removes the row).
    this.clearSnoozeStmt = db.prepare(
      `UPDATE tasks SET snoozed_until = NULL WHERE id = @taskId AND snoozed_until IS NOT NULL AND snoozed_until <= @now`,
    );
  }

  /**
   * Listens for due and missed reminders; returns the unsubscribe function. A listener that arrives after
   * start-up still gets the missed-reminders summary once.
   */
  subscribe(listener: ReminderListener): () => void {
    this.listeners.add(listener);
    if (this.missedAtStart.length > 0) this.deliver(() => listener.missed?.(this.missedAtStart));
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.running = true;
    // Whatever came due while the app was not running is summarised once, not shown one by one.
    const missed = await this.writes.run(() => this.takeDue());
    if (missed.length > 0) {
      this.missedAtStart = summarise(missed);
      this.options.logger.info('reminders missed while not running', { count: missed.length });
      this.publish(missed);
      for (const listener of this.listeners) this.deliver(() => listener.missed?.(this.missedAtStart));
    }
    this.arm();
  }

  stop(): Promise<void> {
    this.running = false;
    this.cancel();
    return Promise.resolve();
  }

  /** Fires what is due now and re-arms: after resume from sleep or a clock change. Never rejects. */
  async check(): Promise<void> {
    if (!this.running) return;
    this.cancel();
    let due: DueReminder[];
    try {
      due = await this.writes.run(() => this.takeDue());
    } catch (error) {
      // The database was busy or closing: try again at the next timer (at most MAX_WAIT_MS away).
      this.options.logger.error('reminder check failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      due = [];
    }
    if (!this.running) return;
    if (due.length > 0) {
      this.options.logger.info('reminders due', { count: due.length });
      this.publish(due);
      for (const listener of this.listeners) this.deliver(() => listener.due?.(due));
    }
    this.arm();
  }

  /** A write may have added, moved or removed reminders: re-arm for the (possibly new) next one. */
  reschedule(): void {
    if (!this.running) return;
    const next = this.nextFireAt();
    const at = next === null ? null : Date.parse(next);
    if (at !== null && at <= this.clock.now()) {
      void this.check();
      return;
    }
    if (at === this.timerAt) return;
    this.arm(next);
  }

  /** When the next reminder fires (ISO), or null when none is pending. */
  nextFireAt(): string | null {
    return this.nextStmt.get({}) ?? null;
  }

  private arm(next: string | null = this.nextFireAt()): void {
    this.cancel();
    if (next === null) return;
    const at = Date.parse(next);
    const wait = Math.min(Math.max(0, at - this.clock.now()), MAX_WAIT_MS);
    this.timerAt = at;
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.timerAt = null;
      return this.check();
    }, wait);
  }

  private cancel(): void {
    this.timer?.cancel();
    this.timer = null;
    this.timerAt = null;
  }

  /** Marks every reminder due by now as delivered and returns them, oldest first. Runs in a queued write. */
  private takeDue(): DueReminder[] {
    const now = new Date(this.clock.now()).toISOString();
    const due: DueReminder[] = [];
    {
      for (;;) {
        const rows = this.dueStmt.all({ now });
        for (const row of rows) {
          this.markStmt.run({ id: row.id });
          if (row.kind === 'snooze') this.clearSnoozeStmt.run({ taskId: row.task_id, now });
          due.push({
            userId: row.user_id,
            taskId: row.task_id,
            title: row.title,
            fireAt: row.fire_at,
            kind: row.kind,
            dueAt: row.due_at,
            dueDate: row.due_date,
          });
        }
        if (rows.length < BATCH) break;
      }
    }
    return due;
  }

  private publish(due: readonly DueReminder[]): void {
    for (const [userId, list] of groupByUser(due)) {
      this.options.events?.publish(userId, 'reminder.due', [...new Set(list.map((r) => r.taskId))]);
    }
  }

  /** A listener that throws must not stop the others or the scheduler. */
  private deliver(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.options.logger.error('reminder listener failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

function groupByUser(due: readonly DueReminder[]): Map<string, DueReminder[]> {
  const byUser = new Map<string, DueReminder[]>();
  for (const r of due) {
    const list = byUser.get(r.userId);
    if (list) list.push(r);
    else byUser.set(r.userId, [r]);
  }
  return byUser;
}

function summarise(due: readonly DueReminder[]): MissedReminders[] {
  return [...groupByUser(due)].map(([userId, list]) => ({
    userId,
    count: list.length,
    latest: list.slice(-MISSED_LATEST).reverse(),
  }));
}
