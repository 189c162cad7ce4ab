import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Service } from '../core/service.ts';
import { createBackup } from '../storage/create-backup.ts';
import { migrateDatabase, type MigrateResult } from './migrate.ts';
import { appMigrations } from './migrations/index.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from './open-database.ts';
import { WriteGate } from './write-gate.ts';
import { WriteQueue } from './write-queue.ts';

export const DATABASE_FILE = 'tasks.db';
export const BACKUPS_DIR = 'backups';

interface OpenState {
  sqlite: SqliteDatabase;
  authSqlite: SqliteDatabase;
  writes: WriteQueue;
  gate: WriteGate;
}

/**
 * The data file, opened and migrated on start, checkpointed and closed on stop. Two connections, never shared:
 * - `sqlite`, the app's: reads anywhere; writes ONLY through `writes` (group commit, one writer at a time; the
 *   connection refuses writes outside the queue's batches).
 * - `authSqlite`, Better Auth's (and the auth module's own tables): its transactions stay open across awaits,
 *   so they must never share a connection with app writes. Both take `gate` before they write.
 */
export class DatabaseService implements Service {
  readonly name = 'database';
  readonly file: string;
  readonly backupsDir: string;
  private readonly dataDir: string;
  private state: OpenState | null = null;
  private migrated: MigrateResult | null = null;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.file = join(dataDir, DATABASE_FILE);
    this.backupsDir = join(dataDir, BACKUPS_DIR);
  }

  private get open(): OpenState {
    if (!this.state) throw new Error('The database is not open.');
    return this.state;
  }

  /** The app's connection: read freely; write only inside `writes.run(...)`. */
  get sqlite(): SqliteDatabase {
    return this.open.sqlite;
  }

  /** The app's only way to write (see write-queue.ts). */
  get writes(): WriteQueue {
    return this.open.writes;
  }

  /** Better Auth's own connection to the same file; nothing else uses it. */
  get authSqlite(): SqliteDatabase {
    return this.open.authSqlite;
  }

  /** The process-wide writer gate Better Auth's transactions take (the write queue takes it per batch). */
  get gate(): WriteGate {
    return this.open.gate;
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
      const gate = new WriteGate();
      const writes = new WriteQueue(sqlite, gate);
      const authSqlite = openDatabase(this.file);
      this.state = { sqlite, authSqlite, writes, gate };
    } catch (error) {
      sqlite.close();
      throw error;
    }
  }

  async stop(): Promise<void> {
    const state = this.state;
    if (!state) return;
    await state.writes.idle();
    this.state = null;
    // Better Auth's connection first; the app's last, so its checkpoint empties the WAL and close removes it.
    // (Kysely's destroy() would close a connection too; closing here is the one place that does.)
    if (state.authSqlite.open) state.authSqlite.close();
    closeDatabase(state.sqlite);
  }
}
