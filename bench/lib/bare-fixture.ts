// Data for the bare baseline server: its own SQLite file with the product's task columns and
// indexes, seeded with the same tasks, and its own Ed25519 key with a token shaped like the
// product's access JWTs (EdDSA, iss, aud, sub, exp).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { uuidv7 } from 'uuidv7';
import { JWT_AUDIENCE, JWT_ISSUER } from '../../src-main/auth/auth-types.ts';
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
    db.exec(`CREATE TABLE tasks (
      id TEXT PRIMARY KEY, user_id TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
      completed INTEGER NOT NULL DEFAULT 0, completed_at TEXT, priority TEXT NOT NULL DEFAULT 'none',
      due_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX tasks_user_created ON tasks (user_id, created_at DESC, id DESC);`);
    const insert = db.prepare(`INSERT INTO tasks (id, user_id, title, description, completed, completed_at,
      priority, due_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const start = Date.now() - tasks.length * 1000;
    db.transaction(() => {
      tasks.forEach((t, i) => {
        const at = new Date(start + i * 1000).toISOString();
        insert.run(uuidv7(), userId, t.title, t.description, t.completed ? 1 : 0, t.completed ? at : null,
          t.priority, t.dueAt, at, at);
      });
    })();
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
