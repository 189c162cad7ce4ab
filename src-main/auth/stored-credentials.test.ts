// Issue 16 item 6: a copy of the database is not a key. After sign-ins over HTTP and in-process, no value read
// from tasks.db (through its WAL), the raw bytes of tasks.db and tasks.db-wal, or a backup signs anyone in:
// each stored value is tried as a bearer session token (HTTP /token and /get-session), as an in-process session
// token (getSession, access-token exchange) and as an API bearer. Sign-in, refresh, sign-out and a restart work.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabaseFile } from '../storage/create-backup.ts';
import { accessToken, PASSWORD, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

const AUTH_TABLES = ['session', 'account', 'verification', 'jwks'] as const;

function storedValues(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const values = new Set<string>();
    for (const table of [...AUTH_TABLES, 'personal_tokens']) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        for (const value of Object.values(row)) {
          if (typeof value === 'string' && value.length > 0) values.add(value);
          if (Buffer.isBuffer(value)) {
            values.add(value.toString('base64url'));
            values.add(value.toString('hex'));
          }
        }
      }
    }
    return [...values];
  } finally {
    db.close();
  }
}

describe('stored session credentials', () => {
  let test: TestCore;
  let alice: TestUser;
  let inProcessToken: string;

  beforeAll(async () => {
    test = await startTestCore();
    alice = await signUp(test, 'Alice');
    const signedIn = await test.core.auth.signIn({ email: alice.email, password: PASSWORD });
    inProcessToken = signedIn.sessionToken;
    // A personal access token too, so its table has a row to try.
    const created = await test.api(`/api/${alice.id}/tokens`, {
      method: 'POST',
      headers: alice.headers,
      body: JSON.stringify({ name: 'backup script', scopes: ['tasks:read'], expiresInDays: null }),
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => test.close());

  it('the tokens handed to clients work: HTTP exchange, in-process session and access token', async () => {
    expect(await accessToken(test, alice.sessionToken)).toMatch(/^ey/);
    expect(await test.core.auth.getSession(inProcessToken)).toMatchObject({ user: { id: alice.id } });
    const grant = await test.core.tokens.getAccessToken(inProcessToken);
    expect((await test.api('/api/me', { headers: { Authorization: `Bearer ${grant.token}` } })).status).toBe(200);
  });

  it('no value stored in tasks.db, its WAL or a backup authenticates as a session token or a bearer', async () => {
    const dbPath = join(test.core.dataDir, 'tasks.db');
    const backup = await backupDatabaseFile(dbPath, test.core.dataDir, 'manual');
    const values = [...new Set([...storedValues(dbPath), ...storedValues(backup.path)])];
    const sessionRows = new Database(dbPath, { readonly: true }).prepare('SELECT count(*) AS n FROM session').get();
    expect(sessionRows).toEqual({ n: 2 });
    expect(values.length).toBeGreaterThan(15);

    // The raw tokens the clients hold appear nowhere in the files' bytes.
    const files = [dbPath, `${dbPath}-wal`, backup.path].filter((file) => existsSync(file));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const token of [alice.sessionToken, inProcessToken]) expect(bytes.includes(token), file).toBe(false);
    }

    const accepted: string[] = [];
    for (const value of values) {
      const bearer = { Authorization: `Bearer ${value}` };
      const exchange = await test.api('/api/auth/token', { headers: bearer });
      if (exchange.status === 200) accepted.push(`/api/auth/token: ${value}`);
      const session = await test.api('/api/auth/get-session', { headers: bearer });
      if (session.status === 200 && (await session.json()) !== null) accepted.push(`get-session: ${value}`);
      if ((await test.api('/api/me', { headers: bearer })).status !== 401) accepted.push(`/api/me: ${value}`);
      if ((await test.core.auth.getSession(value)) !== null) accepted.push(`getSession: ${value}`);
      const minted = await test.core.tokens.getAccessToken(value).then(
        () => true,
        () => false,
      );
      if (minted) accepted.push(`getAccessToken: ${value}`);
    }
    expect(accepted).toEqual([]);
  });

  it('keeps sessions across a restart, and sign-out still ends them', async () => {
    await test.restart();
    expect(await test.core.auth.getSession(inProcessToken)).toMatchObject({ user: { id: alice.id } });
    const jwt = await accessToken(test, alice.sessionToken);
    const signOut = await test.api('/api/auth/sign-out', {
      method: 'POST',
      headers: { Authorization: `Bearer ${alice.sessionToken}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(signOut.status).toBe(200);
    expect((await test.api('/api/auth/token', { headers: { Authorization: `Bearer ${alice.sessionToken}` } })).status).toBe(401);
    expect((await test.api('/api/me', { headers: { Authorization: `Bearer ${jwt}` } })).status).toBe(401);
    await test.core.auth.signOut(inProcessToken);
    expect(await test.core.auth.getSession(inProcessToken)).toBeNull();
  });
});
