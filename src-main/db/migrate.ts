import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { SqliteDatabase } from './open-database.ts';

export const MIGRATION_TABLE = 'kysely_migration';

/** The database was written by a newer version of the app: opening it could lose data. */
export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';
  readonly code = 'DATABASE_TOO_NEW';
  constructor(
    readonly file: string,
    readonly unknownMigrations: readonly string[],
  ) {
    super(
      `The database ${file} was created by a newer version of Tasks Desktop (it has migrations this version does ` +
        `not know: ${unknownMigrations.join(', ')}). Update the app, or restore a backup made by this version.`,
    );
  }
}

export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
  readonly code = 'MIGRATION_FAILED';
  constructor(
    readonly migration: string,
    readonly backupFile: string | null,
    cause: unknown,
  ) {
    super(
      `Migration ${migration} failed; the database was left as it was before it` +
        (backupFile ? ` (a backup is at ${backupFile})` : '') +
        `: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

export interface MigrateOptions {
  sqlite: SqliteDatabase;
  migrations: Readonly<Record<string, Migration>>;
  /** Copies the database before pending migrations run on an existing file; returns the copy's path. */
  backup: (reason: string) => Promise<string>;
}

export interface MigrateResult {
  applied: string[];
  backupFile: string | null;
}

function executedMigrations(sqlite: SqliteDatabase): string[] {
  const table = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATION_TABLE);
  if (!table) return [];
  return sqlite.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).pluck().all() as string[];
}

function hasUserTables(sqlite: SqliteDatabase): boolean {
  return (
    sqlite
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1`)
      .get() !== undefined
  );
}

/**
 * Kysely's SQLite adapter says DDL is not transactional, so its Migrator would run migrations outside a
 * transaction and a failure half-way would leave a half-migrated file. SQLite's DDL is transactional: this
 * dialect says so, and the Migrator then runs all pending migrations and their bookkeeping in one transaction.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
class MigrationSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class ListedMigrations implements MigrationProvider {
  constructor(private readonly migrations: Readonly<Record<string, Migration>>) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve({ ...this.migrations });
  }
}

/**
 * Brings the app's tables to the latest schema. Refuses a database that has migrations this code does not know;
 * backs an existing database up before applying anything; each migration runs in a transaction.
 */
export async function migrateDatabase(options: MigrateOptions): Promise<MigrateResult> {
  const { sqlite, migrations } = options;
  const known = new Set(Object.keys(migrations));
  const executed = executedMigrations(sqlite);
  const unknown = executed.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new DatabaseTooNewError(sqlite.name, unknown);

  const pending = [...known].filter((name) => !executed.includes(name));
  if (pending.length === 0) return { applied: [], backupFile: null };

  const backupFile = hasUserTables(sqlite) ? await options.backup('pre-migration') : null;
  const kysely = new Kysely<unknown>({ dialect: new MigrationSqliteDialect({ database: sqlite }) });
  // Migration numbers are handed out per feature and features land in any order (006 can ship before 004): a
  // database that has a later one still gets an earlier one that was added since. Each is additive and independent.
  const migrator = new Migrator({
    db: kysely,
    provider: new ListedMigrations(migrations),
    migrationTableName: MIGRATION_TABLE,
    allowUnorderedMigrations: true,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? pending[0] ?? 'unknown';
    throw new MigrationFailedError(failed, backupFile, error);
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName), backupFile };
}
