import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { AppDatabase } from './app-schema.ts';
import { ensureOwnerOnlyFile } from './owner-only-file.ts';

export type SqliteDatabase = Database.Database;

/**
 * Opens the app's one SQLite file with the pragmas every connection needs:
 * - WAL: readers never block the writer, and a crash leaves the last committed state intact.
 * - synchronous=FULL: in WAL mode every commit is fsynced before it returns, so a 2xx from the API means the
 *   write survives a power loss, not only a crash. NORMAL would risk the last commits on power loss; the cost of
 *   FULL is one WAL fsync per write transaction, which human-scale task writes do not notice (measured in bench/).
 * - foreign_keys=ON.
 * - busy_timeout=0: better-sqlite3 is synchronous, so waiting for a lock inside SQLite would block the event loop,
 *   and with it whoever holds the lock in this process (Better Auth awaiting mid-transaction): a deadlock until the
 *   timeout. Writers in this process take the WriteGate first; a lock held by another process fails fast
 *   (SQLITE_BUSY), and the write queue retries asynchronously (write-queue.ts).
 * Both of the app's connections (the app's and Better Auth's, see database-service.ts) are opened here.
 */
export function openDatabase(file: string): SqliteDatabase {
  // Create a new file owner-only (SQLite gives its -wal and -shm files the same mode); an existing file keeps its.
  ensureOwnerOnlyFile(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 0');
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
