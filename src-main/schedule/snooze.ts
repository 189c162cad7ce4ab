// Snoozing a task's reminder: it comes back at `until` (a snooze row in task_reminders, derived by trigger).
import type { Statement } from 'better-sqlite3';
import type { SnoozeInput } from '../../src-shared/task-schemas.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';

type Params = Record<string, string | number | null>;

export class SnoozeStore {
  private readonly setStmt: Statement<Params>;

  constructor(
    db: SqliteDatabase,
    private readonly writes: WriteQueue,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.setStmt = db.prepare(
      `UPDATE tasks SET snoozed_until = @until, updated_at = @now
       WHERE id = @id AND user_id = @userId AND deleted_at IS NULL`,
    );
  }

  /** Sets (or with null clears) the snooze; false when the task is not this user's live task. */
  snooze(userId: string, id: string, input: SnoozeInput | null): Promise<boolean> {
    const now = this.now();
    const until =
      input === null
        ? null
        : 'until' in input
          ? input.until
          : new Date(now.getTime() + input.minutes * 60_000).toISOString();
    return this.writes.run(
      () => this.setStmt.run({ id, userId, until, now: now.toISOString() }).changes === 1,
    );
  }
}
