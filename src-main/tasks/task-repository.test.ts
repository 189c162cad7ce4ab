import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  listQuery,
  taskCreate,
  type ListQueryInput,
  type TaskCreateInput,
} from '../../src-shared/task-schemas.ts';
import { DatabaseService } from '../db/database-service.ts';
import { InvalidCursorError } from './list-cursor.ts';
import { TaskRepository } from './task-repository.ts';

let dir: string;
let database: DatabaseService;
let repo: TaskRepository;
let clock: number;

const create = (userId: string, input: TaskCreateInput) => repo.create(userId, taskCreate.parse(input));
const list = (userId: string, query: ListQueryInput = {}) => repo.list(userId, listQuery.parse(query));

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tasks-repo-'));
  database = new DatabaseService(dir);
  await database.start();
  clock = Date.parse('2026-01-01T00:00:00.000Z');
  repo = new TaskRepository(database.sqlite, database.writes, () => new Date((clock += 1000)));
});

afterEach(async () => {
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('TaskRepository', () => {
  it('creates with defaults and reads back only for the owner', async () => {
    const task = await create('alice', { title: '  Buy milk  ' });
    expect(task).toMatchObject({
      userId: 'alice',
      title: 'Buy milk',
      description: '',
      completed: false,
      completedAt: null,
      priority: 'none',
      dueAt: null,
    });
    expect(task.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(repo.get('alice', task.id)).toEqual(task);
    expect(repo.get('bob', task.id)).toBeNull();
  });

  it('sets completedAt when completed and keeps it while the task stays completed', async () => {
    const task = await create('alice', { title: 'a' });
    const done = (await repo.setCompleted('alice', task.id, undefined))!;
    expect(done.completed).toBe(true);
    expect(done.completedAt).not.toBeNull();
    const renamed = (await repo.patch('alice', task.id, { title: 'b' }))!;
    expect(renamed.completedAt).toBe(done.completedAt);
    expect(renamed.updatedAt > done.updatedAt).toBe(true);
    const undone = (await repo.setCompleted('alice', task.id, undefined))!;
    expect(undone).toMatchObject({ completed: false, completedAt: null });
  });

  it("never changes or deletes another user's task", async () => {
    const task = await create('alice', { title: 'mine' });
    expect(await repo.patch('bob', task.id, { title: 'stolen' })).toBeNull();
    expect(await repo.replace('bob', task.id, taskCreate.parse({ title: 'stolen' }))).toBeNull();
    expect(await repo.setCompleted('bob', task.id, true)).toBeNull();
    expect(await repo.delete('bob', task.id)).toBe(false);
    expect(repo.get('alice', task.id)?.title).toBe('mine');
  });

  it('filters by status and pages with a cursor without gaps or repeats', async () => {
    for (let i = 0; i < 25; i++) await create('alice', { title: `task ${i}`, completed: i % 5 === 0 });
    await create('bob', { title: 'bob task' });
    expect(list('alice', { status: 'completed' }).items).toHaveLength(5);
    expect(list('alice', { status: 'active' }).items).toHaveLength(20);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = list('alice', { limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((t) => t.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen[0]).toBe('task 24'); // created, newest first by default
  });

  it('sorts by due date (no due date last), priority (high first) and title (case-insensitive)', async () => {
    await create('alice', { title: 'b', dueAt: '2026-03-01T00:00:00Z', priority: 'low' });
    await create('alice', { title: 'C', priority: 'high' });
    await create('alice', { title: 'a', dueAt: '2026-02-01T00:00:00Z', priority: 'medium' });
    const titles = (query: ListQueryInput) => list('alice', query).items.map((t) => t.title);
    expect(titles({ sort: 'due' })).toEqual(['a', 'b', 'C']);
    expect(titles({ sort: 'priority' })).toEqual(['C', 'a', 'b']);
    expect(titles({ sort: 'title' })).toEqual(['a', 'b', 'C']);
    expect(titles({ sort: 'title', order: 'desc' })).toEqual(['C', 'b', 'a']);
  });

  it('pages every sort order with cursors', async () => {
    for (let i = 0; i < 30; i++) {
      await create('alice', {
        title: `t${String(i % 7)}`,
        priority: (['none', 'low', 'medium', 'high'] as const)[i % 4],
        dueAt: i % 3 === 0 ? null : `2026-0${1 + (i % 9)}-01T00:00:00Z`,
      });
    }
    for (const sort of ['created', 'due', 'priority', 'title'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const all = list('alice', { sort, order, limit: 200 }).items.map((t) => t.id);
        const paged: string[] = [];
        let cursor: string | undefined;
        do {
          const page = list('alice', { sort, order, limit: 4, ...(cursor ? { cursor } : {}) });
          paged.push(...page.items.map((t) => t.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(paged, `${sort} ${order}`).toEqual(all);
      }
    }
  });

  it('searches title and description by word prefix, safely', async () => {
    await create('alice', { title: 'Quarterly report', description: 'numbers for finance' });
    await create('alice', { title: 'Groceries', description: 'milk, eggs' });
    await create('bob', { title: 'Quarterly plan' });
    expect(list('alice', { q: 'quart' }).items.map((t) => t.title)).toEqual(['Quarterly report']);
    expect(list('alice', { q: 'EGG' }).items.map((t) => t.title)).toEqual(['Groceries']);
    expect(list('alice', { q: 'report finance' }).items).toHaveLength(1);
    // FTS5 syntax is never interpreted: operators become plain words, punctuation alone means no text filter.
    expect(list('alice', { q: '"*( ) -' }).items).toHaveLength(2);
    expect(list('alice', { q: 'description:milk' }).items).toHaveLength(0); // a column filter would match 1
    expect(list('alice', { q: 'milk OR report' }).items).toHaveLength(0); // OR is a word, not an operator
  });

  it('keeps the search index in step with edits and deletes', async () => {
    const task = await create('alice', { title: 'old name' });
    await repo.patch('alice', task.id, { title: 'new name' });
    expect(list('alice', { q: 'old' }).items).toHaveLength(0);
    expect(list('alice', { q: 'new' }).items).toHaveLength(1);
    await repo.delete('alice', task.id);
    expect(list('alice', { q: 'new' }).items).toHaveLength(0);
  });

  it('filters by due window and counts per filter', async () => {
    await create('alice', { title: 'today', dueAt: '2026-05-10T12:00:00Z' });
    await create('alice', { title: 'late', dueAt: '2026-05-01T12:00:00Z' });
    await create('alice', { title: 'late but done', dueAt: '2026-05-01T12:00:00Z', completed: true });
    await create('alice', { title: 'someday' });
    const window = { dayStart: '2026-05-10T00:00:00.000Z', dayEnd: '2026-05-11T00:00:00.000Z' };
    expect(
      list('alice', { dueFrom: window.dayStart, dueTo: window.dayEnd }).items.map((t) => t.title),
    ).toEqual(['today']);
    expect(repo.counts('alice', { ...window, now: '2026-05-10T13:00:00.000Z' })).toEqual({
      all: 4,
      active: 3,
      completed: 1,
      dueToday: 1,
      overdue: 2,
      // Today's view counts each task once ("today" is due today and overdue at 13:00).
      today: 2,
    });
    expect(repo.counts('nobody', window)).toEqual({
      all: 0,
      active: 0,
      completed: 0,
      dueToday: 0,
      overdue: 0,
      today: 0,
    });
  });

  it('refuses a cursor from another sort or a tampered one', async () => {
    for (let i = 0; i < 3; i++) await create('alice', { title: `t${i}` });
    const { nextCursor } = list('alice', { limit: 1 });
    expect(nextCursor).toBeTruthy();
    expect(() => list('alice', { limit: 1, sort: 'title', cursor: nextCursor! })).toThrow(InvalidCursorError);
    expect(() => list('alice', { limit: 1, cursor: 'not-a-cursor' })).toThrow(InvalidCursorError);
  });

  it('supports plain offset paging', async () => {
    for (let i = 0; i < 5; i++) await create('alice', { title: `t${i}` });
    expect(list('alice', { offset: 3, limit: 50 }).items.map((t) => t.title)).toEqual(['t1', 't0']);
  });
});
