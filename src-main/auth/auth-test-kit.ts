// Test support (not a test): a real SQLite file in a temp dir and a real auth module on it.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { silentLogger, type Logger } from '../core/logger.ts';
import { WriteGate } from '../db/write-gate.ts';
import { createAuth, type AuthModule } from './create-auth.ts';
import type { SecretStore } from './auth-types.ts';
import { FileSecretStore } from './file-secret-store.ts';

export const TEST_BASE_URL = 'http://127.0.0.1:45678';
export const TEST_PASSWORD = 'correct horse battery';

export interface TestDatabase {
  dir: string;
  sqlite: Database.Database;
  reopen(): Database.Database;
  cleanup(): void;
}

export function tempDatabase(): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'tasks-auth-'));
  const open = () => {
    const sqlite = new Database(path.join(dir, 'tasks.db'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 0');
    return sqlite;
  };
  const db: TestDatabase = {
    dir,
    sqlite: open(),
    reopen() {
      db.sqlite.close();
      db.sqlite = open();
      return db.sqlite;
    },
    cleanup() {
      if (db.sqlite.open) db.sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return db;
}

export function startAuth(
  db: TestDatabase,
  options: { secretStore?: SecretStore; logger?: Logger } = {},
): Promise<AuthModule> {
  return createAuth({
    sqlite: db.sqlite,
    writeGate: new WriteGate(),
    secretStore: options.secretStore ?? new FileSecretStore(db.dir),
    baseURL: TEST_BASE_URL,
    trustedOrigins: ['app://tasks'],
    logger: options.logger ?? silentLogger,
  });
}

let counter = 0;
export function uniqueEmail(): string {
  counter += 1;
  return `user${counter}-${Date.now()}@example.com`;
}

/** A logger that records lines, to assert what is (not) logged. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    lines.push(JSON.stringify({ level, message, ...fields }));
  return { lines, info: log('info'), warn: log('warn'), error: log('error') };
}

/** Awaits a promise that must reject with `type`, and returns the error. */
export async function rejectionOf<E extends Error>(
  run: () => Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const error: unknown = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}

/** One real auth module on a fresh database for the enclosing describe block. */
export function useAuthModule(): { readonly db: TestDatabase; readonly auth: AuthModule } {
  let db: TestDatabase | undefined;
  let auth: AuthModule | undefined;
  beforeAll(async () => {
    db = tempDatabase();
    auth = await startAuth(db);
  });
  afterAll(() => db?.cleanup());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The auth module is not started yet (use it inside a test).');
    return value;
  };
  return {
    get db() {
      return started(db);
    },
    get auth() {
      return started(auth);
    },
  };
}
