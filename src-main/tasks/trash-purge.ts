// The trash keeps soft-deleted tasks for 30 days; then they are purged for good. Runs at start-up and hourly.
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import type { Logger } from '../core/logger.ts';
import type { Service } from '../core/service.ts';

export const TRASH_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Deletes tasks (and lists) that have been in the trash longer than the retention; resolves with how many tasks. */
export function purgeTrash(
  db: SqliteDatabase,
  writes: WriteQueue,
  now: Date,
  retentionDays = TRASH_RETENTION_DAYS,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const purge = db.prepare('DELETE FROM tasks WHERE deleted_at IS NOT NULL AND deleted_at < ?');
  // A list in the trash goes with its tasks (they were trashed with it, at the same moment).
  const purgeLists = db.prepare('DELETE FROM lists WHERE deleted_at IS NOT NULL AND deleted_at < ?');
  return writes.run(() => {
    const tasks = purge.run(cutoff).changes;
    purgeLists.run(cutoff);
    return tasks;
  });
}

/** Purges on start and then every hour while running. */
export class TrashPurgeService implements Service {
  readonly name = 'trash-purge';
  private timer: NodeJS.Timeout | null = null;
  private readonly db: SqliteDatabase;
  private readonly writes: WriteQueue;
  private readonly logger: Logger;
  private readonly now: () => Date;

  constructor(db: SqliteDatabase, writes: WriteQueue, logger: Logger, now: () => Date = () => new Date()) {
    this.db = db;
    this.writes = writes;
    this.logger = logger;
    this.now = now;
  }

  private async run(): Promise<void> {
    try {
      const purged = await purgeTrash(this.db, this.writes, this.now());
      if (purged > 0) this.logger.info('trash purged', { purged });
    } catch (error) {
      this.logger.error('trash purge failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async start(): Promise<void> {
    await this.run();
    this.timer = setInterval(() => void this.run(), PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return Promise.resolve();
  }
}

/**
 * Deletes for good, before the 30 days are up, one task in a user's trash with the subtasks that are in the trash
 * under it (`id`), or everything in the user's trash (`id` null). Resolves with how many tasks; 0 when `id` is
 * not in this user's trash.
 */
export function purgeFromTrash(db: SqliteDatabase, writes: WriteQueue, userId: string, id: string | null): Promise<number> {
  const one = db.prepare(`
    WITH RECURSIVE doomed(id) AS (
      SELECT id FROM tasks WHERE user_id = @userId AND id = @id AND deleted_at IS NOT NULL
      UNION ALL
      SELECT t.id FROM tasks t JOIN doomed d ON t.parent_id = d.id WHERE t.user_id = @userId AND t.deleted_at IS NOT NULL
    )
    DELETE FROM tasks WHERE id IN (SELECT id FROM doomed)`);
  const all = db.prepare('DELETE FROM tasks WHERE user_id = @userId AND deleted_at IS NOT NULL');
  return writes.run(() => (id === null ? all.run({ userId }) : one.run({ userId, id })).changes);
}
