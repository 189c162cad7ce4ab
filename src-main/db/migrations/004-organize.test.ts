// Migration 004 on a database written before it: every task lands in its account's Inbox, at the top level, in the
// order the app showed it (newest first); counts and the text search are right afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../storage/create-backup.ts';
import { migrateDatabase } from '../migrate.ts';
import { openDatabase, type SqliteDatabase } from '../open-database.ts';
import { appMigrations } from './index.ts';

let dir: string;
let sqlite: SqliteDatabase;

const migrate = (names: string[]) =>
  migrateDatabase({
    sqlite,
    migrations: Object.fromEntries(names.map((name) => [name, appMigrations[name]!])),
    backup: async () => (await createBackup(sqlite, dir, 'pre-migration')).path,
  });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tasks-m004-'));
  sqlite = openDatabase(join(dir, 'tasks.db'));
});
afterEach(() => {
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 004-organize', () => {
  it('puts every existing task into its account’s Inbox, newest first, even after a later migration', async () => {
    // The databases that exist: 005 and 006 landed before 004 (see migrate.ts); later migrations come after 004.
    const before = ['001-create-tasks', '002-soft-delete', '003-counts-index', '005-schedule', '006-tokens'];
    await migrate(before);
    const insert = sqlite.prepare(
      `INSERT INTO tasks (id, user_id, title, completed, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run('a1', 'alice', 'oldest report', 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', null);
    insert.run('a2', 'alice', 'middle', 1, '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', null);
    insert.run('a3', 'alice', 'newest', 0, '2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z', null);
    insert.run('a4', 'alice', 'trashed', 0, '2026-01-04T00:00:00.000Z', '2026-01-04T00:00:00.000Z', '2026-01-05T00:00:00.000Z');
    insert.run('b1', 'bob', 'bob report', 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', null);

    const result = await migrate(Object.keys(appMigrations));
    expect(result.applied).toEqual(Object.keys(appMigrations).filter((name) => !before.includes(name)));
    expect(result.backupFile).not.toBeNull();

    const lists = sqlite
      .prepare(`SELECT user_id, name, is_inbox, active_count FROM lists ORDER BY user_id`)
      .all();
    expect(lists).toEqual([
      { user_id: 'alice', name: 'Inbox', is_inbox: 1, active_count: 2 },
      { user_id: 'bob', name: 'Inbox', is_inbox: 1, active_count: 1 },
    ]);
    const alice = sqlite
      .prepare(
        `SELECT t.id FROM tasks t JOIN lists l ON l.id = t.list_id AND l.user_id = t.user_id
         WHERE t.user_id = 'alice' AND t.parent_id IS NULL ORDER BY t.position, t.id`,
      )
      .pluck()
      .all();
    expect(alice).toEqual(['a4', 'a3', 'a2', 'a1']);
    const found = sqlite
      .prepare(`SELECT t.id FROM tasks_fts JOIN tasks t ON t.rowid = tasks_fts.rowid WHERE tasks_fts MATCH '"report"*' ORDER BY t.id`)
      .pluck()
      .all();
    expect(found).toEqual(['a1', 'b1']);
  });
});
