// Failures of the data-safety layer (backups, restore, start-up checks), each with a stable code.
// `message` is safe to show a user: it names files and the next step, never secrets.

export type DataSafetyErrorCode =
  /** The database file is damaged (integrity check failed, or not an SQLite file). */
  | 'DATABASE_CORRUPT'
  /** The database file exists but cannot be opened or read (permissions, I/O). */
  | 'DATABASE_UNREADABLE'
  /** The database was written by a newer version of the app. */
  | 'DATABASE_TOO_NEW'
  /** The app or the headless host is running on this data directory. */
  | 'DATA_DIR_IN_USE'
  /** A fresh backup failed its integrity check; older backups were left alone. */
  | 'BACKUP_FAILED'
  /** The file given to restore is missing, damaged or not a Tasks Desktop database. */
  | 'RESTORE_SOURCE_INVALID'
  /** A backup asked for by name is not (or no longer) in the backups folder. */
  | 'BACKUP_NOT_FOUND';

export class DataSafetyError extends Error {
  override readonly name = 'DataSafetyError';
  readonly code: DataSafetyErrorCode;
  /** Extra facts for the user interface (e.g. the newest good backup's path). */
  readonly details: Readonly<Record<string, string | null>>;

  constructor(code: DataSafetyErrorCode, message: string, details: Record<string, string | null> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export function isDataSafetyError(value: unknown): value is DataSafetyError {
  return value instanceof DataSafetyError;
}
