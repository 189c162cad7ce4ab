import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SqliteDatabase } from './open-database.ts';

/** `tasks-20261121T231500123Z-pre-migration.db`: names sort by time. */
export function backupFileName(now: Date, reason: string): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  return `tasks-${stamp}-${reason}.db`;
}

/**
 * Copies the live database with SQLite's online backup API (never a raw copy of a WAL database, which can
 * miss committed pages still in the -wal file). Returns the backup's path.
 */
export async function backupDatabase(
  db: SqliteDatabase,
  backupsDir: string,
  reason: string,
  now: Date = new Date(),
): Promise<string> {
  mkdirSync(backupsDir, { recursive: true, mode: 0o700 });
  const file = join(backupsDir, backupFileName(now, reason));
  await db.backup(file);
  return file;
}
