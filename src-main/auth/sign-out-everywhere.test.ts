// Issue 16 item 5: "sign out everywhere" (a password change with revokeOtherSessions) ends every other session of
// the user, however many there are. Better Auth runs its per-session delete hook for the first 100 rows only, so
// with 110 sessions the last ones' access JWTs used to keep working (and their event streams open) for 15 minutes.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../testing/event-stream-client.ts';
import { accessToken, PASSWORD, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';
import { SessionTokenHasher } from './session-token-hash.ts';

const SESSIONS = 110;

/** Writes `count` more sessions for the user straight into the database (sign-ins are rate limited). */
function addSessions(test: TestCore, userId: string, count: number): string[] {
  const secret = test.secretStore.value;
  if (secret === null) throw new Error('no secret');
  const hasher = new SessionTokenHasher(secret);
  const db = new Database(join(test.dir, 'tasks.db'));
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare(
    `INSERT INTO session (id, expiresAt, token, createdAt, updatedAt, ipAddress, userAgent, userId)
     VALUES (?, ?, ?, ?, ?, '127.0.0.1', 'test', ?)`,
  );
  const tokens: string[] = [];
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const token = randomBytes(24).toString('base64url').replace(/[-_]/g, 'x');
      const created = new Date(now - (count - i) * 1000).toISOString();
      const expires = new Date(now + 7 * 24 * 3600 * 1000).toISOString();
      insert.run(randomBytes(16).toString('hex'), expires, hasher.inner(token), created, created, userId);
      tokens.push(token);
    }
  })();
  db.close();
  return tokens;
}

describe('sign out everywhere', () => {
  let test: TestCore;
  let dana: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    test = await startTestCore();
    dana = await signUp(test, 'Dana');
    other = await signUp(test, 'Other');
  });
  afterAll(() => test.close());

  it(`ends all ${SESSIONS + 1} other sessions: their JWTs and event streams, not the new session's`, async () => {
    const extra = addSessions(test, dana.id, SESSIONS);
    const jwts = [dana.jwt];
    for (const token of extra) jwts.push((await test.core.tokens.getAccessToken(token)).token);
    const me = (jwt: string) => test.api('/api/me', { headers: { Authorization: `Bearer ${jwt}` } });
    expect((await me(jwts.at(-1)!)).status).toBe(200);
    const last = await openEventStream(`${test.core.apiBaseUrl}/api/${dana.id}/events`, {
      Authorization: `Bearer ${jwts.at(-1)!}`,
    });
    expect(last.response.status).toBe(200);

    const change = await test.api('/api/auth/change-password', {
      method: 'POST',
      headers: { Authorization: `Bearer ${dana.sessionToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: `${PASSWORD} 2`, revokeOtherSessions: true }),
    });
    expect(change.status).toBe(200);
    const { token: newSessionToken } = (await change.json()) as { token: string };

    const stillWorking: number[] = [];
    for (const [index, jwt] of jwts.entries()) if ((await me(jwt)).status !== 401) stillWorking.push(index);
    expect(stillWorking).toEqual([]);
    for (const token of extra.slice(-3)) {
      await expect(test.core.tokens.getAccessToken(token)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    }
    // The stream of the 111th session ends with its reason.
    let message = await last.next();
    while (message.event !== 'end') message = await last.next();
    expect(JSON.parse(message.data)).toEqual({ reason: 'revoked' });

    // The session the password change made, and sessions made after it, work; other users are untouched.
    expect((await me(await accessToken(test, newSessionToken))).status).toBe(200);
    const later = await test.core.auth.signIn({ email: dana.email, password: `${PASSWORD} 2` });
    expect((await me((await test.core.tokens.getAccessToken(later.sessionToken)).token)).status).toBe(200);
    expect((await me(other.jwt)).status).toBe(200);
  });

  it('stays signed out across a restart', async () => {
    const eve = await signUp(test, 'Eve');
    const extra = addSessions(test, eve.id, SESSIONS);
    const lastJwt = (await test.core.tokens.getAccessToken(extra.at(-1)!)).token;
    const change = await test.api('/api/auth/change-password', {
      method: 'POST',
      headers: { Authorization: `Bearer ${eve.sessionToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: `${PASSWORD} 2`, revokeOtherSessions: true }),
    });
    expect(change.status).toBe(200);
    await test.restart();
    expect((await test.api('/api/me', { headers: { Authorization: `Bearer ${lastJwt}` } })).status).toBe(401);
  });
});
