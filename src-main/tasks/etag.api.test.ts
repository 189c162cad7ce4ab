// ETag and If-Match on the task routes (issue 16 item 3): optimistic concurrency for scripts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../src-shared/api-errors.ts';
import type { Task } from '../../src-shared/task-schemas.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';
import { parseIfMatch } from './task-etag.ts';

let test: TestCore;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
  bob = await signUp(test, 'Bob');
});
afterAll(() => test.close());

function call(user: TestUser, method: string, path: string, body?: unknown, ifMatch?: string): Promise<Response> {
  return test.api(path, {
    method,
    headers: { ...user.headers, ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const taskPath = (user: TestUser, id: string) => `/api/${user.id}/tasks/${id}`;

async function create(user: TestUser, body: unknown): Promise<{ task: Task; etag: string }> {
  const response = await call(user, 'POST', `/api/${user.id}/tasks`, body);
  expect(response.status).toBe(201);
  return { task: (await response.json()) as Task, etag: response.headers.get('etag')! };
}

async function read(user: TestUser, id: string): Promise<{ task: Task; etag: string }> {
  const response = await call(user, 'GET', taskPath(user, id));
  expect(response.status).toBe(200);
  return { task: (await response.json()) as Task, etag: response.headers.get('etag')! };
}

async function expectPreconditionFailed(response: Response): Promise<void> {
  expect(response.status).toBe(412);
  const body = (await response.json()) as ApiErrorBody;
  expect(body.error.code).toBe('PRECONDITION_FAILED');
  expect(body.error.message).toMatch(/changed since it was read/);
}

describe('task ETags', () => {
  it('every single-task answer carries a strong ETag that changes with every write and only then', async () => {
    const created = await create(alice, { title: 'Report' });
    expect(created.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const first = await read(alice, created.task.id);
    expect(first.etag).toBe(created.etag);
    expect((await read(alice, created.task.id)).etag).toBe(first.etag);

    const seen = new Set([first.etag]);
    const writes: [string, string, unknown][] = [
      ['PATCH', '', { description: 'notes' }],
      ['PUT', '', { title: 'Report v2' }],
      ['PATCH', '/complete', { completed: true }],
      ['PATCH', '/complete', { completed: false }],
      ['POST', '/move', { listId: created.task.listId, parentId: null }],
      ['POST', '/snooze', { minutes: 30 }],
    ];
    for (const [method, suffix, body] of writes) {
      const response = await call(alice, method, taskPath(alice, created.task.id) + suffix, body);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const etag = response.headers.get('etag')!;
      expect(etag).toBe((await read(alice, created.task.id)).etag);
      if (suffix !== '/move') expect(seen.has(etag)).toBe(false); // a move to where it is changes nothing
      seen.add(etag);
    }
  });

  it('changes when the answer changes without a write of the row (a subtask added, a tag renamed)', async () => {
    const parent = await create(alice, { title: 'Parent', tags: ['old'] });
    await create(alice, { title: 'Child', parentId: parent.task.id });
    const withChild = await read(alice, parent.task.id);
    expect(withChild.task.subtaskCount).toBe(1);
    expect(withChild.etag).not.toBe(parent.etag);
    expect((await call(alice, 'PATCH', `/api/${alice.id}/tags/old`, { name: 'renamed' })).status).toBe(200);
    const renamed = await read(alice, parent.task.id);
    expect(renamed.task.tags).toEqual(['renamed']);
    expect(renamed.etag).not.toBe(withChild.etag);
  });
});

describe('If-Match on PUT, PATCH, DELETE and PATCH .../complete', () => {
  it('refuses a stale ETag with 412 PRECONDITION_FAILED and changes nothing', async () => {
    const { task, etag: stale } = await create(alice, { title: 'Draft', dueDate: '2026-12-10', recurrence: { rrule: 'FREQ=DAILY' } });
    const current = await call(alice, 'PATCH', taskPath(alice, task.id), { title: 'Edited elsewhere' });
    const fresh = current.headers.get('etag')!;
    const before = await read(alice, task.id);

    await expectPreconditionFailed(await call(alice, 'PATCH', taskPath(alice, task.id), { title: 'Mine' }, stale));
    await expectPreconditionFailed(await call(alice, 'PUT', taskPath(alice, task.id), { title: 'Mine' }, stale));
    await expectPreconditionFailed(await call(alice, 'DELETE', taskPath(alice, task.id), undefined, stale));
    await expectPreconditionFailed(
      await call(alice, 'PATCH', `${taskPath(alice, task.id)}/complete`, { completed: true }, stale),
    );
    const after = await read(alice, task.id);
    expect(after).toEqual(before);
    expect(after.task).toMatchObject({ title: 'Edited elsewhere', dueDate: '2026-12-10', completed: false });

    // The current ETag (alone, or in a list with others) lets each write through.
    const patched = await call(alice, 'PATCH', taskPath(alice, task.id), { title: 'Mine' }, `"nope", ${fresh}`);
    expect(patched.status).toBe(200);
    const completed = await call(alice, 'PATCH', `${taskPath(alice, task.id)}/complete`, {}, patched.headers.get('etag')!);
    expect(completed.status).toBe(200);
    expect(((await completed.json()) as Task).dueDate).toBe('2026-12-11');
    const replaced = await call(alice, 'PUT', taskPath(alice, task.id), { title: 'Replaced' }, completed.headers.get('etag')!);
    expect(replaced.status).toBe(200);
    const deleted = await call(alice, 'DELETE', taskPath(alice, task.id), undefined, replaced.headers.get('etag')!);
    expect(deleted.status).toBe(204);
  });

  it('lets exactly one of two concurrent writes that read the same version through', async () => {
    const { task, etag } = await create(alice, { title: 'Shared' });
    const [a, b] = await Promise.all([
      call(alice, 'PATCH', taskPath(alice, task.id), { title: 'From A' }, etag),
      call(alice, 'PATCH', taskPath(alice, task.id), { title: 'From B' }, etag),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 412]);
    const winner = a.status === 200 ? 'From A' : 'From B';
    expect((await read(alice, task.id)).task.title).toBe(winner);
  });

  it('behaves as without the header for * and no header; a weak tag never matches', async () => {
    const { task, etag } = await create(alice, { title: 'Star' });
    expect((await call(alice, 'PATCH', taskPath(alice, task.id), { title: 'Any' }, '*')).status).toBe(200);
    expect((await call(alice, 'PATCH', taskPath(alice, task.id), { title: 'None' })).status).toBe(200);
    const current = (await read(alice, task.id)).etag;
    await expectPreconditionFailed(await call(alice, 'PATCH', taskPath(alice, task.id), { title: 'Weak' }, `W/${current}`));
    expect(etag).not.toBe(current);
    expect((await call(alice, 'DELETE', taskPath(alice, task.id), undefined, '*')).status).toBe(204);
    // Gone: 404 as without the header, with * or with its last ETag.
    expect((await call(alice, 'PATCH', taskPath(alice, task.id), { title: 'x' }, '*')).status).toBe(404);
    expect((await call(alice, 'DELETE', taskPath(alice, task.id), undefined, current)).status).toBe(404);
  });

  it("keeps isolation first: another user's task is 404 and another user's path 403, whatever the If-Match", async () => {
    const { task, etag } = await create(alice, { title: 'Private' });
    const bobsPath = `/api/${bob.id}/tasks/${task.id}`;
    expect((await call(bob, 'PATCH', bobsPath, { title: 'x' }, etag)).status).toBe(404);
    expect((await call(bob, 'DELETE', bobsPath, undefined, etag)).status).toBe(404);
    expect((await call(bob, 'PATCH', taskPath(alice, task.id), { title: 'x' }, etag)).status).toBe(403);
    expect((await read(alice, task.id)).task.title).toBe('Private');
  });

  it('answers 400 to an If-Match that is not * or entity tags, and writes nothing', async () => {
    const { task } = await create(alice, { title: 'Bad header' });
    for (const header of ['abc', '"unterminated', ',', 'W/abc', '"a" "b"']) {
      const response = await call(alice, 'PATCH', taskPath(alice, task.id), { title: 'x' }, header);
      expect(response.status, header).toBe(400);
      expect(((await response.json()) as ApiErrorBody).error.code).toBe('BAD_REQUEST');
    }
    expect((await read(alice, task.id)).task.title).toBe('Bad header');
  });

  it('is in the OpenAPI document: If-Match parameters, ETag headers and 412 answers', async () => {
    const doc = (await (await test.api('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    const item = doc.paths['/api/{userId}/tasks/{id}']!;
    const complete = doc.paths['/api/{userId}/tasks/{id}/complete']!.patch!;
    for (const operation of [item.put!, item.patch!, item.delete!, complete]) {
      expect(operation.parameters).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header' }));
      expect(operation.responses['412']).toBeDefined();
    }
    for (const operation of [item.get!, item.put!, item.patch!, complete]) {
      expect(operation.responses['200']!.headers?.ETag).toBeDefined();
    }
  });
});

describe('If-Match fuzz', () => {
  it('never answers 5xx and writes only on a match, whatever the header', async () => {
    const { task } = await create(alice, { title: 'Fuzzed' });
    const header = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(fc.oneof(fc.constant('*'), fc.string({ maxLength: 10 }).map((t) => `"${t}"`), fc.string({ maxLength: 10 }).map((t) => `W/"${t}"`)), { maxLength: 4 }).map((tags) => tags.join(',')),
    );
    await fc.assert(
      fc.asyncProperty(header, fc.constantFrom('PATCH', 'PUT', 'complete'), async (value, route) => {
        // fetch refuses header values with control characters or non-Latin-1 (they cannot reach the server).
        if (!/^[\x20-\x7e]*$/.test(value)) return;
        const before = await read(alice, task.id);
        const response =
          route === 'complete'
            ? await call(alice, 'PATCH', `${taskPath(alice, task.id)}/complete`, { completed: false }, value)
            : await call(alice, route, taskPath(alice, task.id), { title: 'Fuzzed' }, value);
        expect([200, 400, 412]).toContain(response.status);
        if (response.status !== 200) expect(await read(alice, task.id)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});

describe('parseIfMatch', () => {
  it('reads *, lists of strong tags, and drops weak ones', () => {
    expect(parseIfMatch(' * ')).toEqual({ any: true });
    expect(parseIfMatch('"a", W/"b" ,"c"')).toEqual({ any: false, tags: ['"a"', '"c"'] });
    expect(parseIfMatch('W/"b"')).toEqual({ any: false, tags: [] });
    expect(parseIfMatch('')).toBeNull();
    expect(parseIfMatch('a, "b"')).toBeNull();
  });
});
