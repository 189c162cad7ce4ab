// 001: the tasks table, its list indexes and the FTS5 index for text search.
// Never edit this file once released: add a new numbered migration instead.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const createTasks: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // A rowid table (not WITHOUT ROWID) so the FTS5 index can point at rows by rowid.
    await sql`
      CREATE TABLE tasks (
        id TEXT NOT NULL PRIMARY KEY,
        user_id TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
        completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
        completed_at TEXT,
        priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3),
        due_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`.execute(db);
    // One index per sort order; each starts with user_id and ends with id (the keyset tie-breaker).
    await sql`CREATE INDEX tasks_user_created ON tasks (user_id, created_at, id)`.execute(db);
    await sql`CREATE INDEX tasks_user_status_created ON tasks (user_id, completed, created_at, id)`.execute(
      db,
    );
    await sql`CREATE INDEX tasks_user_due ON tasks (user_id, ifnull(due_at, '~'), id)`.execute(db);
    await sql`CREATE INDEX tasks_user_priority ON tasks (user_id, priority, created_at, id)`.execute(db);
    await sql`CREATE INDEX tasks_user_title ON tasks (user_id, title COLLATE NOCASE, id)`.execute(db);

    await sql`
      CREATE VIRTUAL TABLE tasks_fts USING fts5(
        title, description, content='tasks', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
      )`.execute(db);
    await sql`
      CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
        INSERT INTO tasks_fts (rowid, title, description) VALUES (new.rowid, new.title, new.description);
      END`.execute(db);
    await sql`
      CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
        INSERT INTO tasks_fts (tasks_fts, rowid, title, description)
          VALUES ('delete', old.rowid, old.title, old.description);
      END`.execute(db);
    await sql`
      CREATE TRIGGER tasks_fts_update AFTER UPDATE OF title, description ON tasks BEGIN
        INSERT INTO tasks_fts (tasks_fts, rowid, title, description)
          VALUES ('delete', old.rowid, old.title, old.description);
        INSERT INTO tasks_fts (rowid, title, description) VALUES (new.rowid, new.title, new.description);
      END`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP TABLE tasks_fts`.execute(db);
    await sql`DROP TABLE tasks`.execute(db);
  },
};
