// Test helper: a small WAL database shaped like the app's (a kysely_migration table and a task table).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';

export const SAMPLE_MIGRATIONS = ['001-initial'] as const;

/** A fresh temp folder, removed when the calling test finishes. */
export function tempDataDir(prefix = 'tasks-safety-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Opens (creating) a WAL database with the sample schema and `rows` titled tasks. */
export function openSampleDatabase(
  path: string,
  titles: readonly string[] = [],
  migrations: readonly string[] = SAMPLE_MIGRATIONS,
): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS kysely_migration (name TEXT PRIMARY KEY, timestamp TEXT NOT NULL);
           CREATE TABLE IF NOT EXISTS task (id TEXT PRIMARY KEY, title TEXT NOT NULL)`);
  const addMigration = db.prepare('INSERT OR IGNORE INTO kysely_migration (name, timestamp) VALUES (?, ?)');
  for (const name of migrations) addMigration.run(name, new Date(0).toISOString());
  const addTask = db.prepare('INSERT INTO task (id, title) VALUES (?, ?)');
  titles.forEach((title, i) => addTask.run(`t${i}-${title}`, title));
  return db;
}

export function titlesIn(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT title FROM task ORDER BY title').all() as Array<{ title: string }>).map(
      (r) => r.title,
    );
  } finally {
    db.close();
  }
}
