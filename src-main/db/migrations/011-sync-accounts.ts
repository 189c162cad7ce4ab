// 011: CalDAV sync accounts and their calendars (issue 18 §1). One row per account (its password only sealed: see
// src-main/sync/accounts/password-sealer.ts) and one row per server calendar that can hold tasks, linked to at most
// one local list (list_id null: known on the server, not synced). Unlinking deletes the calendar's row and writes a
// fresh one (a new id), so what the sync engine keeps per calendar (its tables reference sync_calendar(id) ON DELETE
// CASCADE, migration 012) goes with the link. A list removed for good unlinks itself (ON DELETE SET NULL).
// Never edit this file once released: add a new numbered migration instead.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const syncAccounts: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      CREATE TABLE sync_account (
        id TEXT NOT NULL PRIMARY KEY,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('caldav')),
        server_url TEXT NOT NULL,
        username TEXT NOT NULL,
        home_url TEXT NOT NULL,
        password_sealed TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'idle' CHECK (state IN ('idle', 'syncing', 'error', 'needs-confirmation')),
        last_sync_at TEXT,
        last_error_code TEXT,
        last_error_message TEXT,
        last_error_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX sync_account_user ON sync_account (user_id, created_at, id)`.execute(db);
    await sql`
      CREATE TABLE sync_calendar (
        id TEXT NOT NULL PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES sync_account (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        url TEXT NOT NULL,
        name TEXT NOT NULL,
        color TEXT,
        list_id TEXT REFERENCES lists (id) ON DELETE SET NULL,
        sync_token TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (account_id, url)
      )`.execute(db);
    // A list syncs with one calendar at most.
    await sql`CREATE UNIQUE INDEX sync_calendar_list ON sync_calendar (list_id) WHERE list_id IS NOT NULL`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP TABLE sync_calendar`.execute(db);
    await sql`DROP TABLE sync_account`.execute(db);
  },
};
