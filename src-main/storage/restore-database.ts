// Restores a backup over the live database file, with the app stopped:
// take the data-dir lock (refuse while the app or host runs), verify the source (intact, ours, not too new),
// copy it next to the target with the backup API, back up the current file first (or move it aside untouched
// when it is damaged), fold its -wal into the file, drop stale -wal/-shm, then atomically rename into place.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { silentLogger, type Logger } from '../core/logger.ts';
import { createOwnerOnlyFile } from '../db/owner-only-file.ts';
import { backupDatabaseFile } from './create-backup.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { DataSafetyError } from './data-safety-error.ts';
import { clearCorruptMarker, moveDatabaseAside } from './database-quarantine.ts';
import { inspectDatabase, integrityProblems } from './inspect-database.ts';

export interface RestoreOptions {
  dataDir: string;
  /** The live database file, e.g. `<dataDir>/tasks.db`. */
  dbPath: string;
  /** The backup (or any Tasks Desktop database file) to restore. */
  sourcePath: string;
  knownMigrations: readonly string[];
  /** Tables a Tasks Desktop database must have. */
  requiredTables: readonly string[];
  now?: () => number;
  logger?: Logger;
  /** The app's own fix-ups, run on the staged copy (already verified) before it goes into place. */
  prepare?: (db: Database.Database, now: number) => void;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Backup of the file that was replaced (null when there was none or it was damaged). */
  previousBackup: string | null;
  /** Where a damaged previous file was moved, untouched. */
  movedAside: string | null;
}

function verifySource(options: RestoreOptions): void {
  const result = inspectDatabase(options.sourcePath, {
    check: 'integrity',
    knownMigrations: options.knownMigrations,
    requiredTables: options.requiredTables,
  });
  if (result.ok) return;
  const code = result.problem === 'too-new' ? 'DATABASE_TOO_NEW' : 'RESTORE_SOURCE_INVALID';
  throw new DataSafetyError(
    code,
    `Cannot restore ${options.sourcePath}: ${result.reason}. Nothing was changed.`,
    {
      source: options.sourcePath,
    },
  );
}

/** Copies the source with the backup API into a standalone file beside the target. */
async function stageCopy(
  sourcePath: string,
  stagedPath: string,
  prepare: ((db: Database.Database) => void) | undefined,
): Promise<void> {
  rmSync(stagedPath, { force: true });
  for (const suffix of ['-journal', '-wal', '-shm']) rmSync(stagedPath + suffix, { force: true });
  // 0600 before SQLite writes a byte: the copy, and the -journal/-wal/-shm SQLite gives the same mode.
  createOwnerOnlyFile(stagedPath);
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    await source.backup(stagedPath);
  } finally {
    source.close();
  }
  const staged = new Database(stagedPath, { fileMustExist: true });
  try {
    const problems = integrityProblems(staged);
    if (problems !== null)
      throw new DataSafetyError('RESTORE_SOURCE_INVALID', `The staged copy is damaged: ${problems}`);
    prepare?.(staged);
    staged.pragma('journal_mode = DELETE');
  } finally {
    staged.close();
  }
}

/** Folds the current file's WAL into it so the -wal can go; closing the last connection removes -wal/-shm. */
function checkpoint(dbPath: string): void {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

export async function restoreDatabase(options: RestoreOptions): Promise<RestoreResult> {
  const { dataDir, dbPath } = options;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // restoring onto a new machine: the folder may be new
  const lock = acquireDataDirLock(dataDir, 'restore');
  const stagedPath = `${dbPath}.restoring`;
  try {
    verifySource(options);
    const prepare = options.prepare;
    await stageCopy(options.sourcePath, stagedPath, prepare && ((db) => prepare(db, now())));

    let previousBackup: string | null = null;
    let movedAside: string | null = null;
    if (existsSync(dbPath)) {
      const current = inspectDatabase(dbPath, { check: 'integrity' });
      if (current.ok) {
        checkpoint(dbPath);
        previousBackup = (await backupDatabaseFile(dbPath, dataDir, 'pre-restore', { now, logger })).path;
      } else {
        movedAside = moveDatabaseAside(dataDir, dbPath, now());
      }
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(dbPath + suffix, { force: true });
    renameSync(stagedPath, dbPath);
    clearCorruptMarker(dataDir);
    logger.info('database restored', { from: options.sourcePath, previousBackup, movedAside });
    return { restoredFrom: options.sourcePath, previousBackup, movedAside };
  } finally {
    rmSync(stagedPath, { force: true });
    lock.release();
  }
}
