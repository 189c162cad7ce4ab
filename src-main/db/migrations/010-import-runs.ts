// 010: import runs. A large import is written in batches that yield (other requests keep being answered), so it is
// no longer one transaction; to stay all-or-nothing for the user, every task and list it writes carries the run's id,
// and a run that did not finish (a failure, or the app killed midway) is undone: its rows are deleted, by the import
// itself or at the next start-up. A finished run's id stays on its rows (what "undo this import" will trash).
// Never edit this file once released: add a new numbered migration instead.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const importRuns: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      CREATE TABLE import_runs (
        id TEXT NOT NULL PRIMARY KEY,
        user_id TEXT NOT NULL,
        format TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('running', 'done')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        imported INTEGER NOT NULL DEFAULT 0
      )`.execute(db);
    await sql`CREATE INDEX import_runs_user ON import_runs (user_id, started_at)`.execute(db);
    await sql`CREATE INDEX import_runs_running ON import_runs (state) WHERE state = 'running'`.execute(db);
    await sql`ALTER TABLE tasks ADD COLUMN import_run_id TEXT`.execute(db);
    await sql`CREATE INDEX tasks_import_run ON tasks (import_run_id) WHERE import_run_id IS NOT NULL`.execute(db);
    await sql`ALTER TABLE lists ADD COLUMN import_run_id TEXT`.execute(db);
    await sql`CREATE INDEX lists_import_run ON lists (import_run_id) WHERE import_run_id IS NOT NULL`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP INDEX lists_import_run`.execute(db);
    await sql`ALTER TABLE lists DROP COLUMN import_run_id`.execute(db);
    await sql`DROP INDEX tasks_import_run`.execute(db);
    await sql`ALTER TABLE tasks DROP COLUMN import_run_id`.execute(db);
    await sql`DROP TABLE import_runs`.execute(db);
  },
};
