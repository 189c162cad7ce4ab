// Looks at an SQLite file without changing it: can it be read, is it intact, is it ours, is it too new?
// Opened read-only, so nothing is checkpointed or recovered into the file itself.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATION_TABLE } from '../db/migrate.ts';

export type InspectProblem = 'missing' | 'unreadable' | 'corrupt' | 'not-ours' | 'too-new';

export type InspectResult =
  { ok: true; appliedMigrations: string[] } | { ok: false; problem: InspectProblem; reason: string };

export interface InspectOptions {
  /** 'integrity' = PRAGMA integrity_check (thorough); 'quick' = PRAGMA quick_check (start-up). */
  check: 'integrity' | 'quick';
  /** Migration names this build knows, in order. A database with any other applied migration is too new. */
  knownMigrations?: readonly string[];
  /** Tables that must exist for the file to count as a Tasks Desktop database. */
  requiredTables?: readonly string[];
}

const CORRUPT_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_CORRUPT_SEQUENCE',
]);

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

function classify(error: unknown): InspectResult {
  const code = errorCode(error);
  const reason = error instanceof Error ? error.message : String(error);
  if (CORRUPT_CODES.has(code)) return { ok: false, problem: 'corrupt', reason };
  return { ok: false, problem: 'unreadable', reason };
}

/** Runs the integrity check on an open connection; returns null when it passes, else the first messages. */
export function integrityProblems(
  db: Database.Database,
  check: 'integrity' | 'quick' = 'integrity',
): string | null {
  const rows = db.pragma(check === 'integrity' ? 'integrity_check' : 'quick_check') as Array<
    Record<string, unknown>
  >;
  const messages = rows.map((row) => String(Object.values(row)[0]));
  return messages.length === 1 && messages[0] === 'ok' ? null : messages.slice(0, 5).join('; ');
}

function schemaProblem(db: Database.Database, options: InspectOptions): InspectResult {
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
      (r) => r.name,
    ),
  );
  for (const table of options.requiredTables ?? []) {
    if (!tables.has(table)) return { ok: false, problem: 'not-ours', reason: `table "${table}" is missing` };
  }
  if (!tables.has(MIGRATION_TABLE)) {
    if ((options.requiredTables ?? []).length > 0) {
      return { ok: false, problem: 'not-ours', reason: `table "${MIGRATION_TABLE}" is missing` };
    }
    return { ok: true, appliedMigrations: [] };
  }
  const applied = (
    db.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as Array<{ name: string }>
  ).map((r) => r.name);
  if (options.knownMigrations) {
    const known = new Set(options.knownMigrations);
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      return {
        ok: false,
        problem: 'too-new',
        reason: `written by a newer version (migration ${unknown.join(', ')})`,
      };
    }
  }
  return { ok: true, appliedMigrations: applied };
}

export function inspectDatabase(path: string, options: InspectOptions): InspectResult {
  if (!existsSync(path)) return { ok: false, problem: 'missing', reason: `${path} does not exist` };
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    return classify(error);
  }
  try {
    const problems = integrityProblems(db, options.check);
    if (problems !== null) return { ok: false, problem: 'corrupt', reason: problems };
    return schemaProblem(db, options);
  } catch (error) {
    return classify(error);
  } finally {
    db.close();
  }
}
