import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PATTERN, type TokenCreated } from '../../src-shared/token-schemas.ts';
import { createJsonLogger } from '../core/logger.ts';
import { PASSWORD, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

const DAY = 24 * 3600 * 1000;
let clock = Date.parse('2026-06-01T12:00:00.000Z');
const logLines: string[] = [];
let test: TestCore;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  test = await startTestCore({ now: () => clock, logger: createJsonLogger((line) => logLines.push(line)) });
  alice = await signUp(test, 'Alice');
  bob = await signUp(test, 'Bob');
});
afterAll(() => test.close());

function bearer(token: string, json = true): Record<string, string> {
  return { Authorization: `Bearer ${token}`, ...(json ? { 'Content-Type': 'application/json' } : {}) };
}

async function createToken(user: TestUser, body: unknown): Promise<Response> {
  return test.api(`/api/${user.id}/tokens`, { method: 'POST', headers: user.headers, body: JSON.stringify(body) });
}

async function newToken(user: TestUser, scopes = ['tasks:read', 'tasks:write'], expiresInDays: number | null = 30) {
  const response = await createToken(user, { name: 'script', scopes, expiresInDays });
  expect(response.status).toBe(201);
  return (await response.json()) as TokenCreated;
}

async function errorOf(response: Response): Promise<{ status: number; code?: string; message?: string }> {
  const body = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, code: body.error?.code, message: body.error?.message };
}

describe('creating, listing and revoking tokens', () => {
  it('creates a token with a recognisable prefix and 256 random bits, shown once', async () => {
    const response = await createToken(alice, { name: '  Backup script ', scopes: ['tasks:read'], expiresInDays: 7 });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const created = (await response.json()) as TokenCreated;
    expect(created).toMatchObject({ name: 'Backup script', scopes: ['tasks:read'], lastUsedAt: null });
    expect(created.token).toMatch(TOKEN_PATTERN);
    expect(Buffer.from(created.token.slice('tdpat_'.length), 'base64url')).toHaveLength(32);
    expect(Date.parse(created.expiresAt!) - Date.parse(created.createdAt)).toBe(7 * DAY);
    expect(created.createdAt).toBe(new Date(clock).toISOString());

    const list = await test.api(`/api/${alice.id}/tokens`, { headers: alice.headers });
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toContain(created.token);
    const { items } = JSON.parse(text) as { items: Record<string, unknown>[] };
    const listed = items.find((item) => item.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'Backup script',
      scopes: ['tasks:read'],
      createdAt: created.createdAt,
      expiresAt: created.expiresAt,
      expired: false,
      lastUsedAt: null,
    });
  });

  it('normalises the scope order and accepts no expiry', async () => {
    const created = await newToken(alice, ['tasks:write', 'tasks:read'], null);
    expect(created.scopes).toEqual(['tasks:read', 'tasks:write']);
    expect(created.expiresAt).toBeNull();
  });

  it('refuses invalid bodies with 422 and creates nothing', async () => {
    const before = ((await (await test.api(`/api/${alice.id}/tokens`, { headers: alice.headers })).json()) as {
      items: unknown[];
    }).items.length;
    const bad: unknown[] = [
      {},
      { name: '', scopes: ['tasks:read'], expiresInDays: 1 },
      { name: 'x'.repeat(101), scopes: ['tasks:read'], expiresInDays: 1 },
      { name: 'a\u0007b', scopes: ['tasks:read'], expiresInDays: 1 },
      { name: 'x', scopes: [], expiresInDays: 1 },
      { name: 'x', scopes: ['tasks:write'], expiresInDays: 1 },
      { name: 'x', scopes: ['tasks:read', 'tasks:read'], expiresInDays: 1 },
      { name: 'x', scopes: ['admin'], expiresInDays: 1 },
      { name: 'x', scopes: ['tasks:read'], expiresInDays: 0 },
      { name: 'x', scopes: ['tasks:read'], expiresInDays: 366 },
      { name: 'x', scopes: ['tasks:read'], expiresInDays: 1.5 },
      { name: 'x', scopes: ['tasks:read'] },
      { name: 'x', scopes: ['tasks:read'], expiresInDays: 1, extra: true },
    ];
    for (const body of bad) expect(await errorOf(await createToken(alice, body))).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
    const malformed = await test.api(`/api/${alice.id}/tokens`, { method: 'POST', headers: alice.headers, body: '{' });
    expect(await errorOf(malformed)).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    const after = ((await (await test.api(`/api/${alice.id}/tokens`, { headers: alice.headers })).json()) as {
      items: unknown[];
    }).items.length;
    expect(after).toBe(before);
  });

  it('only a signed-in session may create, list or revoke tokens (403 SESSION_REQUIRED)', async () => {
    const { token, id } = await newToken(alice);
    const tries = [
      test.api(`/api/${alice.id}/tokens`, { headers: bearer(token) }),
      test.api(`/api/${alice.id}/tokens`, {
        method: 'POST',
        headers: bearer(token),
        body: JSON.stringify({ name: 'x', scopes: ['tasks:read'], expiresInDays: 1 }),
      }),
      test.api(`/api/${alice.id}/tokens/${id}`, { method: 'DELETE', headers: bearer(token) }),
    ];
    for (const response of await Promise.all(tries)) {
      expect(await errorOf(response)).toMatchObject({ status: 403, code: 'SESSION_REQUIRED' });
    }
  });

  it('keeps each user\'s tokens to themselves', async () => {
    const { id } = await newToken(alice);
    expect(await errorOf(await test.api(`/api/${alice.id}/tokens`, { headers: bob.headers }))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    // Bob revoking Alice's token through his own path: no such token for him.
    const viaOwnPath = await test.api(`/api/${bob.id}/tokens/${id}`, { method: 'DELETE', headers: bob.headers });
    expect(await errorOf(viaOwnPath)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const list = (await (await test.api(`/api/${bob.id}/tokens`, { headers: bob.headers })).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((item) => item.id)).not.toContain(id);
  });

  it('answers 405 for other methods and 401 without a credential', async () => {
    const put = await test.api(`/api/${alice.id}/tokens`, { method: 'PUT', headers: alice.headers, body: '{}' });
    expect(put.status).toBe(405);
    expect(await errorOf(await test.api(`/api/${alice.id}/tokens`))).toMatchObject({ status: 401, code: 'AUTH_MISSING' });
  });
});

describe('using a token', () => {
  it('reads and writes tasks, export and import of its own user, with the right scopes', async () => {
    const { token } = await newToken(alice);
    const created = await test.api(`/api/${alice.id}/tasks`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ title: 'From a script' }),
    });
    expect(created.status).toBe(201);
    const task = (await created.json()) as { id: string };
    expect((await test.api(`/api/${alice.id}/tasks/${task.id}`, { headers: bearer(token) })).status).toBe(200);
    const exported = await test.api(`/api/${alice.id}/export`, { headers: bearer(token) });
    expect(exported.status).toBe(200);
    const imported = await test.api(`/api/${alice.id}/import`, {
      method: 'POST',
      headers: bearer(token),
      body: await exported.text(),
    });
    expect(imported.status).toBe(200);
    const me = (await (await test.api('/api/me', { headers: bearer(token) })).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ id: alice.id, email: null, sessionId: null, token: { name: 'script' } });
  });

  it('a read-only token reads but may not write (403 INSUFFICIENT_SCOPE naming the scope)', async () => {
    const { token } = await newToken(alice, ['tasks:read']);
    expect((await test.api(`/api/${alice.id}/tasks`, { headers: bearer(token) })).status).toBe(200);
    expect((await test.api(`/api/${alice.id}/export?format=csv`, { headers: bearer(token) })).status).toBe(200);
    const writes = [
      test.api(`/api/${alice.id}/tasks`, { method: 'POST', headers: bearer(token), body: '{"title":"x"}' }),
      test.api(`/api/${alice.id}/tasks/some-id`, { method: 'DELETE', headers: bearer(token) }),
      test.api(`/api/${alice.id}/import`, { method: 'POST', headers: bearer(token), body: '{}' }),
    ];
    for (const response of await Promise.all(writes)) {
      const error = await errorOf(response);
      expect(error).toMatchObject({ status: 403, code: 'INSUFFICIENT_SCOPE' });
      expect(error.message).toContain('tasks:write');
    }
    const count = (await (await test.api(`/api/${alice.id}/tasks?q=x`, { headers: alice.headers })).json()) as {
      items: { title: string }[];
    };
    expect(count.items.filter((item) => item.title === 'x')).toHaveLength(0);
  });

  it("is refused on another user's path (403 FORBIDDEN)", async () => {
    const { token } = await newToken(alice);
    const response = await test.api(`/api/${bob.id}/tasks`, { headers: bearer(token) });
    expect(await errorOf(response)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('refuses unknown and damaged tokens (401 AUTH_INVALID)', async () => {
    const { token } = await newToken(alice);
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const candidate of [flipped, 'tdpat_short', `tdpat_${'A'.repeat(43)}`, `${token}x`]) {
      const response = await test.api(`/api/${alice.id}/tasks`, { headers: bearer(candidate) });
      expect(await errorOf(response)).toMatchObject({ status: 401, code: 'AUTH_INVALID' });
    }
  });

  it('a revoked token is refused on the very next request', async () => {
    const { token, id } = await newToken(alice);
    expect((await test.api(`/api/${alice.id}/tasks`, { headers: bearer(token) })).status).toBe(200);
    const revoke = await test.api(`/api/${alice.id}/tokens/${id}`, { method: 'DELETE', headers: alice.headers });
    expect(revoke.status).toBe(204);
    expect(await errorOf(await test.api(`/api/${alice.id}/tasks`, { headers: bearer(token) }))).toMatchObject({
      status: 401,
      code: 'AUTH_INVALID',
    });
    const again = await test.api(`/api/${alice.id}/tokens/${id}`, { method: 'DELETE', headers: alice.headers });
    expect(again.status).toBe(404);
  });

  it('expires (401 AUTH_EXPIRED) when its days are over, and the list marks it expired', async () => {
    const { token, id } = await newToken(alice, ['tasks:read'], 2);
    const { id: forever } = await newToken(alice, ['tasks:read'], null);
    const expired = async () => {
      const { items } = (await (await test.api(`/api/${alice.id}/tokens`, { headers: alice.headers })).json()) as {
        items: { id: string; expired: boolean }[];
      };
      return [items.find((item) => item.id === id)!.expired, items.find((item) => item.id === forever)!.expired];
    };
    clock += 2 * DAY - 1000;
    expect((await test.api(`/api/${alice.id}/tasks`, { headers: bearer(token) })).status).toBe(200);
    expect(await expired()).toEqual([false, false]);
    clock += 1000;
    expect(await errorOf(await test.api(`/api/${alice.id}/tasks`, { headers: bearer(token) }))).toMatchObject({
      status: 401,
      code: 'AUTH_EXPIRED',
    });
    expect(await expired()).toEqual([true, false]);
  });

  it('records lastUsedAt at most once a minute', async () => {
    const { token, id } = await newToken(alice, ['tasks:read'], null);
    const lastUsed = async () => {
      const { items } = (await (await test.api(`/api/${alice.id}/tokens`, { headers: alice.headers })).json()) as {
        items: { id: string; lastUsedAt: string | null }[];
      };
      return items.find((item) => item.id === id)!.lastUsedAt;
    };
    await test.api(`/api/${alice.id}/tasks`, { headers: bearer(token) });
    const first = await lastUsed();
    expect(first).toBe(new Date(clock).toISOString());
    clock += 59_000;
    await test.api(`/api/${alice.id}/tasks`, { headers: bearer(token) });
    expect(await lastUsed()).toBe(first);
    clock += 1_000;
    await test.api(`/api/${alice.id}/tasks`, { headers: bearer(token) });
    expect(await lastUsed()).toBe(new Date(clock).toISOString());
  });
});

describe('what ends a token', () => {
  it('signing out does not revoke tokens', async () => {
    const carol = await signUp(test, 'Carol');
    const { token } = await newToken(carol);
    const out = await test.api('/api/auth/sign-out', {
      method: 'POST',
      headers: { Authorization: `Bearer ${carol.sessionToken}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect((await test.api(`/api/${carol.id}/tasks`, { headers: carol.headers })).status).toBe(401);
    expect((await test.api(`/api/${carol.id}/tasks`, { headers: bearer(token) })).status).toBe(200);
  });

  it('changing the password revokes them only with "sign out everywhere"', async () => {
    const dave = await signUp(test, 'Dave');
    const { token } = await newToken(dave);
    const change = (revokeOtherSessions: boolean, currentPassword: string, newPassword: string) =>
      test.api('/api/auth/change-password', {
        method: 'POST',
        headers: { Authorization: `Bearer ${dave.sessionToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ currentPassword, newPassword, revokeOtherSessions }),
      });
    const second = `${PASSWORD} 2`;
    expect((await change(false, PASSWORD, second)).status).toBe(200);
    expect((await test.api(`/api/${dave.id}/tasks`, { headers: bearer(token) })).status).toBe(200);
    // A failed change (wrong current password) revokes nothing either.
    expect((await change(true, 'not the password at all', PASSWORD)).status).toBe(400);
    expect((await test.api(`/api/${dave.id}/tasks`, { headers: bearer(token) })).status).toBe(200);
    expect((await change(true, second, PASSWORD)).status).toBe(200);
    expect(await errorOf(await test.api(`/api/${dave.id}/tasks`, { headers: bearer(token) }))).toMatchObject({
      status: 401,
      code: 'AUTH_INVALID',
    });
  });
});

describe('storage', () => {
  it('keeps only a hash: the secret is nowhere on disk or in the logs', async () => {
    const { token } = await newToken(alice);
    await test.api(`/api/${alice.id}/tasks`, { headers: bearer(token) });
    const body = token.slice('tdpat_'.length);
    const files = readdirSync(test.dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
    expect(files.some((file) => file.endsWith('tasks.db-wal'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(body), file).toBe(false);
      expect(bytes.includes(Buffer.from(body, 'base64url')), file).toBe(false);
    }
    expect(logLines.join('\n')).not.toContain(body);
    await test.restart(); // checkpoint + close: the main file too
    expect(readFileSync(join(test.dir, 'tasks.db')).includes(body)).toBe(false);
    expect((await test.api(`/api/${alice.id}/tasks`, { headers: bearer(token) })).status).toBe(200);
  });
});
