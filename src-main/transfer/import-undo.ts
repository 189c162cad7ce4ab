// "Undo this import": DELETE /api/{userId}/imports/{importId} removes what one finished import wrote (its tasks,
// with their tags, reminders and completions, and the lists it created), the same clean-up an import that failed
// midway gets (import-writer.ts undoRun). Only the account's own runs: another account's id is a 404.
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import { undoRun } from './import-writer.ts';

export interface UndoneImport {
  taskIds: string[];
  listIds: string[];
}

/** Undoes the run, or answers null when this account has no finished import of that id. */
export async function undoImport(
  db: SqliteDatabase,
  writes: WriteQueue,
  userId: string,
  importId: string,
): Promise<UndoneImport | null> {
  const run = db
    .prepare<[string, string], { id: string }>(`SELECT id FROM import_runs WHERE id = ? AND user_id = ? AND state = 'done'`)
    .get(importId, userId);
  if (!run) return null;
  // The ids first, for the live events that tell open windows what went.
  const taskIds = db.prepare<[string], string>('SELECT id FROM tasks WHERE import_run_id = ?').pluck().all(importId);
  const listIds = db.prepare<[string], string>('SELECT id FROM lists WHERE import_run_id = ?').pluck().all(importId);
  await undoRun(db, writes, importId);
  return { taskIds, listIds };
}
