// The first service startCore starts and the last it stops: takes the data-directory lock (one app or host
// per data dir; the restore command takes the same lock) and refuses a damaged, unreadable or too-new database
// before anything opens it.
import { existsSync } from 'node:fs';
import type { Service } from '../core/service.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { checkDatabaseAtStartup } from './startup-check.ts';

export class DataDirGuardService implements Service {
  readonly name = 'data-dir-guard';
  private lock: DataDirLock | null = null;
  private existed = false;
  private readonly dataDir: string;
  private readonly dbPath: string;
  private readonly knownMigrations: readonly string[];

  constructor(dataDir: string, dbPath: string, knownMigrations: readonly string[]) {
    this.dataDir = dataDir;
    this.dbPath = dbPath;
    this.knownMigrations = knownMigrations;
  }

  /** Whether the database file was there before this start (a first start has nothing to back up). */
  get databaseExisted(): boolean {
    return this.existed;
  }

  start(): Promise<void> {
    const lock = acquireDataDirLock(this.dataDir, process.versions.electron ? 'app' : 'headless');
    try {
      checkDatabaseAtStartup({
        dataDir: this.dataDir,
        dbPath: this.dbPath,
        knownMigrations: this.knownMigrations,
      });
      this.existed = existsSync(this.dbPath);
    } catch (error) {
      lock.release();
      throw error;
    }
    this.lock = lock;
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.lock?.release();
    this.lock = null;
    return Promise.resolve();
  }
}
