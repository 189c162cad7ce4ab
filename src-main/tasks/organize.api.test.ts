// Subtasks, manual order and moves, tags and the new list filters over real HTTP, with isolation between users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { List, ListCollection } from '../../src-shared/list-schemas.ts';
import type { TagCollection } from '../../src-shared/tag-schemas.ts';
import type { Task, TaskList } from '../../src-shared/task-schemas.ts';
import { userClient, type UserClient } from '../testing/api-client.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;

beforeAll(async () => {
  test = await startTestCore();
});
afterAll(() => test.close());

interface Account {
  user: TestUser;
  client: UserClient;
  base: string;
  add(body: Record<string, unknown>): Promise<Task>;
  get(id: string): Promise<Task>;
  list(query: string): Promise<Task[]>;
  move(id: string, body: Record<string, unknown>, status?: number): Promise<Task>;
}

async function account(): Promise<Account> {
  const user = await signUp(test);
  const client = userClient(test, user);
  const base = `/api/${user.id}`;
  return {
    user,
    client,
    base,
    add: (body) => client.json<Task>('POST', `${base}/tasks`, body, 201),
    get: (id) => client.json<Task>('GET', `${base}/tasks/${id}`, undefined, 200),
    list: async (query) =>
      (await client.json<TaskList>('GET', `${base}/tasks?${query}`, undefined, 200)).items,
    move: (id, body, status = 200) => client.json<Task>('POST', `${base}/tasks/${id}/move`, body, status),
  };
}

const titles = (tasks: Task[]) => tasks.map((t) => t.title);

describe('subtasks', () => {
  it('nests up to four levels; a fifth level or a cycle is 422 and changes nothing', async () => {
    const me = await account();
    const l1 = await me.add({ title: 'l1' });
    const l2 = await me.add({ title: 'l2', parentId: l1.id });
    const l3 = await me.add({ title: 'l3', parentId: l2.id });
    const l4 = await me.add({ title: 'l4', parentId: l3.id });
    expect(l4).toMatchObject({ parentId: l3.id, listId: l1.listId });
    const deep = await me.client.error('POST', `${me.base}/tasks`, { title: 'l5', parentId: l4.id }, 422);
    expect(deep.code).toBe('NESTING_TOO_DEEP');
    expect((await me.move(l1.id, { parentId: l3.id }, 422)) as unknown).toMatchObject({
      error: { code: 'NESTING_CYCLE' },
    });
    expect((await me.move(l1.id, { parentId: l1.id }, 422)) as unknown).toMatchObject({
      error: { code: 'NESTING_CYCLE' },
    });
    // A two-level subtree under a level-3 task would end on level 5.
    const other = await me.add({ title: 'other' });
    const otherChild = await me.add({ title: 'other child', parentId: other.id });
    expect((await me.move(other.id, { parentId: l3.id }, 422)) as unknown).toMatchObject({
      error: { code: 'NESTING_TOO_DEEP' },
    });
    expect(await me.get(other.id)).toMatchObject({ parentId: null });
    // Onto level 2 it fits (levels 3 and 4).
    await me.move(other.id, { parentId: l2.id });
    expect(await me.get(otherChild.id)).toMatchObject({ parentId: other.id });
    expect((await me.get(l1.id)).subtaskCount).toBe(1);
    expect(await me.get(l2.id)).toMatchObject({ subtaskCount: 2, subtasksDone: 0 });
  });

  it('completing a parent completes its open subtasks; deleting trashes the subtree; restore brings it back', async () => {
    const me = await account();
    const parent = await me.add({ title: 'parent' });
    const a = await me.add({ title: 'a', parentId: parent.id });
    const b = await me.add({ title: 'b', parentId: parent.id });
    const grandchild = await me.add({ title: 'grandchild', parentId: b.id });
    await me.client.json('PATCH', `${me.base}/tasks/${a.id}/complete`, { completed: true }, 200);
    const doneA = await me.get(a.id);
    expect(await me.get(parent.id)).toMatchObject({ subtaskCount: 2, subtasksDone: 1 });

    await me.client.json('PATCH', `${me.base}/tasks/${parent.id}/complete`, { completed: true }, 200);
    for (const id of [a.id, b.id, grandchild.id]) expect((await me.get(id)).completed).toBe(true);
    expect((await me.get(a.id)).completedAt).toBe(doneA.completedAt); // already done: untouched
    // Reopening the parent leaves the subtasks as they are.
    await me.client.json('PATCH', `${me.base}/tasks/${parent.id}/complete`, { completed: false }, 200);
    expect((await me.get(b.id)).completed).toBe(true);

    // b was deleted on its own earlier: the parent's restore leaves it in the trash.
    const loner = await me.add({ title: 'loner', parentId: parent.id });
    expect((await me.client.call('DELETE', `${me.base}/tasks/${loner.id}`)).status).toBe(204);
    expect((await me.client.call('DELETE', `${me.base}/tasks/${parent.id}`)).status).toBe(204);
    expect(titles(await me.list('status=deleted')).sort()).toEqual([
      'a',
      'b',
      'grandchild',
      'loner',
      'parent',
    ]);
    for (const id of [parent.id, a.id, grandchild.id])
      await me.client.error('GET', `${me.base}/tasks/${id}`, undefined, 404);

    const restored = await me.client.json<Task>(
      'POST',
      `${me.base}/tasks/${parent.id}/restore`,
      undefined,
      200,
    );
    expect(restored).toMatchObject({ subtaskCount: 2 });
    expect(titles(await me.list('status=deleted'))).toEqual(['loner']);
    expect(await me.get(grandchild.id)).toMatchObject({ parentId: b.id });
    // A subtask restored after its parent is gone comes back at the top level.
    await me.client.call('DELETE', `${me.base}/tasks/${parent.id}`);
    const alone = await me.client.json<Task>('POST', `${me.base}/tasks/${a.id}/restore`, undefined, 200);
    expect(alone).toMatchObject({ parentId: null, listId: parent.listId });
  });

  it('filters by parentId (a task, or root) and sorts manually by default there', async () => {
    const me = await account();
    const parent = await me.add({ title: 'parent' });
    for (const title of ['one', 'two', 'three']) await me.add({ title, parentId: parent.id });
    expect(titles(await me.list(`parentId=${parent.id}`))).toEqual(['one', 'two', 'three']);
    expect(titles(await me.list('parentId=root'))).toEqual(['parent']);
    expect(titles(await me.list(`parentId=${parent.id}&sort=title`))).toEqual(['one', 'three', 'two']);
    const page = await me.list('parentId=root&limit=1');
    expect(page[0]).toMatchObject({ subtaskCount: 3, subtasksDone: 0 });
    await me.client.error(
      'GET',
      `${me.base}/tasks?parentId=${encodeURIComponent('no such!')}`,
      undefined,
      422,
    );
  });
});

describe('manual order and moves', () => {
  it('puts new top-level tasks first, moves between neighbours, and reads the same order every time', async () => {
    const me = await account();
    const c = await me.add({ title: 'c' });
    const b = await me.add({ title: 'b' });
    const a = await me.add({ title: 'a' });
    const inList = `listId=${a.listId}`;
    expect(titles(await me.list(inList))).toEqual(['a', 'b', 'c']);

    await me.move(a.id, { afterId: c.id });
    expect(titles(await me.list(inList))).toEqual(['b', 'c', 'a']);
    await me.move(a.id, { beforeId: b.id });
    expect(titles(await me.list(inList))).toEqual(['a', 'b', 'c']);
    await me.move(c.id, { afterId: a.id, beforeId: b.id });
    expect(titles(await me.list(inList))).toEqual(['a', 'c', 'b']);
    expect(titles(await me.list(`${inList}&order=desc`))).toEqual(['b', 'c', 'a']);

    // Cursor paging in manual order.
    const first = await me.client.json<TaskList>('GET', `${me.base}/tasks?${inList}&limit=2`, undefined, 200);
    const second = await me.client.json<TaskList>(
      'GET',
      `${me.base}/tasks?${inList}&limit=2&cursor=${first.nextCursor!}`,
      undefined,
      200,
    );
    expect([...titles(first.items), ...titles(second.items)]).toEqual(['a', 'c', 'b']);

    for (const body of [{}, { beforeId: a.id }, { afterId: 'nope' }, { parentId: 'x', extra: 1 }]) {
      const response = await me.client.call('POST', `${me.base}/tasks/${a.id}/move`, body);
      expect([404, 422]).toContain(response.status);
    }
    expect(titles(await me.list(inList))).toEqual(['a', 'c', 'b']);
  });

  it('concurrent moves leave one order that every read agrees on', async () => {
    const me = await account();
    const tasks: Task[] = [];
    for (let i = 0; i < 8; i++) tasks.push(await me.add({ title: `t${i}` }));
    const anchor = tasks[0]!;
    await Promise.all(tasks.slice(1).map((t) => me.move(t.id, { afterId: anchor.id })));
    const reads = await Promise.all([1, 2, 3].map(() => me.list(`listId=${anchor.listId}`)));
    expect(reads[1]).toEqual(reads[0]);
    expect(reads[2]).toEqual(reads[0]);
    const positions = reads[0]!.map((t) => t.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect([...positions].sort()).toEqual(positions);
  });

  it('moves a subtree to another list and a subtask to the top level; the list counts follow', async () => {
    const me = await account();
    const work = await me.client.json<List>('POST', `${me.base}/lists`, { name: 'Work' }, 201);
    const parent = await me.add({ title: 'parent' });
    const child = await me.add({ title: 'child', parentId: parent.id });
    const grandchild = await me.add({ title: 'grandchild', parentId: child.id });
    await me.move(parent.id, { listId: work.id });
    for (const id of [parent.id, child.id, grandchild.id]) expect((await me.get(id)).listId).toBe(work.id);
    const counts = (await me.client.json<ListCollection>('GET', `${me.base}/lists`, undefined, 200)).items;
    expect(counts.map((l) => [l.name, l.activeCount])).toEqual([
      ['Inbox', 0],
      ['Work', 3],
    ]);
    // A subtask cannot be put into another list than its parent's...
    const refused = await me.client.error(
      'POST',
      `${me.base}/tasks`,
      { title: 'x', parentId: parent.id, listId: parent.listId },
      422,
    );
    expect(refused.details?.[0]?.path).toBe('listId');
    // ...but moving it to another list makes it a top-level task there, first.
    const inbox = counts[0]!;
    const moved = await me.move(child.id, { listId: inbox.id });
    expect(moved).toMatchObject({ parentId: null, listId: inbox.id });
    expect((await me.get(grandchild.id)).listId).toBe(inbox.id);
    // parentId null: top level of the same list.
    const g = await me.move(grandchild.id, { parentId: null });
    expect(g).toMatchObject({ parentId: null, listId: inbox.id });
    expect(titles(await me.list(`listId=${inbox.id}&parentId=root`))).toEqual(['grandchild', 'child']);
  });
});

describe('tags', () => {
  it('keeps the first spelling, filters by all tags given, searches tag names, renames, merges and deletes', async () => {
    const me = await account();
    const a = await me.add({ title: 'alpha', tags: ['Work', 'urgent', 'work'] });
    expect(a.tags).toEqual(['urgent', 'Work']);
    const b = await me.add({ title: 'beta', tags: ['WORK', 'home'] });
    expect(b.tags).toEqual(['home', 'Work']);
    await me.add({ title: 'gamma' });

    expect(titles(await me.list('tag=work'))).toEqual(['beta', 'alpha']);
    expect(titles(await me.list('tag=work&tag=urgent'))).toEqual(['alpha']);
    expect(titles(await me.list('tag=nosuch'))).toEqual([]);
    expect(titles(await me.list('q=urgent'))).toEqual(['alpha']);

    const tags = async () =>
      (await me.client.json<TagCollection>('GET', `${me.base}/tags`, undefined, 200)).items;
    expect(await tags()).toEqual([
      { name: 'home', count: 1, activeCount: 1 },
      { name: 'urgent', count: 1, activeCount: 1 },
      { name: 'Work', count: 2, activeCount: 2 },
    ]);
    await me.client.json('PATCH', `${me.base}/tasks/${a.id}/complete`, { completed: true }, 200);
    expect((await tags()).find((t) => t.name === 'Work')).toEqual({ name: 'Work', count: 2, activeCount: 1 });

    // Rename everywhere; the search follows.
    await me.client.json('PATCH', `${me.base}/tags/urgent`, { name: 'asap' }, 200);
    expect((await me.get(a.id)).tags).toEqual(['asap', 'Work']);
    expect(titles(await me.list('q=asap'))).toEqual(['alpha']);
    expect(titles(await me.list('q=urgent'))).toEqual([]);
    // Rename onto an existing tag merges.
    const merged = await me.client.json('PATCH', `${me.base}/tags/home`, { name: 'work' }, 200);
    expect(merged).toEqual({ name: 'Work', count: 2, activeCount: 1 });
    expect((await me.get(b.id)).tags).toEqual(['Work']);
    // Delete removes it from every task.
    expect((await me.client.call('DELETE', `${me.base}/tags/WORK`)).status).toBe(204);
    expect((await me.get(a.id)).tags).toEqual(['asap']);
    expect((await tags()).map((t) => t.name)).toEqual(['asap']);
    await me.client.error('DELETE', `${me.base}/tags/work`, undefined, 404);
    await me.client.error('PATCH', `${me.base}/tags/nosuch`, { name: 'x' }, 404);
    // PATCH tags replaces them.
    expect(
      (await me.client.json<Task>('PATCH', `${me.base}/tasks/${a.id}`, { tags: ['x', 'y'] }, 200)).tags,
    ).toEqual(['x', 'y']);
  });

  it('refuses bad tag names and more than 20 tags, changing nothing', async () => {
    const me = await account();
    const task = await me.add({ title: 't', tags: ['keep'] });
    for (const tags of [
      ['has space'],
      ['#hash'],
      ['at@'],
      ['bang!'],
      [''],
      ['x'.repeat(51)],
      Array.from({ length: 21 }, (_, i) => `t${i}`),
    ]) {
      const error = await me.client.error('PATCH', `${me.base}/tasks/${task.id}`, { tags }, 422);
      expect(error.code).toBe('VALIDATION_FAILED');
    }
    expect((await me.get(task.id)).tags).toEqual(['keep']);
    await me.client.error('PATCH', `${me.base}/tags/keep`, { name: 'two words' }, 422);
  });
});

describe('isolation', () => {
  it("another user's tasks, subtrees and tags are 404; another user's paths 403", async () => {
    const alice = await account();
    const bob = await account();
    const parent = await alice.add({ title: 'secret parent', tags: ['private'] });
    const child = await alice.add({ title: 'secret child', parentId: parent.id });
    const bobs = await bob.add({ title: 'bob task' });

    for (const [method, path, body] of [
      ['POST', `${alice.base}/tasks/${child.id}/move`, { parentId: null }],
      ['GET', `${alice.base}/tags`, undefined],
      ['PATCH', `${alice.base}/tags/private`, { name: 'x' }],
      ['DELETE', `${alice.base}/tags/private`, undefined],
    ] as const) {
      expect((await bob.client.error(method, path, body, 403)).code, `${method} ${path}`).toBe('FORBIDDEN');
    }
    await bob.client.error('POST', `${bob.base}/tasks/${child.id}/move`, { parentId: null }, 404);
    await bob.client.error('POST', `${bob.base}/tasks`, { title: 'x', parentId: parent.id }, 404);
    await bob.client.error('POST', `${bob.base}/tasks/${bobs.id}/move`, { parentId: parent.id }, 404);
    await bob.client.error('POST', `${bob.base}/tasks/${bobs.id}/move`, { afterId: child.id }, 404);
    await bob.client.error('POST', `${bob.base}/tasks/${bobs.id}/move`, { listId: parent.listId }, 404);
    await bob.client.error('PATCH', `${bob.base}/tags/private`, { name: 'x' }, 404);
    await bob.client.error('DELETE', `${bob.base}/tags/private`, undefined, 404);
    expect(await bob.list(`parentId=${parent.id}`)).toEqual([]);
    expect(await bob.list('tag=private')).toEqual([]);
    expect(await bob.list('q=private')).toEqual([]);
    expect((await bob.client.json<TagCollection>('GET', `${bob.base}/tags`, undefined, 200)).items).toEqual(
      [],
    );
    // Alice's tree is as it was.
    expect(await alice.get(child.id)).toMatchObject({ parentId: parent.id });
    expect((await alice.get(parent.id)).tags).toEqual(['private']);
  });
});
