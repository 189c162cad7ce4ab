// One process per data directory: the desktop app, the headless host and the restore command all take
// `<dataDir>/tasks.lock`. The lock is one the operating system holds: an SQLite write lock (BEGIN IMMEDIATE, kept
// open for as long as the lock is held) on that file. SQLite's unix VFS takes it with fcntl(): exactly one process
// gets it, atomically, and the kernel drops it the moment the holder dies, however it dies (a SIGKILL or a crash
// included, before the dead process is even reaped). Nothing is ever "stale": there is no PID to check and no file
// to delete (deleting a lock file would let two processes lock two different files). Within one process a second
// connection is refused as well (SQLite tracks its locks per file, not per process).
// Who holds it (purpose, pid) is written next to it in `tasks.lock.owner`, for the message only.
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ensureOwnerOnlyFile } from '../db/owner-only-file.ts';
import { DataSafetyError } from './data-safety-error.ts';

export const LOCK_FILE_NAME = 'tasks.lock';
export const LOCK_OWNER_FILE_NAME = 'tasks.lock.owner';

export interface LockOwner {
  pid: number;
  /** What holds it, e.g. "app", "headless", "restore". */
  purpose: string;
  startedAt: string;
}

/**
 * A held lock. Keep it referenced until release(): the OS lock lives as long as its SQLite connection, and
 * better-sqlite3 closes a garbage-collected connection, which silently drops the lock.
 */
export interface DataDirLock {
  readonly path: string;
  /** Gives the directory up (the OS also does when the process ends). Idempotent. */
  release(): void;
}

export function lockPath(dataDir: string): string {
  return join(dataDir, LOCK_FILE_NAME);
}

function ownerPath(dataDir: string): string {
  return join(dataDir, LOCK_OWNER_FILE_NAME);
}

/** What the holder wrote about itself, or null (missing, unreadable, half-written). Informational only. */
export function readLockOwner(dataDir: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(ownerPath(dataDir), 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return null;
    return { pid: parsed.pid, purpose: String(parsed.purpose ?? 'unknown'), startedAt: String(parsed.startedAt ?? '') };
  } catch {
    return null;
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function inUse(dataDir: string): DataSafetyError {
  const path = lockPath(dataDir);
  const owner = readLockOwner(dataDir);
  const who = owner ? ` (${owner.purpose}, pid ${owner.pid})` : '';
  return new DataSafetyError(
    'DATA_DIR_IN_USE',
    `The data directory ${dataDir} is in use by another Tasks Desktop process${who}. Quit it first.`,
    { lockFile: path, pid: owner ? String(owner.pid) : null },
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Versions before the OS lock wrote `{"pid":...}` into tasks.lock. Such a file is not an SQLite database; if its
 * process is gone it is emptied in place (the same file, so racing processes still lock one file), else the
 * directory is in use by that older version.
 */
function clearLegacyLock(path: string, dataDir: string): void {
  let pid: unknown;
  try {
    pid = (JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown }).pid;
  } catch {
    pid = null;
  }
  if (typeof pid === 'number' && pid !== process.pid && isAlive(pid)) throw inUse(dataDir);
  truncateSync(path, 0);
}

/**
 * Opens the lock file and takes its write lock, or returns null when another connection (in any process) holds
 * it. Two processes racing: both may get SQLite's shared lock, only one the reserved lock; the other gets
 * SQLITE_BUSY at once (busy_timeout 0), never a wait.
 */
function tryLock(path: string, dataDir: string): Database.Database | null {
  ensureOwnerOnlyFile(path); // an empty file is an empty SQLite database
  for (let attempt = 0; ; attempt += 1) {
    const db = new Database(path, { timeout: 0 });
    try {
      db.pragma('journal_mode = MEMORY'); // no tasks.lock-journal file; nothing is ever written anyway
      db.exec('BEGIN IMMEDIATE'); // holds SQLite's reserved lock (fcntl) until ROLLBACK, close or process death
      return db;
    } catch (error) {
      db.close();
      if (isBusy(error)) return null;
      if ((error as { code?: unknown }).code !== 'SQLITE_NOTADB' || attempt > 0) throw error;
      clearLegacyLock(path, dataDir);
    }
  }
}

/** Whether some process (this one included) holds the data directory now. */
export function isDataDirInUse(dataDir: string): boolean {
  const db = tryLock(lockPath(dataDir), dataDir);
  if (!db) return true;
  db.exec('ROLLBACK');
  db.close();
  return false;
}

/** Takes the data directory for this process, or throws DATA_DIR_IN_USE. */
export function acquireDataDirLock(dataDir: string, purpose: string): DataDirLock {
  const path = lockPath(dataDir);
  const db = tryLock(path, dataDir);
  if (!db) throw inUse(dataDir);
  const me: LockOwner = { pid: process.pid, purpose, startedAt: new Date().toISOString() };
  try {
    writeFileSync(ownerPath(dataDir), JSON.stringify(me), { mode: 0o600 });
  } catch {
    // only the message of a refused second process would lack the owner's name
  }
  return {
    path,
    release: () => {
      if (!db.open) return;
      // The owner note goes while the lock is still ours: afterwards it could already be the next holder's.
      rmSync(ownerPath(dataDir), { force: true });
      db.exec('ROLLBACK');
      db.close();
    },
  };
}
