// 012: the CalDAV sync engine's own state (issue 18 §3). Per synced task: the calendar link it is in (sync_calendar,
// migration 011), its UID and href on the server, the ETag last seen and the VCALENDAR text both sides last agreed on
// (the base of the three-way merge and the text the next PUT edits, so that what other apps wrote survives), and the
// task's updated_at at that moment (unchanged since: nothing to push). The values that lost a merge (conflicts), and
// per account when its first sync was backed up. The calendar's sync token is sync_calendar.sync_token (011). All of
// it goes with its link or account (ON DELETE CASCADE: unlinking replaces the link's row); task rows are not touched.
// Never edit this file once released: add a new numbered migration instead.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const syncState: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      CREATE TABLE sync_task_state (
        user_id TEXT NOT NULL,
        account_id TEXT NOT NULL,
        task_id TEXT NOT NULL,
        calendar_id TEXT NOT NULL REFERENCES sync_calendar (id) ON DELETE CASCADE,
        uid TEXT NOT NULL,
        href TEXT NOT NULL,
        etag TEXT,
        agreed TEXT NOT NULL,
        agreed_updated_at TEXT NOT NULL,
        PRIMARY KEY (account_id, task_id)
      ) WITHOUT ROWID`.execute(db);
    await sql`CREATE UNIQUE INDEX sync_task_state_href ON sync_task_state (account_id, href)`.execute(db);
    await sql`CREATE INDEX sync_task_state_uid ON sync_task_state (account_id, uid)`.execute(db);
    await sql`CREATE INDEX sync_task_state_calendar ON sync_task_state (calendar_id)`.execute(db);
    await sql`
      CREATE TABLE sync_conflicts (
        id TEXT NOT NULL PRIMARY KEY,
        user_id TEXT NOT NULL,
        account_id TEXT NOT NULL REFERENCES sync_account (id) ON DELETE CASCADE,
        task_id TEXT NOT NULL,
        field TEXT NOT NULL,
        kept TEXT NOT NULL,
        lost TEXT NOT NULL,
        kept_from TEXT NOT NULL CHECK (kept_from IN ('local', 'remote')),
        at TEXT NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX sync_conflicts_user ON sync_conflicts (user_id, at, id)`.execute(db);
    await sql`CREATE INDEX sync_conflicts_account ON sync_conflicts (account_id)`.execute(db);
    await sql`
      CREATE TABLE sync_account_runs (
        account_id TEXT NOT NULL PRIMARY KEY REFERENCES sync_account (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        backed_up_at TEXT,
        last_run_at TEXT
      ) WITHOUT ROWID`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP TABLE sync_account_runs`.execute(db);
    await sql`DROP TABLE sync_conflicts`.execute(db);
    await sql`DROP TABLE sync_task_state`.execute(db);
  },
};
