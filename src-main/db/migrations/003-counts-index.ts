// 003: a covering index for the filter-tab counts. Live tasks only (trashed ones are never counted), ordered so
// every count is an index-only range: all, completed, due in a window, overdue.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const countsIndex: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`CREATE INDEX tasks_user_live_counts ON tasks (user_id, completed, due_at) WHERE deleted_at IS NULL`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP INDEX tasks_user_live_counts`.execute(db);
  },
};
