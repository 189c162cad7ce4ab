// Reminders whose time has passed, marked as delivered in one statement: what a restored backup holds came due
// where and when that copy was live (or while it sat in the backups folder), so it is history, not news.
import type { Database } from 'better-sqlite3';

/** Marks every reminder due by `nowIso` as delivered; returns how many. A database without reminders: 0. */
export function markPastRemindersDelivered(db: Database, nowIso: string): number {
  const table = db
    .prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'task_reminders'`)
    .pluck()
    .get();
  if (table === undefined) return 0;
  return db
    .prepare<{ now: string }>(
      `UPDATE task_reminders SET fired_for = fire_at
       WHERE fire_at IS NOT NULL AND fire_at <= @now AND fired_for IS NOT fire_at`,
    )
    .run({ now: nowIso }).changes;
}
