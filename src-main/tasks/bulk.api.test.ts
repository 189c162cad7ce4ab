// POST /api/{userId}/tasks/bulk over real HTTP: every action by ids and by filter, its undo putting the tasks back
// exactly, progress lines, isolation, scopes, limits, and fuzzing for 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_CHUNK, BULK_MAX, NDJSON, type BulkRequestInput, type BulkResult } from '../../src-shared/bulk-schemas.ts';
import type { List } from '../../src-shared/list-schemas.ts';
import type { Task, TaskList } from '../../src-shared/task-schemas.ts';
import { userClient, type UserClient } from '../testing/api-client.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let ada: TestUser;
let bo: TestUser;
let as: UserClient;
let asBo: UserClient;

beforeAll(async () => {
  test = await startTestCore();
  ada = await signUp(test, 'Ada');
  bo = await signUp(test, 'Bo');
  as = userClient(test, ada);
  asBo = userClient(test, bo);
});
afterAll(() => test.close());

const base = (user: TestUser) => `/api/${user.id}`;
const bulk = (body: BulkRequestInput, client = as, user = ada) => client.json<BulkResult>('POST', `${base(user)}/tasks/bulk`, body, 200);

async function create(title: string, extra: Record<string, unknown> = {}, client = as, user = ada): Promise<Task> {
  return client.json<Task>('POST', `${base(user)}/tasks`, { title, ...extra }, 201);
}
async function all(query = 'status=all'): Promise<Task[]> {
  const out: Task[] = [];
  let cursor: string | null = null;
  do {
    const page: TaskList = await as.json<TaskList>('GET', `${base(ada)}/tasks?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`, undefined, 200);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
/** What undo must restore: every field a bulk action can change, per task. */
async function snapshot(): Promise<string> {
  const live = await all('status=all&sort=created');
  const trash = await all('status=deleted&sort=created');
  return JSON.stringify(
    [...live, ...trash].map((t) => [t.id, t.completed, t.priority, t.listId, t.parentId, t.position, t.tags, t.deletedAt ?? null, t.dueDate]),
  );
}
async function runUndo(result: BulkResult): Promise<void> {
  for (const step of result.undo) await bulk(step);
}

describe('bulk actions', () => {
  it('applies each action by ids, answers what changed, and its undo puts everything back', async () => {
    const work = await as.json<List>('POST', `${base(ada)}/lists`, { name: 'Work' }, 201);
    const parent = await create('Parent', { priority: 'low', tags: ['home'] });
    const child = await create('Child', { parentId: parent.id });
    const done = await create('Done', { completed: true, priority: 'high' });
    const plain = await create('Plain', { listId: work.id });
    const ids = [parent.id, child.id, done.id, plain.id];
    const start = await snapshot();

    const complete = await bulk({ ids, action: { type: 'complete' } });
    expect(complete.matched).toBe(4);
    // The child was completed with its parent (it is reported once); the done one did not change.
    expect(complete.changed.sort()).toEqual([parent.id, child.id, plain.id].sort());
    expect((await all('status=active')).map((t) => t.title)).toEqual([]);
    await runUndo(complete);
    expect(await snapshot()).toBe(start);

    const priority = await bulk({ ids, action: { type: 'setPriority', priority: 'medium' } });
    expect(priority.changed.length).toBe(4);
    // Three earlier priorities: three undo requests, each by ids.
    expect(priority.undo.map((u) => u.action)).toEqual(
      expect.arrayContaining([{ type: 'setPriority', priority: 'low' }, { type: 'setPriority', priority: 'none' }, { type: 'setPriority', priority: 'high' }]),
    );
    await runUndo(priority);
    expect(await snapshot()).toBe(start);

    const tag = await bulk({ ids, action: { type: 'addTag', tag: 'HOME' } });
    expect(tag.changed.sort()).toEqual([child.id, done.id, plain.id].sort());
    // The account's spelling wins (tags compare ignoring case).
    expect((await all()).every((t) => t.tags.includes('home'))).toBe(true);
    await runUndo(tag);
    expect(await snapshot()).toBe(start);
    const untag = await bulk({ ids, action: { type: 'removeTag', tag: 'home' } });
    expect(untag.changed).toEqual([parent.id]);
    await runUndo(untag);
    expect(await snapshot()).toBe(start);

    // Move: the child is selected with its parent, so it moves with it and stays its subtask.
    const move = await bulk({ ids: [parent.id, child.id, done.id], action: { type: 'move', listId: work.id } });
    expect(move.changed).toEqual([parent.id, done.id]);
    const moved = await all();
    expect(moved.find((t) => t.id === child.id)).toMatchObject({ listId: work.id, parentId: parent.id });
    // In their order at the top of the list.
    const top = (await all(`listId=${work.id}&parentId=root`)).map((t) => t.title);
    expect(top).toEqual(['Parent', 'Done', 'Plain']);
    await runUndo(move);
    expect(await snapshot()).toBe(start);

    const trashed = await bulk({ ids: [child.id, parent.id, plain.id], action: { type: 'delete' } });
    expect(trashed.changed.sort()).toEqual([parent.id, child.id, plain.id].sort());
    expect(trashed.undo).toEqual([{ ids: [parent.id, plain.id], action: { type: 'restore' } }]);
    expect((await all()).map((t) => t.title)).toEqual(['Done']);
    await runUndo(trashed);
    expect(await snapshot()).toBe(start);
  });

  it('completes a recurring task to its next occurrence, and its undo restores that occurrence', async () => {
    const daily = await create('Water plants', { dueDate: '2026-03-10', recurrence: { rrule: 'FREQ=DAILY', from: 'due' } });
    const start = await snapshot();
    const result = await bulk({ ids: [daily.id], action: { type: 'complete', timeZone: 'Europe/Berlin' } });
    expect(result.changed).toEqual([daily.id]);
    expect(await as.json<Task>('GET', `${base(ada)}/tasks/${daily.id}`, undefined, 200)).toMatchObject({ completed: false, dueDate: '2026-03-11' });
    await runUndo(result);
    expect(await snapshot()).toBe(start);
    await bulk({ ids: [daily.id], action: { type: 'delete' } });
  });

  it('two concurrent bulk completes naming the occurrence they saw move a recurring task once, over HTTP', async () => {
    const daily = await create('Feed cat', { dueDate: '2026-03-10', recurrence: { rrule: 'FREQ=DAILY;COUNT=2' } });
    const request: BulkRequestInput = { ids: [daily.id], action: { type: 'complete', occurrences: { [daily.id]: '2026-03-10' } } };
    const results = await Promise.all([bulk(request), bulk(request)]);
    expect(results.map((r) => r.changed.length).sort()).toEqual([0, 1]);
    expect(await as.json<Task>('GET', `${base(ada)}/tasks/${daily.id}`, undefined, 200)).toMatchObject({ completed: false, dueDate: '2026-03-11' });
    expect((await as.json<{ items: unknown[] }>('GET', `${base(ada)}/tasks/${daily.id}/completions`, undefined, 200)).items).toHaveLength(1);
    await bulk({ ids: [daily.id], action: { type: 'delete' } });
  });

  it('selects by the list filter across every page and reports progress per batch', async () => {
    const list = await as.json<List>('POST', `${base(ada)}/lists`, { name: 'Many' }, 201);
    const count = BULK_CHUNK * 2 + 17;
    for (let i = 0; i < count; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => create(`Many ${i + j}`, { listId: list.id })));
    }
    // "Select all" in that view: the count of every page, before anything is written.
    expect(await as.json('GET', `${base(ada)}/tasks/bulk/count?listId=${list.id}&status=active`, undefined, 200)).toEqual({ count, overLimit: false });
    expect((await as.error('GET', `${base(ada)}/tasks/bulk/count?sort=due`, undefined, 422)).code).toBe('VALIDATION_FAILED');
    expect(await asBo.json('GET', `${base(bo)}/tasks/bulk/count?listId=${list.id}`, undefined, 200)).toEqual({ count: 0, overLimit: false });
    const response = await as.call('POST', `${base(ada)}/tasks/bulk`, { filter: { listId: list.id, status: 'active' }, action: { type: 'complete' } });
    // (NDJSON is asked for below; this one answers plain JSON.)
    expect(response.status).toBe(200);
    const result = (await response.json()) as BulkResult;
    expect(result.matched).toBe(count);
    expect(result.changed.length).toBe(count);
    expect((await all(`listId=${list.id}&status=active`)).length).toBe(0);

    const streamed = await test.api(`${base(ada)}/tasks/bulk`, {
      method: 'POST',
      headers: { ...ada.headers, Accept: NDJSON },
      body: JSON.stringify({ ids: result.undo[0]!.ids, action: result.undo[0]!.action }),
    });
    expect(streamed.headers.get('content-type')).toContain(NDJSON);
    const lines = (await streamed.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.slice(0, -1)).toEqual([
      { progress: { done: 0, total: count } },
      { progress: { done: BULK_CHUNK, total: count } },
      { progress: { done: BULK_CHUNK * 2, total: count } },
      { progress: { done: count, total: count } },
    ]);
    expect((lines.at(-1)!.result as BulkResult).changed.length).toBe(count);
    expect((await all(`listId=${list.id}&status=active`)).length).toBe(count);
  });

  it("never touches or reveals another user's tasks, and checks the path's user and the token's scope", async () => {
    const mine = await create('Mine');
    const theirs = await create('Theirs', {}, asBo, bo);
    const result = await bulk({ ids: [mine.id, theirs.id], action: { type: 'delete' } });
    expect(result).toMatchObject({ matched: 1, changed: [mine.id] });
    expect(await asBo.json<Task>('GET', `${base(bo)}/tasks/${theirs.id}`, undefined, 200)).toMatchObject({ title: 'Theirs' });
    // Bo's filter sees only Bo's tasks.
    const boAll = await bulk({ filter: {}, action: { type: 'setPriority', priority: 'high' } }, asBo, bo);
    expect(boAll.changed).toEqual([theirs.id]);
    // Another user's path: 403; another user's list as a move target: 404.
    expect((await as.error('POST', `${base(bo)}/tasks/bulk`, { ids: [theirs.id], action: { type: 'delete' } }, 403)).code).toBe('FORBIDDEN');
    expect((await as.error('POST', `${base(ada)}/tasks/bulk`, { ids: [mine.id], action: { type: 'move', listId: theirs.listId } }, 404)).code).toBe('NOT_FOUND');

    const token = await as.json<{ token: string }>('POST', `${base(ada)}/tokens`, { name: 'reader', scopes: ['tasks:read'], expiresInDays: 1 }, 201);
    const refused = await test.api(`${base(ada)}/tasks/bulk`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids: [mine.id], action: { type: 'restore' } }),
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('INSUFFICIENT_SCOPE');
  });

  it('refuses bad bodies with a clear 4xx and writes nothing', async () => {
    const task = await create('Untouched', { priority: 'low' });
    const before = await snapshot();
    const cases: [unknown, number, string][] = [
      [{ action: { type: 'complete' } }, 422, 'ids'],
      [{ ids: [task.id], filter: {}, action: { type: 'complete' } }, 422, 'ids'],
      [{ ids: [], action: { type: 'complete' } }, 422, 'ids'],
      [{ ids: [task.id], action: { type: 'explode' } }, 422, 'action.type'],
      [{ ids: [task.id], action: { type: 'setPriority', priority: 'urgent' } }, 422, 'action.priority'],
      [{ ids: [task.id], action: { type: 'addTag', tag: 'two words' } }, 422, 'action.tag'],
      [{ filter: { sort: 'due' }, action: { type: 'delete' } }, 422, 'filter'],
      [{ ids: Array.from({ length: BULK_MAX + 1 }, (_, i) => `id-${i}`), action: { type: 'delete' } }, 422, 'ids'],
      [{ ids: [task.id], action: { type: 'place', places: [{ id: task.id, listId: task.listId, parentId: null, position: 'a0' }] } }, 422, 'ids'],
    ];
    for (const [body, status, path] of cases) {
      const error = await as.error('POST', `${base(ada)}/tasks/bulk`, body, status);
      expect(error.code, JSON.stringify(body).slice(0, 80)).toBe('VALIDATION_FAILED');
      expect(error.details?.map((d) => d.path).join(' '), JSON.stringify(body).slice(0, 80)).toContain(path);
    }
    const huge = await test.api(`${base(ada)}/tasks/bulk`, {
      method: 'POST',
      headers: ada.headers,
      body: JSON.stringify({ ids: [task.id], action: { type: 'delete' }, pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(await snapshot()).toBe(before);
  });

  it('never answers 5xx to any body', async () => {
    const task = await create('Fuzzed');
    const ids = [task.id, task.listId, 'nope', ''];
    const anyId = fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 12 }));
    const action = fc.oneof(
      fc.record({ type: fc.constantFrom('complete', 'uncomplete', 'delete', 'restore', 'bogus') }),
      fc.record({ type: fc.constant('move'), listId: anyId }),
      fc.record({ type: fc.constant('setPriority'), priority: fc.constantFrom('none', 'high', 'x', 3) }),
      fc.record({ type: fc.constantFrom('addTag', 'removeTag'), tag: fc.string({ maxLength: 60 }) }),
      fc.record({
        type: fc.constant('place'),
        places: fc.array(fc.record({ id: anyId, listId: anyId, parentId: fc.oneof(fc.constant(null), anyId), position: fc.string({ maxLength: 6 }) }), { maxLength: 3 }),
      }),
      fc.anything(),
    );
    const body = fc.record(
      {
        ids: fc.oneof(fc.array(anyId, { maxLength: 4 }), fc.anything()),
        filter: fc.oneof(fc.record({ listId: anyId, q: fc.string({ maxLength: 8 }), status: fc.constantFrom('all', 'deleted', 'x') }, { requiredKeys: [] }), fc.anything()),
        action,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (payload, stream) => {
        const response = await test.api(`${base(ada)}/tasks/bulk`, {
          method: 'POST',
          headers: { ...ada.headers, ...(stream ? { Accept: NDJSON } : {}) },
          body: JSON.stringify(payload),
        });
        const text = await response.text();
        expect(response.status, text).toBeLessThan(500);
        expect(text).not.toMatch(/INTERNAL|SQLITE|at .*\.ts/);
      }),
      { numRuns: 200 },
    );
    const query = fc.dictionary(fc.constantFrom('listId', 'q', 'status', 'tag', 'parentId', 'dueFrom', 'timeZone', 'limit', 'x'), fc.string({ maxLength: 12 }), { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const response = await as.call('GET', `${base(ada)}/tasks/bulk/count?${new URLSearchParams(q).toString()}`);
        expect(response.status, JSON.stringify(q)).toBeLessThan(500);
        await response.arrayBuffer();
      }),
      { numRuns: 100 },
    );
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await test.api('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/api/{userId}/tasks/bulk']?.post).toBeDefined();
    expect(doc.paths['/api/{userId}/tasks/bulk/count']?.get).toBeDefined();
  });
});
