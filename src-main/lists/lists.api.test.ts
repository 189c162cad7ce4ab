// The lists API over real HTTP: the Inbox, names, order, trash with tasks, and isolation between users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { List, ListCollection } from '../../src-shared/list-schemas.ts';
import type { Task, TaskList } from '../../src-shared/task-schemas.ts';
import { userClient, type UserClient } from '../testing/api-client.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;
let bob: TestUser;
let a: UserClient;
let b: UserClient;

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
  bob = await signUp(test, 'Bob');
  a = userClient(test, alice);
  b = userClient(test, bob);
});
afterAll(() => test.close());

const lists = async (client: UserClient, user: TestUser, query = '') =>
  (await client.json<ListCollection>('GET', `/api/${user.id}/lists${query}`, undefined, 200)).items;

describe('lists', () => {
  it('gives a new account exactly one Inbox, and new tasks land in it', async () => {
    const user = await signUp(test);
    const client = userClient(test, user);
    const [first, again] = await Promise.all([lists(client, user), lists(client, user)]);
    expect(first).toEqual(again);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ name: 'Inbox', isInbox: true, color: null, activeCount: 0 });
    const task = await client.json<Task>('POST', `/api/${user.id}/tasks`, { title: 'x' }, 201);
    expect(task).toMatchObject({
      listId: first[0]!.id,
      parentId: null,
      tags: [],
      subtaskCount: 0,
      subtasksDone: 0,
    });
    expect((await lists(client, user))[0]!.activeCount).toBe(1);
  });

  it('creates lists after the others, unique by name ignoring case', async () => {
    const user = await signUp(test);
    const client = userClient(test, user);
    const work = await client.json<List>(
      'POST',
      `/api/${user.id}/lists`,
      { name: ' Work ', color: '#FF0000' },
      201,
    );
    expect(work).toMatchObject({ name: 'Work', color: '#ff0000', isInbox: false, activeCount: 0 });
    const home = await client.json<List>('POST', `/api/${user.id}/lists`, { name: 'Home' }, 201);
    expect((await lists(client, user)).map((l) => l.name)).toEqual(['Inbox', 'Work', 'Home']);
    expect(home.position > work.position).toBe(true);

    const taken = await client.error('POST', `/api/${user.id}/lists`, { name: 'WORK' }, 409);
    expect(taken.code).toBe('LIST_NAME_TAKEN');
    expect((await client.error('POST', `/api/${user.id}/lists`, { name: 'inbox' }, 409)).code).toBe(
      'LIST_NAME_TAKEN',
    );
    const renameOnto = await client.error('PATCH', `/api/${user.id}/lists/${home.id}`, { name: 'work' }, 409);
    expect(renameOnto.code).toBe('LIST_NAME_TAKEN');
    // Its own name in another case is fine.
    const recased = await client.json<List>(
      'PATCH',
      `/api/${user.id}/lists/${work.id}`,
      { name: 'WORK' },
      200,
    );
    expect(recased.name).toBe('WORK');

    for (const body of [
      { name: '' },
      { name: 'x'.repeat(101) },
      { name: 'a', color: 'red' },
      { name: 'a', extra: 1 },
      {},
    ]) {
      expect((await client.error('POST', `/api/${user.id}/lists`, body, 422)).code).toBe('VALIDATION_FAILED');
    }
    expect((await lists(client, user)).map((l) => l.name)).toEqual(['Inbox', 'WORK', 'Home']);
  });

  it('reorders by position and changes colour', async () => {
    const user = await signUp(test);
    const client = userClient(test, user);
    const one = await client.json<List>('POST', `/api/${user.id}/lists`, { name: 'One' }, 201);
    await client.json<List>('POST', `/api/${user.id}/lists`, { name: 'Two' }, 201);
    const inbox = (await lists(client, user))[0]!;
    // Before the Inbox: any key that sorts first.
    const moved = await client.json<List>(
      'PATCH',
      `/api/${user.id}/lists/${one.id}`,
      { position: 'Zz', color: '#00ff00' },
      200,
    );
    expect(moved).toMatchObject({ position: 'Zz', color: '#00ff00' });
    expect((await lists(client, user)).map((l) => l.name)).toEqual(['One', 'Inbox', 'Two']);
    const cleared = await client.json<List>('PATCH', `/api/${user.id}/lists/${one.id}`, { color: null }, 200);
    expect(cleared.color).toBeNull();
    for (const position of ['', 'a', '!!', 'a00']) {
      await client.error('PATCH', `/api/${user.id}/lists/${one.id}`, { position }, 422);
    }
    // The Inbox can move and change colour, not be renamed or deleted.
    await client.json<List>(
      'PATCH',
      `/api/${user.id}/lists/${inbox.id}`,
      { color: '#123456', name: 'Inbox' },
      200,
    );
    expect(
      (await client.error('PATCH', `/api/${user.id}/lists/${inbox.id}`, { name: 'Other' }, 409)).code,
    ).toBe('INBOX_PROTECTED');
    expect((await client.error('DELETE', `/api/${user.id}/lists/${inbox.id}`, undefined, 409)).code).toBe(
      'INBOX_PROTECTED',
    );
  });

  it('trashes a list with its tasks and restores both, leaving earlier-trashed tasks in the trash', async () => {
    const user = await signUp(test);
    const client = userClient(test, user);
    const base = `/api/${user.id}`;
    const list = await client.json<List>('POST', `${base}/lists`, { name: 'Trip' }, 201);
    const keep = await client.json<Task>('POST', `${base}/tasks`, { title: 'pack', listId: list.id }, 201);
    await client.json<Task>('POST', `${base}/tasks`, { title: 'sub', parentId: keep.id }, 201);
    const early = await client.json<Task>('POST', `${base}/tasks`, { title: 'early', listId: list.id }, 201);
    expect((await client.call('DELETE', `${base}/tasks/${early.id}`)).status).toBe(204);
    expect((await lists(client, user)).find((l) => l.id === list.id)!.activeCount).toBe(2);

    expect((await client.call('DELETE', `${base}/lists/${list.id}`)).status).toBe(204);
    expect((await lists(client, user)).map((l) => l.name)).toEqual(['Inbox']);
    const trashed = await lists(client, user, '?status=deleted');
    expect(trashed.map((l) => l.name)).toEqual(['Trip']);
    expect(trashed[0]!.deletedAt).toBeDefined();
    const trash = await client.json<TaskList>('GET', `${base}/tasks?status=deleted`, undefined, 200);
    expect(trash.items.map((t) => t.title).sort()).toEqual(['early', 'pack', 'sub']);
    expect((await client.error('GET', `${base}/tasks/${keep.id}`, undefined, 404)).code).toBe('NOT_FOUND');
    // A trashed list takes no new tasks and cannot be changed.
    await client.error('POST', `${base}/tasks`, { title: 'x', listId: list.id }, 404);
    await client.error('PATCH', `${base}/lists/${list.id}`, { name: 'x' }, 404);
    await client.error('DELETE', `${base}/lists/${list.id}`, undefined, 404);

    const restored = await client.json<List>('POST', `${base}/lists/${list.id}/restore`, undefined, 200);
    expect(restored).toMatchObject({ name: 'Trip', activeCount: 2 });
    expect(restored.deletedAt).toBeUndefined();
    const inList = await client.json<TaskList>('GET', `${base}/tasks?listId=${list.id}`, undefined, 200);
    expect(inList.items.map((t) => t.title).sort()).toEqual(['pack', 'sub']);
    const stillTrashed = await client.json<TaskList>('GET', `${base}/tasks?status=deleted`, undefined, 200);
    expect(stillTrashed.items.map((t) => t.title)).toEqual(['early']);
    await client.error('POST', `${base}/lists/${list.id}/restore`, undefined, 404);
  });

  it('refuses to restore a list whose name was taken meanwhile', async () => {
    const user = await signUp(test);
    const client = userClient(test, user);
    const base = `/api/${user.id}`;
    const old = await client.json<List>('POST', `${base}/lists`, { name: 'Errands' }, 201);
    await client.call('DELETE', `${base}/lists/${old.id}`);
    const fresh = await client.json<List>('POST', `${base}/lists`, { name: 'errands' }, 201);
    expect((await client.error('POST', `${base}/lists/${old.id}/restore`, undefined, 409)).code).toBe(
      'LIST_NAME_TAKEN',
    );
    await client.json<List>('PATCH', `${base}/lists/${fresh.id}`, { name: 'Errands 2' }, 200);
    await client.json<List>('POST', `${base}/lists/${old.id}/restore`, undefined, 200);
  });

  it("isolates users: another user's list is a 404, another user's path a 403", async () => {
    const list = await a.json<List>('POST', `/api/${alice.id}/lists`, { name: 'Private' }, 201);
    for (const [method, path, body] of [
      ['GET', `/api/${alice.id}/lists`, undefined],
      ['POST', `/api/${alice.id}/lists`, { name: 'x' }],
      ['PATCH', `/api/${alice.id}/lists/${list.id}`, { name: 'x' }],
      ['DELETE', `/api/${alice.id}/lists/${list.id}`, undefined],
      ['POST', `/api/${alice.id}/lists/${list.id}/restore`, undefined],
    ] as const) {
      expect((await b.error(method, path, body, 403)).code, `${method} ${path}`).toBe('FORBIDDEN');
    }
    for (const [method, path, body] of [
      ['PATCH', `/api/${bob.id}/lists/${list.id}`, { name: 'x' }],
      ['DELETE', `/api/${bob.id}/lists/${list.id}`, undefined],
      ['POST', `/api/${bob.id}/lists/${list.id}/restore`, undefined],
    ] as const) {
      expect((await b.error(method, path, body, 404)).code, `${method} ${path}`).toBe('NOT_FOUND');
    }
    // Bob cannot file a task into Alice's list, nor list its tasks.
    expect(
      (await b.error('POST', `/api/${bob.id}/tasks`, { title: 'x', listId: list.id }, 404)).details,
    ).toEqual([{ path: 'listId', message: 'List not found.' }]);
    const peek = await b.json<TaskList>('GET', `/api/${bob.id}/tasks?listId=${list.id}`, undefined, 200);
    expect(peek.items).toEqual([]);
    expect((await lists(b, bob)).map((l) => l.name)).toEqual(['Inbox']);
    expect((await lists(a, alice)).map((l) => l.name)).toContain('Private');
  });
});
