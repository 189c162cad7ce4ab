// Data for the bare baseline server: its own SQLite file built by the product's own migrations (same
// table, indexes, FTS5 index and triggers, so an insert costs the database the same), seeded with the
// same tasks, and its own Ed25519 key with a token shaped like the product's access JWTs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { Kysely, SqliteDialect } from 'kysely';
import { JWT_AUDIENCE, JWT_ISSUER } from '../../src-main/auth/auth-types.ts';
import { appMigrations } from '../../src-main/db/migrations/index.ts';
import { insertSeedTasks } from './sqlite-seed.ts';
import type { SeedTask } from './task-data.ts';

export interface BareFixture {
  dbPath: string;
  keyPath: string;
  userId: string;
  token: string;
  env: Record<string, string>;
}

export async function createBareFixture(
  dir: string,
  userId: string,
  tasks: readonly SeedTask[],
): Promise<BareFixture> {
  const dbPath = join(dir, 'bare.db');
  const keyPath = join(dir, 'bare-key.json');
  const db = new Database(dbPath);
  try {
    db.pragma('journal_mode = WAL');
    const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) });
    for (const name of Object.keys(appMigrations).sort()) await appMigrations[name]!.up(kysely);
    insertSeedTasks(db, userId, tasks, { trash: false }); // like the L1 user's tasks, made through the API
  } finally {
    db.close();
  }
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  writeFileSync(keyPath, JSON.stringify(await exportJWK(publicKey)));
  const token = await new SignJWT({ email: 'bare@bench.invalid' })
    .setProtectedHeader({ alg: 'EdDSA', kid: 'bench' })
    .setIssuer(JWT_ISSUER)
    .setAudience(JWT_AUDIENCE)
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
  return {
    dbPath,
    keyPath,
    userId,
    token,
    env: { DB_PATH: dbPath, KEY_PATH: keyPath, ISSUER: JWT_ISSUER, AUDIENCE: JWT_AUDIENCE },
  };
}
