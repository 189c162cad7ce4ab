import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../storage/create-backup.ts';
import { DatabaseService } from './database-service.ts';
import { DatabaseTooNewError, migrateDatabase, MigrationFailedError } from './migrate.ts';
import { appMigrations } from './migrations/index.ts';
import { createKysely, openDatabase, type SqliteDatabase } from './open-database.ts';

let dir: string;
const open: SqliteDatabase[] = [];

function openAt(file: string): { sqlite: SqliteDatabase; kysely: Kysely<unknown> } {
  const sqlite = openDatabase(file);
  open.push(sqlite);
  return { sqlite, kysely: createKysely(sqlite) as Kysely<unknown> };
}

function migrate(file: string, migrations: Record<string, Migration>) {
  const { sqlite } = openAt(file);
  return migrateDatabase({
    sqlite,
    migrations,
    backup: async () => (await createBackup(sqlite, dir, 'pre-migration')).path,
  });
}

const addNotes: Migration = {
  async up(db) {
    await sql`ALTER TABLE tasks ADD COLUMN notes TEXT NOT NULL DEFAULT ''`.execute(db);
  },
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tasks-migrate-'));
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrateDatabase', () => {
  it('creates the schema on an empty database without a backup', async () => {
    const result = await migrate(join(dir, 'a.db'), { ...appMigrations });
    expect(result).toEqual({ applied: Object.keys(appMigrations), backupFile: null });
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('is a no-op when the schema is current', async () => {
    const file = join(dir, 'a.db');
    await migrate(file, { ...appMigrations });
    expect(await migrate(file, { ...appMigrations })).toEqual({ applied: [], backupFile: null });
  });

  it('upgrades a previous-version database, keeping its rows and backing it up first', async () => {
    const file = join(dir, 'a.db');
    await migrate(file, { ...appMigrations });
    const { sqlite: old } = openAt(file);
    old
      .prepare(
        `INSERT INTO tasks (id, user_id, title, created_at, updated_at) VALUES ('t1', 'u1', 'kept', 'x', 'x')`,
      )
      .run();
    old.close();

    const result = await migrate(file, { ...appMigrations, '999-add-notes': addNotes });
    expect(result.applied).toEqual(['999-add-notes']);
    expect(result.backupFile).toMatch(/pre-migration\.db$/);
    const { sqlite } = openAt(file);
    expect(sqlite.prepare(`SELECT title, notes FROM tasks`).get()).toEqual({ title: 'kept', notes: '' });
    const { sqlite: backup } = openAt(result.backupFile!);
    expect(backup.prepare(`SELECT title FROM tasks`).pluck().get()).toBe('kept');
    expect(() => backup.prepare(`SELECT notes FROM tasks`).get()).toThrow(/no such column/);
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const file = join(dir, 'a.db');
    await migrate(file, { ...appMigrations, '999-add-notes': addNotes });
    const error = await migrate(file, { ...appMigrations }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as DatabaseTooNewError).message).toMatch(/newer version of Tasks Desktop.*999-add-notes/);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('rolls a failing migration back, applying none of the pending ones, and names the backup', async () => {
    const file = join(dir, 'a.db');
    await migrate(file, { ...appMigrations });
    const broken: Migration = {
      async up(db) {
        await sql`ALTER TABLE tasks ADD COLUMN half TEXT`.execute(db);
        await sql`THIS IS NOT SQL`.execute(db);
      },
    };
    const error = await migrate(file, {
      ...appMigrations,
      '998-add-notes': addNotes,
      '999-broken': broken,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).backupFile).toBeTruthy();
    const { sqlite } = openAt(file);
    expect(() => sqlite.prepare(`SELECT half FROM tasks`).get()).toThrow(/no such column/);
    expect(() => sqlite.prepare(`SELECT notes FROM tasks`).get()).toThrow(/no such column/);
    expect(sqlite.prepare(`SELECT name FROM kysely_migration`).pluck().all()).toEqual(
      Object.keys(appMigrations),
    );
  });
});

describe('DatabaseService', () => {
  it('opens two connections with WAL, FULL sync, foreign keys and no busy wait, and checkpoints on stop', async () => {
    const service = new DatabaseService(dir);
    await service.start();
    const { sqlite, authSqlite } = service;
    expect(authSqlite).not.toBe(sqlite);
    for (const connection of [sqlite, authSqlite]) {
      expect(connection.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(connection.pragma('synchronous', { simple: true })).toBe(2);
      expect(connection.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(connection.pragma('busy_timeout', { simple: true })).toBe(0);
    }
    // The app's connection writes only through its write queue.
    expect(sqlite.pragma('query_only', { simple: true })).toBe(1);
    expect(authSqlite.pragma('query_only', { simple: true })).toBe(0);
    await service.stop();
    expect(sqlite.open).toBe(false);
    expect(authSqlite.open).toBe(false);
    expect(readdirSync(dir)).not.toContain('tasks.db-wal');
  });
});
