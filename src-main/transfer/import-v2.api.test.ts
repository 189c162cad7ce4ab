// Export version 2 -> import into another account over HTTP: the same lists, tags, nesting, order, schedule,
// timestamps and completions; twice adds nothing; a dry run answers exactly what the import does and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile, ExportTask } from '../../src-shared/export-schema.ts';
import type { ImportResult } from '../../src-shared/import-schemas.ts';
import type { List } from '../../src-shared/list-schemas.ts';
import type { Task } from '../../src-shared/task-schemas.ts';
import { callAs, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;

async function ok<T>(pending: Promise<Response>, status = 200): Promise<T> {
  const response = await pending;
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const create = (user: TestUser, body: Record<string, unknown>) =>
  ok<Task>(callAs(test, user, 'POST', `/api/${user.id}/tasks`, body), 201);

const exportOf = (user: TestUser) => ok<ExportFile>(callAs(test, user, 'GET', `/api/${user.id}/export`));

const importInto = (user: TestUser, file: unknown, query = '') =>
  callAs(test, user, 'POST', `/api/${user.id}/import${query}`, file);

/** The file's data with identity replaced by what it names: lists by name, parents by title. */
function comparable(file: ExportFile) {
  const listName = new Map(file.lists.map((list) => [list.id, list.isInbox ? 'Inbox' : list.name]));
  const title = new Map(file.tasks.map((task) => [task.id, task.title]));
  const siblings = (task: ExportTask) =>
    file.tasks
      .filter((t) => t.listId === task.listId && t.parentId === task.parentId)
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
      .map((t) => t.title);
  return {
    lists: file.lists.map(({ id: _id, position: _p, ...list }) => ({ ...list, name: list.isInbox ? 'Inbox' : list.name })),
    tasks: file.tasks
      .map(({ id: _id, listId, parentId, position: _position, ...task }) => ({
        ...task,
        list: listName.get(listId),
        parent: parentId === null ? null : title.get(parentId),
        order: siblings(file.tasks.find((t) => t.title === task.title)!),
      }))
      .sort((a, b) => a.title.localeCompare(b.title)),
  };
}

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
  const work = await ok<List>(callAs(test, alice, 'POST', `/api/${alice.id}/lists`, { name: 'Work', color: '#336699' }), 201);
  await ok<List>(callAs(test, alice, 'POST', `/api/${alice.id}/lists`, { name: 'Empty' }), 201);
  const report = await create(alice, { title: 'Report', listId: work.id, tags: ['q4', 'Boss'], priority: 'high' });
  await create(alice, { title: 'Outline', parentId: report.id, description: 'first' });
  const draft = await create(alice, { title: 'Draft', parentId: report.id, dueDate: '2026-12-10' });
  await create(alice, { title: 'Sources', parentId: draft.id, completed: true });
  await create(alice, { title: 'Standup', listId: work.id, dueAt: '2026-12-07T09:00:00+01:00', timeZone: 'Europe/Berlin',
    recurrence: { rrule: 'FREQ=DAILY;COUNT=10' }, reminders: [{ beforeMinutes: 10 }] });
  await create(alice, { title: 'Milk', tags: ['shop'] });
  const bread = await create(alice, { title: 'Bread' });
  // Manual order: Bread goes after Milk.
  const milk = (await exportOf(alice)).tasks.find((t) => t.title === 'Milk')!;
  await ok(callAs(test, alice, 'POST', `/api/${alice.id}/tasks/${bread.id}/move`, { afterId: milk.id }));
  const standup = (await exportOf(alice)).tasks.find((t) => t.title === 'Standup')!;
  for (let i = 0; i < 2; i += 1) {
    await ok(callAs(test, alice, 'PATCH', `/api/${alice.id}/tasks/${standup.id}/complete`, { completed: true }));
  }
});
afterAll(() => test.close());

describe('export version 2 -> import', () => {
  it('writes every list and every field, completions included', async () => {
    const file = await exportOf(alice);
    expect(file.version).toBe(2);
    expect(file.lists.map((l) => [l.name, l.color, l.isInbox])).toEqual([
      ['Inbox', null, true],
      ['Work', '#336699', false],
      ['Empty', null, false],
    ]);
    const standup = file.tasks.find((t) => t.title === 'Standup')!;
    expect(standup.completions).toHaveLength(2);
    expect(standup.recurrence).toEqual({ rrule: 'FREQ=DAILY;COUNT=10', from: 'due' });
    expect(file.tasks.find((t) => t.title === 'Report')?.tags).toEqual(['Boss', 'q4']);
    expect(file.tasks.find((t) => t.title === 'Sources')?.parentId).toBe(file.tasks.find((t) => t.title === 'Draft')?.id);
  });

  it('gives another account the same lists, tags, nesting, order, schedule, timestamps and completions, once', async () => {
    const carol = await signUp(test, 'Carol');
    const file = await exportOf(alice);
    const preview = await ok<ImportResult>(importInto(carol, file, `?fromUser=${alice.id}&dryRun=true`));
    expect((await exportOf(carol)).tasks).toEqual([]);
    expect((await exportOf(carol)).lists.map((l) => l.name)).toEqual(['Inbox']);

    const result = await ok<ImportResult>(importInto(carol, file, `?fromUser=${alice.id}`));
    expect({ ...preview, dryRun: false, importId: result.importId }).toEqual(result);
    expect(result.imported).toBe(file.tasks.length);
    expect(result.skipped).toEqual([]);
    expect(result.lists.map((l) => [l.name, l.created, l.imported])).toEqual([
      ['Inbox', false, 2],
      ['Work', true, 5],
      ['Empty', true, 0],
    ]);
    const copy = await exportOf(carol);
    expect(comparable(copy)).toEqual(comparable(file));
    expect(copy.tasks.map((t) => t.id).some((id) => file.tasks.some((t) => t.id === id))).toBe(false);
    const standup = copy.tasks.find((t) => t.title === 'Standup')!;
    const completions = await ok<{ items: unknown[] }>(callAs(test, carol, 'GET', `/api/${carol.id}/tasks/${standup.id}/completions`));
    expect(completions.items).toHaveLength(2);
    const tags = await ok<{ items: { name: string; count: number }[] }>(callAs(test, carol, 'GET', `/api/${carol.id}/tags`));
    expect(tags.items.map((t) => [t.name, t.count])).toEqual([['Boss', 1], ['q4', 1], ['shop', 1]]);

    const again = await ok<ImportResult>(importInto(carol, file, `?fromUser=${alice.id}`));
    expect(again.imported).toBe(0);
    expect(again.skipped.map((s) => s.reason)).toEqual(file.tasks.map(() => 'ALREADY_EXISTS'));
    expect(again.lists.every((l) => !l.created && l.imported === 0)).toBe(true);
    expect(await exportOf(carol)).toMatchObject({ lists: copy.lists, tasks: copy.tasks });
  });

  it('matches lists by name ignoring case, and a v1 file lands in ?listName', async () => {
    const dave = await signUp(test, 'Dave');
    const mine = await ok<List>(callAs(test, dave, 'POST', `/api/${dave.id}/lists`, { name: 'WORK' }), 201);
    const result = await ok<ImportResult>(importInto(dave, await exportOf(alice), `?fromUser=${alice.id}`));
    expect(result.lists.find((l) => l.name === 'WORK')).toEqual({ id: mine.id, name: 'WORK', created: false, imported: 5 });

    const v1 = {
      format: 'tasks-desktop.export',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      userId: dave.id,
      tasks: [{ id: 'old-1', title: 'Old', description: '', completed: false, completedAt: null, priority: 'none', dueAt: null,
        createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }],
    };
    const old = await ok<ImportResult>(importInto(dave, v1, '?listName=Archive'));
    expect(old.lists.map(({ id: _id, ...list }) => list)).toEqual([{ name: 'Archive', created: true, imported: 1 }]);
  });
});
