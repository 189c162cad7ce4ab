// Before the app opens its database: refuse to run over a damaged, unreadable or too-new file, and tell the
// user where the newest good backup is and how to restore it. A damaged file is moved aside untouched.
import { backupDir, listBackups } from './backup-names.ts';
import { DataSafetyError } from './data-safety-error.ts';
import { corruptMarkerPath, quarantineDatabase, readCorruptMarker } from './database-quarantine.ts';
import { inspectDatabase } from './inspect-database.ts';
import { restoreCommand } from './restore-command.ts';

export interface StartupCheckOptions {
  dataDir: string;
  dbPath: string;
  knownMigrations: readonly string[];
  now?: () => number;
}

function nextSteps(dataDir: string): { text: string; newestBackup: string | null } {
  const newest = listBackups(backupDir(dataDir))[0]?.path ?? null;
  if (newest === null) {
    return { text: 'No backup exists yet.', newestBackup: null };
  }
  return {
    text: `The newest good backup is ${newest}. Restore it with: ${restoreCommand(dataDir, newest)}`,
    newestBackup: newest,
  };
}

function corruptError(dataDir: string, movedTo: string, reason: string): DataSafetyError {
  const steps = nextSteps(dataDir);
  return new DataSafetyError(
    'DATABASE_CORRUPT',
    `The task database is damaged (${reason}). It was moved, untouched, to ${movedTo}. ${steps.text} ` +
      `To start with an empty database instead, delete ${corruptMarkerPath(dataDir)}.`,
    { movedTo, newestBackup: steps.newestBackup, marker: corruptMarkerPath(dataDir) },
  );
}

/** Throws DataSafetyError (DATABASE_CORRUPT | DATABASE_UNREADABLE | DATABASE_TOO_NEW); returns when safe to open. */
export function checkDatabaseAtStartup(options: StartupCheckOptions): void {
  const { dataDir, dbPath } = options;
  const now = options.now ?? Date.now;
  const marker = readCorruptMarker(dataDir);
  if (marker) throw corruptError(dataDir, marker.movedTo, marker.reason);

  const result = inspectDatabase(dbPath, { check: 'quick', knownMigrations: options.knownMigrations });
  if (result.ok || result.problem === 'missing') return;
  if (result.problem === 'corrupt') {
    const moved = quarantineDatabase(dataDir, dbPath, result.reason, now());
    throw corruptError(dataDir, moved.movedTo, result.reason);
  }
  const steps = nextSteps(dataDir);
  if (result.problem === 'too-new') {
    throw new DataSafetyError(
      'DATABASE_TOO_NEW',
      `The task database ${dbPath} was ${result.reason}. Update Tasks Desktop; the file was not changed. ${steps.text}`,
      { path: dbPath, newestBackup: steps.newestBackup },
    );
  }
  throw new DataSafetyError(
    'DATABASE_UNREADABLE',
    `The task database ${dbPath} cannot be read (${result.reason}). Check its permissions; it was not changed. ${steps.text}`,
    { path: dbPath, newestBackup: steps.newestBackup },
  );
}
