// Fuzzing the organize routes (lists, tags, move, the new list filters) over real HTTP: whatever the body, path or
// query, the answer is never a 5xx, always the one error shape when it is an error, and the counters stay right.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { List } from '../../src-shared/list-schemas.ts';
import type { Task } from '../../src-shared/task-schemas.ts';
import { userClient, type UserClient } from '../testing/api-client.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let user: TestUser;
let client: UserClient;
let ids: string[] = [];

beforeAll(async () => {
  test = await startTestCore();
  user = await signUp(test);
  client = userClient(test, user);
  const base = `/api/${user.id}`;
  const list = await client.json<List>('POST', `${base}/lists`, { name: 'Fuzz' }, 201);
  const a = await client.json<Task>(
    'POST',
    `${base}/tasks`,
    { title: 'a', listId: list.id, tags: ['x'] },
    201,
  );
  const b = await client.json<Task>('POST', `${base}/tasks`, { title: 'b', parentId: a.id }, 201);
  const c = await client.json<Task>('POST', `${base}/tasks`, { title: 'c' }, 201);
  ids = [list.id, a.id, b.id, c.id, c.listId];
});
afterAll(() => test.close());

/** Ids that exist (tasks and lists), ids that do not, and hostile strings. */
const anyId = () =>
  fc.oneof(
    fc.nat().map((i) => ids[i % ids.length]!),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('root', '', '..', '%00', 'x'.repeat(300), '💥', 'a/b'),
  );
const anyValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.string({ maxLength: 30 }),
    anyId(),
    fc.array(fc.string({ maxLength: 8 }), { maxLength: 25 }),
  );

const body = fc.dictionary(
  fc.constantFrom(
    'name',
    'color',
    'position',
    'listId',
    'parentId',
    'beforeId',
    'afterId',
    'tags',
    'title',
    'extra',
  ),
  anyValue(),
  { maxKeys: 4 },
);

async function expectNo5xx(response: Response, what: string): Promise<void> {
  expect(response.status, what).toBeLessThan(500);
  if (response.status >= 400) {
    const parsed = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof parsed.error?.code, what).toBe('string');
    expect(typeof parsed.error?.message, what).toBe('string');
  } else {
    await response.arrayBuffer();
  }
}

describe('organize routes under fuzzing', () => {
  it('never answer 5xx to any body, path id or filter, and keep the list counts consistent', async () => {
    const base = `/api/${user.id}`;
    const routes: ((id: string) => [string, string])[] = [
      () => ['POST', `${base}/lists`],
      (id: string) => ['PATCH', `${base}/lists/${encodeURIComponent(id)}`],
      (id: string) => ['DELETE', `${base}/lists/${encodeURIComponent(id)}`],
      (id: string) => ['POST', `${base}/lists/${encodeURIComponent(id)}/restore`],
      (id: string) => ['POST', `${base}/tasks/${encodeURIComponent(id)}/move`],
      (id: string) => ['PATCH', `${base}/tags/${encodeURIComponent(id)}`],
      (id: string) => ['DELETE', `${base}/tags/${encodeURIComponent(id)}`],
      () => ['POST', `${base}/tasks`],
      (id: string) => ['PATCH', `${base}/tasks/${encodeURIComponent(id)}`],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: routes.length - 1 }),
        anyId(),
        body,
        async (r, id, payload) => {
          const [method, path] = routes[r]!(id);
          const response = await client.call(method, path, payload);
          await expectNo5xx(response, `${method} ${path} ${JSON.stringify(payload).slice(0, 200)}`);
        },
      ),
      { numRuns: 250 },
    );
    const query = fc.record(
      {
        listId: anyId(),
        parentId: anyId(),
        tag: fc.oneof(
          fc.string({ maxLength: 10 }),
          fc.array(fc.string({ maxLength: 10 }), { maxLength: 25 }),
        ),
        sort: fc.constantFrom('manual', 'completed', 'due', 'created', 'bogus'),
        q: fc.string({ maxLength: 20 }),
        cursor: fc.string({ maxLength: 40 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(q)) {
          for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
        }
        await expectNo5xx(await client.call('GET', `${base}/tasks?${params.toString()}`), params.toString());
      }),
      { numRuns: 150 },
    );
    // Whatever happened, every list's open count is what its tasks say.
    const lists = (await client.json<{ items: List[] }>('GET', `${base}/lists`, undefined, 200)).items;
    for (const list of lists) {
      const open = await client.json<{ items: Task[] }>(
        'GET',
        `${base}/tasks?listId=${list.id}&status=active&limit=200`,
        undefined,
        200,
      );
      expect(list.activeCount, list.name).toBe(open.items.length);
    }
  });

  it('documents every organize route in the OpenAPI document', async () => {
    const doc = (await (await test.api('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/{userId}/lists'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(Object.keys(doc.paths['/api/{userId}/lists/{listId}'] ?? {})).toEqual(
      expect.arrayContaining(['patch', 'delete']),
    );
    expect(doc.paths['/api/{userId}/lists/{listId}/restore']?.post).toBeDefined();
    expect(Object.keys(doc.paths['/api/{userId}/tags/{name}'] ?? {})).toEqual(
      expect.arrayContaining(['patch', 'delete']),
    );
    expect(doc.paths['/api/{userId}/tags']?.get).toBeDefined();
    expect(doc.paths['/api/{userId}/tasks/{id}/move']?.post).toBeDefined();
  });
});
