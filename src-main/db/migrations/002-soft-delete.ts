// 002: soft delete. A deleted task keeps its row with `deleted_at` set (the trash) until it is restored or,
// 30 days later, purged. Never edit this file once released: add a new numbered migration instead.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const softDelete: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`ALTER TABLE tasks ADD COLUMN deleted_at TEXT`.execute(db);
    // Small partial indexes: only trashed rows are in them. One serves a user's trash list, one the purge.
    await sql`CREATE INDEX tasks_user_trash ON tasks (user_id, deleted_at, id) WHERE deleted_at IS NOT NULL`.execute(
      db,
    );
    await sql`CREATE INDEX tasks_trash_purge ON tasks (deleted_at) WHERE deleted_at IS NOT NULL`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP INDEX tasks_trash_purge`.execute(db);
    await sql`DROP INDEX tasks_user_trash`.execute(db);
    await sql`ALTER TABLE tasks DROP COLUMN deleted_at`.execute(db);
  },
};
