// Resolves the auth secret at start-up and refuses every unsafe case loudly:
// - no secret stored but the database already holds auth data (a new secret would orphan every stored key);
// - a secret shorter than 32 bytes, or not hex/base64;
// - a secret whose fingerprint differs from the one recorded at first start (the store was swapped or edited);
// - BETTER_AUTH_SECRETS in the environment, which Better Auth would silently prefer over ours.
import type { Database } from 'better-sqlite3';
import { AuthStartupError } from './auth-startup-error.ts';
import type { SecretStore } from './auth-types.ts';
import type { Logger } from '../core/logger.ts';
import {
  SECRET_MIN_BYTES,
  decodedSecretLength,
  generateSecret,
  sameFingerprint,
  secretFingerprint,
} from './secret-format.ts';

/** Auth-owned key/value table (not one of Better Auth's): holds the secret fingerprint. */
export const AUTH_META_TABLE = 'auth_meta';
const FINGERPRINT_KEY = 'secret_fingerprint';

function ensureMetaTable(sqlite: Database): void {
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${AUTH_META_TABLE} (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`,
  );
}

function tableHasRows(sqlite: Database, table: string): boolean {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return false;
  return sqlite.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() !== undefined;
}

function readFingerprint(sqlite: Database): string | null {
  const row = sqlite.prepare(`SELECT value FROM ${AUTH_META_TABLE} WHERE key = ?`).get(FINGERPRINT_KEY) as
    { value: string } | undefined;
  return row?.value ?? null;
}

/** What in the database depends on the secret (names only, for the error message). */
function secretDependents(sqlite: Database): string[] {
  const found: string[] = [];
  if (readFingerprint(sqlite) !== null) found.push('a recorded secret fingerprint');
  if (tableHasRows(sqlite, 'jwks')) found.push('JWT signing keys');
  if (tableHasRows(sqlite, 'user')) found.push('user accounts');
  return found;
}

export async function resolveAuthSecret(options: {
  sqlite: Database;
  store: SecretStore;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}): Promise<string> {
  const { sqlite, store, logger } = options;
  const env = options.env ?? process.env;
  if (env.BETTER_AUTH_SECRETS) {
    throw new AuthStartupError(
      'SECRET_OVERRIDDEN',
      `BETTER_AUTH_SECRETS is set in the environment; Better Auth would use it instead of ${store.description}. Unset it.`,
    );
  }
  ensureMetaTable(sqlite);

  let secret = await store.read();
  if (secret === null) {
    const dependents = secretDependents(sqlite);
    if (dependents.length > 0) {
      throw new AuthStartupError(
        'SECRET_MISSING',
        `The auth secret is missing from ${store.description}, but the database already has ${dependents.join(', ')}. ` +
          'Restore the original secret; a new one would make every stored signing key unreadable.',
      );
    }
    secret = generateSecret();
    await store.write(secret);
    logger.info('auth secret generated', { store: store.description });
    const reread = await store.read();
    if (reread !== secret) {
      throw new AuthStartupError(
        'SECRET_STORE_FAILED',
        `The new auth secret did not read back from ${store.description}.`,
      );
    }
  }

  const bytes = decodedSecretLength(secret);
  if (bytes === null) {
    throw new AuthStartupError(
      'SECRET_MALFORMED',
      `The auth secret in ${store.description} is not hex or base64 text. Restore the original secret.`,
    );
  }
  if (bytes < SECRET_MIN_BYTES) {
    throw new AuthStartupError(
      'SECRET_TOO_SHORT',
      `The auth secret in ${store.description} encodes ${bytes} bytes; at least ${SECRET_MIN_BYTES} random bytes are required.`,
    );
  }

  const fingerprint = secretFingerprint(secret);
  const recorded = readFingerprint(sqlite);
  if (recorded === null) {
    sqlite
      .prepare(`INSERT INTO ${AUTH_META_TABLE} (key, value) VALUES (?, ?)`)
      .run(FINGERPRINT_KEY, fingerprint);
  } else if (!sameFingerprint(recorded, fingerprint)) {
    throw new AuthStartupError(
      'SECRET_CHANGED',
      `The auth secret in ${store.description} is not the one this database was set up with. ` +
        'Restore the original secret; with another one, stored signing keys cannot be decrypted.',
    );
  }
  return secret;
}
