// Soft delete with a trash: over HTTP (delete, list the trash, restore) and in the repository (30-day purge).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskCreate, type Task, type TaskCounts, type TaskList } from '../../src-shared/task-schemas.ts';
import { DatabaseService } from '../db/database-service.ts';
import { TaskRepository } from '../tasks/task-repository.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';
import { purgeTrash } from './trash-purge.ts';
import { tempDataDir } from './testing/sample-database.ts';

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
    expect(await restored.json()).toEqual(task);
    expect((await test.api(url, { headers: alice.headers })).status).toBe(200);
    expect(await list(alice, 'deleted')).toEqual([]);
    expect((await test.api(`${url}/restore`, { method: 'POST', headers: alice.headers })).status).toBe(404);
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

      expect(await purgeTrash(database.sqlite, database.writes, new Date('2026-03-31T11:59:59.000Z'))).toBe(0);
      expect(await purgeTrash(database.sqlite, database.writes, new Date('2026-03-31T12:00:01.000Z'))).toBe(1);
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
