// The backups as Settings → Backups shows them (time, reason, size), "Back up now", and the one way a backup
// chosen by name is turned back into a path: only a name that is in the list, never a path from outside.
import { statSync } from 'node:fs';
import type { Logger } from '../core/logger.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import { type BackupEntry, backupDir, listBackups } from './backup-names.ts';
import { createBackup } from './create-backup.ts';
import { DataSafetyError } from './data-safety-error.ts';

export interface BackupInfo {
  /** The file name, e.g. `tasks-20261121T231848123Z-startup.db`: the handle the UI passes back. */
  name: string;
  /** ISO 8601 (UTC), from the name. */
  createdAt: string;
  reason: BackupEntry['reason'];
  sizeBytes: number;
}

function describe(entry: BackupEntry): BackupInfo | null {
  try {
    return { name: entry.name, createdAt: new Date(entry.time).toISOString(), reason: entry.reason, sizeBytes: statSync(entry.path).size };
  } catch {
    return null; // pruned between the listing and the stat
  }
}

/** The finished backups of `dataDir`, newest first. */
export function describeBackups(dataDir: string): BackupInfo[] {
  return listBackups(backupDir(dataDir)).flatMap((entry) => describe(entry) ?? []);
}

/** The backup called `name` in `dataDir`'s backups folder; BACKUP_NOT_FOUND for any other string. */
export function findBackup(dataDir: string, name: string): BackupEntry {
  const entry = listBackups(backupDir(dataDir)).find((backup) => backup.name === name);
  if (!entry) throw new DataSafetyError('BACKUP_NOT_FOUND', 'That backup is no longer there.');
  return entry;
}

/** What the core offers the desktop shell: the list, and a backup of the live database made now. */
export interface BackupCatalog {
  list(): BackupInfo[];
  backUpNow(): Promise<BackupInfo>;
}

export function backupCatalog(db: SqliteDatabase, dataDir: string, logger: Logger, now?: () => number): BackupCatalog {
  return {
    list: () => describeBackups(dataDir),
    backUpNow: async () => {
      const entry = await createBackup(db, dataDir, 'manual', { logger, ...(now ? { now } : {}) });
      const info = describe(entry);
      if (!info) throw new DataSafetyError('BACKUP_FAILED', 'The new backup disappeared before it could be listed.');
      return info;
    },
  };
}
