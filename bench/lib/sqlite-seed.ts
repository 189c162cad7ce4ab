// Writes seed tasks straight into a tasks table built by the product's migrations, in one
// transaction (the table's triggers keep the FTS5 index in step). Used for the bare baseline's
// database and for S2's 100,000 tasks, where 100,000 API calls would each pay an fsync.
import type Database from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import { PRIORITIES } from '../../src-shared/task-schemas.ts';
import type { SeedTask } from './task-data.ts';

/** Inserts the tasks for userId, created one second apart ending about now; returns how many. */
export function insertSeedTasks(db: Database.Database, userId: string, tasks: readonly SeedTask[]): number {
  const insert = db.prepare(`INSERT INTO tasks (id, user_id, title, description, completed, completed_at,
    priority, due_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const start = Date.now() - tasks.length * 1000;
  db.transaction(() => {
    tasks.forEach((t, i) => {
      const at = new Date(start + i * 1000).toISOString();
      insert.run(uuidv7(), userId, t.title, t.description, t.completed ? 1 : 0, t.completed ? at : null,
        PRIORITIES.indexOf(t.priority), t.dueAt, at, at);
    });
  })();
  return tasks.length;
}
