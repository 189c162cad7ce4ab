// Soft delete with a trash: over HTTP (delete, list the trash, restore) and in the repository (30-day purge).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskCreate, type Task, type TaskCounts, type TaskList } from '../../src-shared/task-schemas.ts';
import { DatabaseService } from '../db/database-service.ts';
import { TaskRepository } from './task-repository.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';
import { purgeTrash } from './trash-purge.ts';
import { tempDataDir } from '../storage/testing/sample-database.ts';

let test: TestCore;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
  bob = await signUp(test, 'Bob');
});
afterAll(async () => {
  await test.close();
});

async function list(user: TestUser, status: string): Promise<Task[]> {
  const response = await test.api(`/api/${user.id}/tasks?status=${status}`, { headers: user.headers });
  expect(response.status).toBe(200);
  return ((await response.json()) as TaskList).items;
}

describe('trash over HTTP', () => {
  it('DELETE moves a task to the trash; restore brings it back unchanged', async () => {
    const created = await test.api(`/api/${alice.id}/tasks`, {
      method: 'POST',
      headers: alice.headers,
      body: JSON.stringify({ title: 'Keep me', priority: 'high' }),
    });
    const task = (await created.json()) as Task;
    const url = `/api/${alice.id}/tasks/${task.id}`;

    expect((await test.api(url, { method: 'DELETE', headers: alice.headers })).status).toBe(204);
    expect((await test.api(url, { headers: alice.headers })).status).toBe(404);
    expect((await test.api(url, { method: 'DELETE', headers: alice.headers })).status).toBe(404);
    expect(
      (await test.api(url, { method: 'PATCH', headers: alice.headers, body: '{"title":"x"}' })).status,
    ).toBe(404);
    expect((await list(alice, 'all')).map((t) => t.id)).not.toContain(task.id);
    const counts = await test.api(`/api/${alice.id}/tasks/counts?dayStart=2026-01-01&dayEnd=2026-01-02`, {
      headers: alice.headers,
    });
    expect(((await counts.json()) as TaskCounts).all).toBe(0);

    const trash = await list(alice, 'deleted');
    expect(trash.map((t) => t.id)).toEqual([task.id]);
    expect(Date.parse(trash[0]?.deletedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(await list(bob, 'deleted')).toEqual([]);

    // Another account cannot restore it (404, not revealed); a wrong path user is 403.
    expect(
      (await test.api(`/api/${bob.id}/tasks/${task.id}/restore`, { method: 'POST', headers: bob.headers }))
        .status,
    ).toBe(404);
    expect((await test.api(`${url}/restore`, { method: 'POST', headers: bob.headers })).status).toBe(403);

    const restored = await test.api(`${url}/restore`, { method: 'POST', headers: alice.headers });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toEqual({ ...task, restoredTo: { parentId: null, reason: 'original' } });
    expect((await test.api(url, { headers: alice.headers })).status).toBe(200);
    expect(await list(alice, 'deleted')).toEqual([]);
    expect((await test.api(`${url}/restore`, { method: 'POST', headers: alice.headers })).status).toBe(404);
  });
});

describe('deleting for good before the 30 days', () => {
  async function create(user: TestUser, body: object): Promise<Task> {
    const response = await test.api(`/api/${user.id}/tasks`, {
      method: 'POST',
      headers: user.headers,
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Task;
  }
  const del = (user: TestUser, path: string) =>
    test.api(`/api/${user.id}${path}`, { method: 'DELETE', headers: user.headers });

  it("DELETE /trash/{id} removes one trashed task with its trashed subtasks; only from its owner's trash", async () => {
    const parent = await create(alice, { title: 'Parent for good' });
    const child = await create(alice, { title: 'Child for good', parentId: parent.id });
    const other = await create(alice, { title: 'Stays in the trash' });
    const live = await create(alice, { title: 'Live one' });
    expect((await del(alice, `/tasks/${parent.id}`)).status).toBe(204);
    expect((await del(alice, `/tasks/${other.id}`)).status).toBe(204);
    const trashed = (await list(alice, 'deleted')).map((t) => t.id);
    expect(trashed).toEqual(expect.arrayContaining([parent.id, child.id, other.id]));

    // Not in the trash (a live task), another account's task, a wrong path user: nothing changes.
    expect((await del(alice, `/trash/${live.id}`)).status).toBe(404);
    expect((await del(bob, `/trash/${parent.id}`)).status).toBe(404);
    expect(
      (await test.api(`/api/${alice.id}/trash/${parent.id}`, { method: 'DELETE', headers: bob.headers }))
        .status,
    ).toBe(403);
    expect((await list(alice, 'deleted')).map((t) => t.id)).toEqual(
      expect.arrayContaining([parent.id, child.id, other.id]),
    );

    expect((await del(alice, `/trash/${parent.id}`)).status).toBe(204);
    const left = (await list(alice, 'deleted')).map((t) => t.id);
    expect(left).not.toContain(parent.id);
    expect(left).not.toContain(child.id);
    expect(left).toContain(other.id);
    expect(
      (
        await test.api(`/api/${alice.id}/tasks/${parent.id}/restore`, {
          method: 'POST',
          headers: alice.headers,
        })
      ).status,
    ).toBe(404);
    expect((await del(alice, `/trash/${parent.id}`)).status).toBe(404);
    expect((await test.api(`/api/${alice.id}/tasks/${live.id}`, { headers: alice.headers })).status).toBe(
      200,
    );
  });

  it("DELETE /trash empties only the caller's trash and says how many went", async () => {
    const bobs = await create(bob, { title: 'Bob keeps his trash' });
    expect((await del(bob, `/tasks/${bobs.id}`)).status).toBe(204);
    const mine = await create(alice, { title: 'Alice empties hers' });
    expect((await del(alice, `/tasks/${mine.id}`)).status).toBe(204);
    const before = (await list(alice, 'deleted')).length;
    const emptied = await del(alice, '/trash');
    expect(emptied.status).toBe(200);
    expect(await emptied.json()).toEqual({ purged: before });
    expect(await list(alice, 'deleted')).toEqual([]);
    expect((await list(bob, 'deleted')).map((t) => t.id)).toContain(bobs.id);
    expect(
      (await test.api(`/api/${alice.id}/trash`, { method: 'DELETE', headers: bob.headers })).status,
    ).toBe(403);
  });
});

describe('trash purge', () => {
  it('purges tasks 30 days after deletion, and only those', async () => {
    const dataDir = tempDataDir();
    const database = new DatabaseService(dataDir);
    await database.start();
    try {
      let now = new Date('2026-03-01T12:00:00.000Z');
      const repo = new TaskRepository(database.sqlite, database.writes, () => now);
      const old = await repo.create('u1', taskCreate.parse({ title: 'old' }));
      const recent = await repo.create('u1', taskCreate.parse({ title: 'recent' }));
      const live = await repo.create('u1', taskCreate.parse({ title: 'live' }));
      expect(await repo.delete('u1', old.id)).toBe(true);
      now = new Date('2026-03-20T12:00:00.000Z');
      expect(await repo.delete('u1', recent.id)).toBe(true);

      expect(await purgeTrash(database.sqlite, database.writes, new Date('2026-03-31T11:59:59.000Z'))).toBe(
        0,
      );
      expect(await purgeTrash(database.sqlite, database.writes, new Date('2026-03-31T12:00:01.000Z'))).toBe(
        1,
      );
      expect(await repo.restore('u1', old.id)).toBeNull();
      expect((await repo.restore('u1', recent.id))?.title).toBe('recent');
      expect(repo.get('u1', live.id)?.title).toBe('live');
      const count = database.sqlite.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number };
      expect(count.n).toBe(2);
    } finally {
      await database.stop();
    }
  });
});
