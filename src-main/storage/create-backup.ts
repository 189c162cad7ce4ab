// Online backups with SQLite's backup API (better-sqlite3 `db.backup()`), never a raw copy of a live WAL file.
// Each copy is written as `*.partial`, verified with PRAGMA integrity_check, turned into a standalone file
// (journal_mode=DELETE, no -wal/-shm), and only then renamed into place; older backups are pruned afterwards.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../core/logger.ts';
import { silentLogger } from '../core/logger.ts';
import { createOwnerOnlyFile } from '../db/owner-only-file.ts';
import {
  type BackupEntry,
  type BackupReason,
  backupDir,
  formatBackupName,
  listBackups,
  PARTIAL_SUFFIX,
} from './backup-names.ts';
import { DEFAULT_ROTATION, type RotationPolicy, selectBackupsToPrune } from './backup-rotation.ts';
import { DataSafetyError } from './data-safety-error.ts';
import { integrityProblems } from './inspect-database.ts';

export interface BackupOptions {
  /** Clock (epoch ms); tests simulate days with it. */
  now?: () => number;
  policy?: RotationPolicy;
  logger?: Logger;
}

function removeSidecars(path: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

function removeFile(path: string): void {
  rmSync(path, { force: true });
  removeSidecars(path);
}

/** Leftovers of a backup that was interrupted (crash, kill): never valid, always safe to delete. */
function removeStalePartials(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.includes(PARTIAL_SUFFIX)) rmSync(join(dir, name), { force: true });
  }
}

function freeName(dir: string, time: number, reason: BackupReason): { name: string; time: number } {
  let t = time;
  while (existsSync(join(dir, formatBackupName(t, reason)))) t += 1;
  return { name: formatBackupName(t, reason), time: t };
}

/** Verifies a fresh copy and makes it a single self-contained file. Throws BACKUP_FAILED. */
function verifyCopy(path: string): void {
  const copy = new Database(path, { fileMustExist: true });
  try {
    const problems = integrityProblems(copy, 'integrity');
    if (problems !== null)
      throw new DataSafetyError('BACKUP_FAILED', `The new backup failed its integrity check: ${problems}`);
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Deletes the backups the rotation policy no longer needs. Every listed backup was verified before its rename. */
export function pruneBackups(
  dataDir: string,
  now: number,
  policy: RotationPolicy = DEFAULT_ROTATION,
): string[] {
  const backups = listBackups(backupDir(dataDir));
  const doomed = selectBackupsToPrune(
    backups.map((b) => ({ id: b.path, time: b.time, verified: true })),
    now,
    policy,
  );
  for (const path of doomed) removeFile(path);
  return doomed;
}

/** Backs up an open connection into `<dataDir>/backups/`, verifies it, then prunes older backups. */
export async function createBackup(
  db: Database.Database,
  dataDir: string,
  reason: BackupReason,
  options: BackupOptions = {},
): Promise<BackupEntry> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const dir = backupDir(dataDir);
  // Backups hold everything the database does (password hashes, sessions): owner-only, like the database.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  removeStalePartials(dir);

  const { name, time } = freeName(dir, now(), reason);
  const finalPath = join(dir, name);
  const partialPath = finalPath + PARTIAL_SUFFIX;
  try {
    // 0600 before SQLite writes a byte (its -journal gets the same mode), not chmod-ed once complete.
    createOwnerOnlyFile(partialPath);
    await db.backup(partialPath);
    verifyCopy(partialPath);
    renameSync(partialPath, finalPath);
  } catch (error) {
    removeFile(partialPath);
    if (error instanceof DataSafetyError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new DataSafetyError('BACKUP_FAILED', `Could not back up the database: ${message}`);
  }
  const pruned = pruneBackups(dataDir, now(), options.policy);
  logger.info('database backed up', { backup: finalPath, reason, pruned: pruned.length });
  return { name, path: finalPath, time, reason };
}

/** Backs up a database file that no connection of ours has open (before a restore, before migrating). */
export async function backupDatabaseFile(
  sourcePath: string,
  dataDir: string,
  reason: BackupReason,
  options: BackupOptions = {},
): Promise<BackupEntry> {
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    return await createBackup(source, dataDir, reason, options);
  } finally {
    source.close();
  }
}

/** The newest finished backup (each was verified before it got its name), or null. */
export function newestBackup(dataDir: string): BackupEntry | null {
  return listBackups(backupDir(dataDir))[0] ?? null;
}
