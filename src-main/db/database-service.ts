import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Service } from '../core/service.ts';
import type { AppDatabase } from './app-schema.ts';
import { createBackup } from '../data-safety/create-backup.ts';
import { migrateDatabase, type MigrateResult } from './migrate.ts';
import { appMigrations } from './migrations/index.ts';
import { closeDatabase, createKysely, openDatabase, type SqliteDatabase } from './open-database.ts';

export const DATABASE_FILE = 'tasks.db';
export const BACKUPS_DIR = 'backups';

/** The app's one SQLite connection: opened and migrated on start, checkpointed and closed on stop. */
export class DatabaseService implements Service {
  readonly name = 'database';
  readonly file: string;
  readonly backupsDir: string;
  private readonly dataDir: string;
  private connection: SqliteDatabase | null = null;
  private kyselyInstance: Kysely<AppDatabase> | null = null;
  private migrated: MigrateResult | null = null;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.file = join(dataDir, DATABASE_FILE);
    this.backupsDir = join(dataDir, BACKUPS_DIR);
  }

  get sqlite(): SqliteDatabase {
    if (!this.connection) throw new Error('The database is not open.');
    return this.connection;
  }

  get kysely(): Kysely<AppDatabase> {
    if (!this.kyselyInstance) throw new Error('The database is not open.');
    return this.kyselyInstance;
  }

  /** What the last start applied (for logs and tests). */
  get migrationResult(): MigrateResult | null {
    return this.migrated;
  }

  async start(): Promise<void> {
    mkdirSync(this.backupsDir, { recursive: true, mode: 0o700 });
    const sqlite = openDatabase(this.file);
    try {
      this.migrated = await migrateDatabase({
        sqlite,
        migrations: appMigrations,
        // A verified online backup in <dataDir>/backups, rotated like every other backup.
        backup: async () => (await createBackup(sqlite, this.dataDir, 'pre-migration')).path,
      });
      this.connection = sqlite;
      this.kyselyInstance = createKysely(sqlite);
    } catch (error) {
      sqlite.close();
      throw error;
    }
  }

  stop(): Promise<void> {
    // Kysely's destroy() would close the shared connection too; closing here is the one place that does.
    if (this.connection) closeDatabase(this.connection);
    this.connection = null;
    this.kyselyInstance = null;
    return Promise.resolve();
  }
}
