import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { AppDatabase } from './app-schema.ts';

export type SqliteDatabase = Database.Database;

/**
 * Opens the app's one SQLite file with the pragmas every connection needs:
 * - WAL: readers never block the writer, and a crash leaves the last committed state intact.
 * - synchronous=FULL: in WAL mode every commit is fsynced before it returns, so a 2xx from the API means the
 *   write survives a power loss, not only a crash. NORMAL would risk the last commits on power loss; the cost of
 *   FULL is one WAL fsync per write transaction, which human-scale task writes do not notice (measured in bench/).
 * - foreign_keys=ON, busy_timeout=5000: another process (a backup, a second host refused by the lock) waits
 *   instead of failing at once.
 */
export function openDatabase(file: string): SqliteDatabase {
  // Create a new file owner-only (SQLite gives its -wal and -shm files the same mode); an existing file keeps its.
  closeSync(openSync(file, 'a', 0o600));
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A Kysely instance over the same connection (migrations and typed query building). */
export function createKysely(db: SqliteDatabase): Kysely<AppDatabase> {
  return new Kysely<AppDatabase>({ dialect: new SqliteDialect({ database: db }) });
}

/** Flushes the WAL into the main file and closes the connection. */
export function closeDatabase(db: SqliteDatabase): void {
  if (!db.open) return;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
