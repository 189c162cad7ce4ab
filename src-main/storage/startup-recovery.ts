// What the desktop app offers when start-up refused the database: the words for a dialog and, when a backup
// exists, the restore to run if the user accepts. Electron-free; the shell shows it with dialog.showMessageBox.
import type { Logger } from '../core/logger.ts';
import { DataSafetyError } from './data-safety-error.ts';
import { runRestoreCommand } from './restore-command-run.ts';
import type { RestoreResult } from './restore-database.ts';

export interface RecoveryOffer {
  title: string;
  message: string;
  /** The newest good backup, or null when there is none to offer. */
  backupPath: string | null;
  /** Button labels: [accept, decline] when a backup is offered, else [decline]. */
  buttons: string[];
}

const TITLES: Partial<Record<DataSafetyError['code'], string>> = {
  DATABASE_CORRUPT: 'Your task database is damaged',
  DATABASE_UNREADABLE: 'Your task database cannot be read',
  DATABASE_TOO_NEW: 'Your task database is from a newer version',
};

/** A restore offer for start-up failures about the database itself; null for any other failure. */
export function recoveryOffer(error: unknown): RecoveryOffer | null {
  if (!(error instanceof DataSafetyError)) return null;
  const title = TITLES[error.code];
  if (!title) return null;
  const backupPath = error.details.newestBackup ?? null;
  return {
    title,
    message: error.message,
    backupPath,
    buttons: backupPath ? ['Restore the newest backup', 'Quit'] : ['Quit'],
  };
}

/** Runs the offered restore (the data dir's lock is free again once start-up failed). */
export function acceptRecovery(
  dataDir: string,
  offer: RecoveryOffer,
  logger: Logger,
): Promise<RestoreResult> {
  if (!offer.backupPath) return Promise.reject(new Error('No backup was offered.'));
  return runRestoreCommand(dataDir, offer.backupPath, logger);
}
