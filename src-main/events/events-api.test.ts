import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataEvent } from '../../src-shared/event-schemas.ts';
import type { TokenCreated } from '../../src-shared/token-schemas.ts';
import { openEventStream, type TestEventStream } from '../testing/event-stream-client.ts';
import { claimsFor, signWithAppKey } from '../testing/forge-token.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;
let bob: TestUser;
const streams: TestEventStream[] = [];

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
  bob = await signUp(test, 'Bob');
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await test.close();
});

async function open(user: TestUser, headers = user.headers, lastEventId?: string): Promise<TestEventStream> {
  const stream = await openEventStream(`${test.core.apiBaseUrl}/api/${user.id}/events`, headers, lastEventId);
  streams.push(stream);
  return stream;
}

async function nextData(stream: TestEventStream): Promise<{ event: string; id: string; data: DataEvent }> {
  const message = await stream.next();
  return { event: message.event, id: message.lastEventId, data: JSON.parse(message.data) as DataEvent };
}

async function call(user: TestUser, method: string, path: string, body?: unknown): Promise<Response> {
  return test.api(`/api/${user.id}${path}`, {
    method,
    headers: user.headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function createTask(user: TestUser, title: string): Promise<string> {
  const response = await call(user, 'POST', '/tasks', { title });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function newToken(user: TestUser, scopes: string[]): Promise<TokenCreated> {
  const response = await call(user, 'POST', '/tokens', { name: 'events', scopes, expiresInDays: 1 });
  return (await response.json()) as TokenCreated;
}

describe('GET /api/{userId}/events', () => {
  it('streams every kind of task change, in order, with the ids involved', async () => {
    const stream = await open(alice);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers.get('cache-control')).toContain('no-cache');

    const id = await createTask(alice, 'Live');
    await call(alice, 'PATCH', `/tasks/${id}`, { title: 'Live, renamed' });
    await call(alice, 'PATCH', `/tasks/${id}/complete`);
    await call(alice, 'PUT', `/tasks/${id}`, { title: 'Replaced' });
    await call(alice, 'DELETE', `/tasks/${id}`);
    await call(alice, 'POST', `/tasks/${id}/restore`);
    const exported = await (await call(alice, 'GET', '/export')).json();
    await call(bob, 'POST', `/import?fromUser=${alice.id}`, exported); // Bob's change: not on Alice's stream
    await call(alice, 'DELETE', `/tasks/${id}`);
    const other = await createTask(alice, 'second');

    const seen = [];
    for (let i = 0; i < 8; i += 1) seen.push(await nextData(stream));
    expect(seen.map((m) => [m.event, m.data.type, m.data.ids])).toEqual([
      ['task.created', 'task.created', [id]],
      ['task.updated', 'task.updated', [id]],
      ['task.updated', 'task.updated', [id]],
      ['task.updated', 'task.updated', [id]],
      ['task.deleted', 'task.deleted', [id]],
      ['task.restored', 'task.restored', [id]],
      ['task.deleted', 'task.deleted', [id]],
      ['task.created', 'task.created', [other]],
    ]);
    const seqs = seen.map((m) => Number(m.id.split('-')[1]));
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('announces an import with the ids of the tasks it added', async () => {
    const carol = await signUp(test, 'Carol');
    const stream = await open(carol);
    const file = (await (await call(alice, 'GET', '/export')).json()) as { tasks: { id: string }[] };
    const result = await call(carol, 'POST', `/import?fromUser=${alice.id}`, file);
    const { imported } = (await result.json()) as { imported: number; importedIds?: unknown };
    expect(imported).toBeGreaterThan(0);
    const message = await nextData(stream);
    expect(message.data.type).toBe('tasks.imported');
    expect(message.data.ids).toHaveLength(imported);
    const list = (await (await call(carol, 'GET', '/tasks?limit=200')).json()) as { items: { id: string }[] };
    expect([...message.data.ids].sort()).toEqual(list.items.map((item) => item.id).sort());
  });

  it("keeps users apart: no events of others, 403 on another user's stream", async () => {
    const bobStream = await open(bob);
    await createTask(alice, 'private');
    const bobTask = await createTask(bob, 'bob');
    expect((await nextData(bobStream)).data.ids).toEqual([bobTask]);
    const foreign = await test.api(`/api/${bob.id}/events`, { headers: alice.headers });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    const anonymous = await test.api(`/api/${bob.id}/events`);
    expect(anonymous.status).toBe(401);
  });

  it('resumes after a reconnect with Last-Event-ID, or says resync', async () => {
    const first = await open(alice);
    const a = await createTask(alice, 'a');
    const { id: lastId } = await nextData(first);
    first.close();
    const b = await createTask(alice, 'b');
    await call(alice, 'DELETE', `/tasks/${a}`);
    const resumed = await open(alice, alice.headers, lastId);
    expect((await nextData(resumed)).data).toMatchObject({ type: 'task.created', ids: [b] });
    expect((await nextData(resumed)).data).toMatchObject({ type: 'task.deleted', ids: [a] });
    const c = await createTask(alice, 'c');
    expect((await nextData(resumed)).data).toMatchObject({ type: 'task.created', ids: [c] });

    for (const stale of ['zzzz-1', 'garbage', `${lastId.split('-')[0]}-999999999`]) {
      const again = await open(alice, alice.headers, stale);
      expect((await again.next()).event).toBe('resync');
      again.close();
    }
  });

  it('accepts a personal access token with tasks:read, and ends the stream when it is revoked', async () => {
    const token = await newToken(alice, ['tasks:read']);
    const stream = await open(alice, { Authorization: `Bearer ${token.token}` });
    expect(stream.response.status).toBe(200);
    const id = await createTask(alice, 'seen by the token');
    expect((await nextData(stream)).data.ids).toEqual([id]);
    expect((await call(alice, 'DELETE', `/tokens/${token.id}`)).status).toBe(204);
    const end = await stream.next();
    expect(end.event).toBe('end');
    expect(JSON.parse(end.data)).toEqual({ reason: 'revoked' });
    await stream.ended;
  });

  it('ends a JWT stream when its session is revoked (sign-out)', async () => {
    const dave = await signUp(test, 'Dave');
    const stream = await open(dave);
    const out = await test.api('/api/auth/sign-out', {
      method: 'POST',
      headers: { Authorization: `Bearer ${dave.sessionToken}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    const end = await stream.next();
    expect([end.event, JSON.parse(end.data)]).toEqual(['end', { reason: 'revoked' }]);
    await stream.ended;
  });

  it('ends a JWT stream when the JWT expires', async () => {
    const now = Math.floor(Date.now() / 1000);
    const sid = JSON.parse(Buffer.from(alice.jwt.split('.')[1]!, 'base64url').toString()) as { sid: string };
    const shortLived = await signWithAppKey(test, claimsFor(alice.id, { sid: sid.sid, exp: now + 2 }));
    const stream = await open(alice, { Authorization: `Bearer ${shortLived}` });
    expect(stream.response.status).toBe(200);
    const end = await stream.next(10_000);
    expect([end.event, JSON.parse(end.data)]).toEqual(['end', { reason: 'expired' }]);
  });

  it('ends open streams when the core stops, so stopping does not wait for them', async () => {
    const local = await startTestCore();
    try {
      const erin = await signUp(local, 'Erin');
      const stream = await openEventStream(`${local.core.apiBaseUrl}/api/${erin.id}/events`, erin.headers);
      await local.core.stop();
      const end = await stream.next();
      expect([end.event, JSON.parse(end.data)]).toEqual(['end', { reason: 'shutdown' }]);
    } finally {
      await local.close();
    }
  });
});
