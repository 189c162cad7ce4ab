import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task, TaskList } from '../../src-shared/task-schemas.ts';
import { callAs, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
  bob = await signUp(test, 'Bob');
});
afterAll(() => test.close());

const call = (user: TestUser, method: string, path: string, body?: unknown) => callAs(test, user, method, path, body);

async function create(user: TestUser, body: unknown): Promise<Task> {
  const response = await call(user, 'POST', `/api/${user.id}/tasks`, body);
  expect(response.status).toBe(201);
  return (await response.json()) as Task;
}

describe('task CRUD over HTTP', () => {
  it('round-trips create, read, replace, patch, complete and delete', async () => {
    const created = await create(alice, { title: ' Write report ', priority: 'high', dueAt: '2026-12-01T09:00:00+01:00' });
    expect(created).toMatchObject({
      userId: alice.id,
      title: 'Write report',
      priority: 'high',
      dueAt: '2026-12-01T08:00:00.000Z',
      completed: false,
    });

    const read = await call(alice, 'GET', `/api/${alice.id}/tasks/${created.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(created);

    const replaced = await call(alice, 'PUT', `/api/${alice.id}/tasks/${created.id}`, { title: 'Replaced' });
    expect(await replaced.json()).toMatchObject({ title: 'Replaced', priority: 'none', dueAt: null, description: '' });

    const patched = await call(alice, 'PATCH', `/api/${alice.id}/tasks/${created.id}`, { description: 'details' });
    expect(await patched.json()).toMatchObject({ title: 'Replaced', description: 'details' });

    const toggled = await call(alice, 'PATCH', `/api/${alice.id}/tasks/${created.id}/complete`);
    expect(await toggled.json()).toMatchObject({ completed: true });
    const set = await call(alice, 'PATCH', `/api/${alice.id}/tasks/${created.id}/complete`, { completed: true });
    expect(await set.json()).toMatchObject({ completed: true });
    const untoggled = await call(alice, 'PATCH', `/api/${alice.id}/tasks/${created.id}/complete`);
    expect(await untoggled.json()).toMatchObject({ completed: false, completedAt: null });

    const deleted = await call(alice, 'DELETE', `/api/${alice.id}/tasks/${created.id}`);
    expect(deleted.status).toBe(204);
    expect((await call(alice, 'GET', `/api/${alice.id}/tasks/${created.id}`)).status).toBe(404);
  });

  it('lists with filters, search, sort and cursor paging', async () => {
    const user = await signUp(test);
    for (let i = 0; i < 12; i++) await create(user, { title: `item ${i}`, completed: i < 4 });
    await create(user, { title: 'needle in haystack' });
    const get = async (query: string) => {
      const response = await call(user, 'GET', `/api/${user.id}/tasks${query}`);
      expect(response.status).toBe(200);
      return (await response.json()) as TaskList;
    };
    expect((await get('?status=completed')).items).toHaveLength(4);
    expect((await get('?status=active&limit=200')).items).toHaveLength(9);
    expect((await get('?q=needle')).items.map((t) => t.title)).toEqual(['needle in haystack']);
    expect((await get('?sort=title&order=asc&limit=1')).items[0]!.title).toBe('item 0');
    const first = await get('?limit=5');
    expect(first.items).toHaveLength(5);
    const second = await get(`?limit=5&cursor=${first.nextCursor!}`);
    expect(second.items.map((t) => t.id)).not.toContain(first.items[0]!.id);
    expect((await get('?limit=50&offset=0')).items).toHaveLength(13); // the shared bench harness's query
    const counts = await call(user, 'GET', `/api/${user.id}/tasks/counts?dayStart=2026-01-01&dayEnd=2026-01-02`);
    expect(await counts.json()).toEqual({ all: 13, active: 9, completed: 4, dueToday: 0, overdue: 0, today: 0 });
  });
});

describe('isolation between users', () => {
  it('never lets one user read, change or delete another user\'s tasks through any route', async () => {
    const secret = await create(alice, { title: 'alice only' });
    const base = `/api/${alice.id}/tasks`;
    // Bob with his own valid token on Alice's paths: 403, whatever the route.
    for (const [method, path, body] of [
      ['GET', base, undefined],
      ['POST', base, { title: 'x' }],
      ['GET', `${base}/counts?dayStart=2026-01-01&dayEnd=2026-01-02`, undefined],
      ['GET', `${base}/${secret.id}`, undefined],
      ['PUT', `${base}/${secret.id}`, { title: 'x' }],
      ['PATCH', `${base}/${secret.id}`, { title: 'x' }],
      ['PATCH', `${base}/${secret.id}/complete`, undefined],
      ['DELETE', `${base}/${secret.id}`, undefined],
    ] as const) {
      const response = await call(bob, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
    // Bob on his own paths with Alice's task id: 404, as if it did not exist.
    const own = `/api/${bob.id}/tasks/${secret.id}`;
    for (const [method, path, body] of [
      ['GET', own, undefined],
      ['PUT', own, { title: 'x' }],
      ['PATCH', own, { title: 'x' }],
      ['PATCH', `${own}/complete`, undefined],
      ['DELETE', own, undefined],
    ] as const) {
      const response = await call(bob, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
    const bobsList = (await (await call(bob, 'GET', `/api/${bob.id}/tasks?q=alice`)).json()) as TaskList;
    expect(bobsList.items).toEqual([]);
    const still = await call(alice, 'GET', `${base}/${secret.id}`);
    expect(await still.json()).toEqual(secret);
  });
});

describe('input errors', () => {
  const errorOf = async (response: Response) => ({
    status: response.status,
    ...((await response.json()) as { error: { code: string; details?: { path: string }[] } }).error,
  });

  it('answers 422 with field details, 400 for malformed JSON, 413 over 64 KiB, 415 for non-JSON', async () => {
    const tasks = `/api/${alice.id}/tasks`;
    const invalid = await errorOf(await call(alice, 'POST', tasks, { title: '   ', priority: 'urgent', extra: 1 }));
    expect(invalid).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
    expect(invalid.details!.map((d) => d.path).sort()).toEqual(['', 'priority', 'title']);

    const tooLong = await errorOf(await call(alice, 'POST', tasks, { title: 'x'.repeat(501) }));
    expect(tooLong).toMatchObject({ status: 422, details: [{ path: 'title' }] });

    const malformed = await test.api(tasks, { method: 'POST', headers: alice.headers, body: '{"title": ' });
    expect(await errorOf(malformed)).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });

    const empty = await test.api(tasks, { method: 'POST', headers: alice.headers });
    expect(await errorOf(empty)).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });

    const big = await call(alice, 'POST', tasks, { title: 'x', description: 'y'.repeat(70_000) });
    expect(await errorOf(big)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });

    const text = await test.api(tasks, {
      method: 'POST',
      headers: { Authorization: alice.headers.Authorization!, 'Content-Type': 'text/plain' },
      body: '{"title":"x"}',
    });
    expect(await errorOf(text)).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });

    const badQuery = await errorOf(await call(alice, 'GET', `${tasks}?limit=500&sort=random`));
    expect(badQuery).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
    expect(badQuery.details!.map((d) => d.path).sort()).toEqual(['limit', 'sort']);

    const badCursor = await errorOf(await call(alice, 'GET', `${tasks}?cursor=garbage`));
    expect(badCursor).toMatchObject({ status: 422, details: [{ path: 'cursor' }] });

    const emptyPatch = await errorOf(await call(alice, 'PATCH', `${tasks}/whatever`, {}));
    expect(emptyPatch).toMatchObject({ status: 422 });

    const list = (await (await call(alice, 'GET', `${tasks}?q=xxxxxxxx`)).json()) as TaskList;
    expect(list.items).toEqual([]); // nothing above was written
  });
});
