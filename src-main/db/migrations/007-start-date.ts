// 007: a start date apart from the due date (issue 15 §3). `start_date` is a calendar date "YYYY-MM-DD" or NULL,
// the day a task becomes workable. Additive: existing rows have none. Never edit this file once released: add a new
// numbered migration instead.
//
// Two indexes, so that every query that gains a start-date condition keeps an index:
// - tasks_user_start: the start sort and start-date ranges over a user's tasks (same shape as tasks_user_due_key);
// - tasks_user_live_start: the open tasks whose start date has come (Today and its count), live rows with a start
//   date only, so it stays as small as the number of tasks that have one.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const startDate: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`ALTER TABLE tasks ADD COLUMN start_date TEXT`.execute(db);
    await sql`CREATE INDEX tasks_user_start ON tasks (user_id, ifnull(start_date, '~'), id)`.execute(db);
    await sql`CREATE INDEX tasks_user_live_start ON tasks (user_id, completed, start_date)
      WHERE deleted_at IS NULL AND start_date IS NOT NULL`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP INDEX tasks_user_live_start`.execute(db);
    await sql`DROP INDEX tasks_user_start`.execute(db);
    await sql`ALTER TABLE tasks DROP COLUMN start_date`.execute(db);
  },
};
