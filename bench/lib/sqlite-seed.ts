// Writes seed tasks straight into a tasks table built by the product's migrations, in one
// transaction (the table's triggers keep the FTS5 index in step). Used for the bare baseline's
// database and for S2's 100,000 tasks, where 100,000 API calls would each pay an fsync.
import type Database from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import { PRIORITIES } from '../../src-shared/task-schemas.ts';
import type { SeedTask } from './task-data.ts';

/** One task in this many is in the trash (when the schema has a trash). */
export const TRASHED_EVERY = 50;

/**
 * Inserts the tasks for userId, created one second apart ending about now; when the table has a
 * `deleted_at` column (the trash), every TRASHED_EVERY-th task is put in the trash. Returns how many.
 */
export function insertSeedTasks(
  db: Database.Database,
  userId: string,
  tasks: readonly SeedTask[],
  options: { trash?: boolean } = {},
): number {
  const columns = db.prepare(`SELECT name FROM pragma_table_info('tasks')`).pluck().all() as string[];
  const trash =
    options.trash !== false && columns.includes('deleted_at')
      ? db.prepare(
          `UPDATE tasks SET deleted_at = updated_at WHERE user_id = ? AND rowid % ${TRASHED_EVERY} = 0`,
        )
      : null;
  const insert = db.prepare(`INSERT INTO tasks (id, user_id, title, description, completed, completed_at,
    priority, due_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const start = Date.now() - tasks.length * 1000;
  db.transaction(() => {
    tasks.forEach((t, i) => {
      const at = new Date(start + i * 1000).toISOString();
      insert.run(
        uuidv7(),
        userId,
        t.title,
        t.description,
        t.completed ? 1 : 0,
        t.completed ? at : null,
        PRIORITIES.indexOf(t.priority),
        t.dueAt,
        at,
        at,
      );
    });
    trash?.run(userId);
  })();
  return tasks.length;
}
