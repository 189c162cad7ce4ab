// The start-up backup: at most once an hour (measured from the newest backup of any kind), only for a
// database that existed before this start. A failed backup is logged and the app still starts: older
// backups are untouched (nothing is pruned until a new copy is verified).
import type { Logger } from '../core/logger.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import { backupDir, listBackups } from './backup-names.ts';
import { isStartupBackupDue } from './backup-rotation.ts';
import { createBackup } from './create-backup.ts';

export async function runStartupBackup(
  db: SqliteDatabase,
  dataDir: string,
  options: { databaseExisted: boolean; logger: Logger; now?: () => number },
): Promise<string | null> {
  const now = options.now ?? Date.now;
  if (!options.databaseExisted) return null;
  if (
    !isStartupBackupDue(
      listBackups(backupDir(dataDir)).map((b) => b.time),
      now(),
    )
  )
    return null;
  try {
    return (await createBackup(db, dataDir, 'startup', { now, logger: options.logger })).path;
  } catch (error) {
    options.logger.error('start-up backup failed', {
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}
