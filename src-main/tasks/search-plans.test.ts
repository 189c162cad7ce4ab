// Text search has two plans (few matches: driven by the FTS5 matches; many: the user's index in sort order).
// Both must give the same answers: same tasks, same order, same cursor paging, only the caller's tasks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQuery, taskCreate, type ListQueryInput } from '../../src-shared/task-schemas.ts';
import { DatabaseService } from '../db/database-service.ts';
import { SPARSE_SEARCH_MAX, TaskRepository } from './task-repository.ts';

let dir: string;
let database: DatabaseService;
let repo: TaskRepository;
const COMMON = SPARSE_SEARCH_MAX + 40; // tasks with "common": more than the sparse plan takes

const list = (userId: string, query: ListQueryInput) => repo.list(userId, listQuery.parse(query));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tasks-search-'));
  database = new DatabaseService(dir);
  await database.start();
  let clock = Date.parse('2026-01-01T00:00:00.000Z');
  repo = new TaskRepository(database.sqlite, database.writes, () => new Date((clock += 1000)));
  const titles = ['apple', 'banana', 'cherry', 'date', 'elder'];
  const creates: Promise<unknown>[] = [];
  for (let i = 0; i < COMMON; i++) {
    const rare = i % 100 === 7 ? ' zanzibar' : '';
    creates.push(
      repo.create(
        'alice',
        taskCreate.parse({ title: `${titles[i % 5]} common ${i}${rare}`, priority: i % 3 ? 'low' : 'high' }),
      ),
    );
  }
  creates.push(repo.create('bob', taskCreate.parse({ title: 'zanzibar common for bob' })));
  await Promise.all(creates);
});
afterAll(async () => {
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every page of a query, following nextCursor. */
function allPages(userId: string, query: ListQueryInput): string[] {
  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const page = list(userId, { ...query, limit: 2, ...(cursor ? { cursor } : {}) });
    titles.push(...page.items.map((t) => t.title));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return titles;
}

describe('text search plans', () => {
  it('a rare word (sparse plan) finds exactly the owner’s matching tasks, in sort order, across pages', () => {
    const expected = Array.from({ length: COMMON }, (_, i) => i)
      .filter((i) => i % 100 === 7)
      .map((i) => `${['apple', 'banana', 'cherry', 'date', 'elder'][i % 5]} common ${i} zanzibar`);
    expect(allPages('alice', { q: 'zanzibar' })).toEqual([...expected].reverse()); // created desc
    expect(allPages('alice', { q: 'zanzibar', sort: 'title' })).toEqual(
      [...expected].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
    expect(allPages('bob', { q: 'zanzibar' })).toEqual(['zanzibar common for bob']);
  });

  it('a common word (index plan) gives the same first page as filtering everything by hand', () => {
    const page = list('alice', { q: 'common', sort: 'priority', limit: 20 });
    expect(page.items).toHaveLength(20);
    expect(page.items.every((t) => t.userId === 'alice' && t.priority === 'high')).toBe(true);
    const dates = page.items.map((t) => t.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(page.nextCursor).not.toBeNull();
  });

  it('both plans agree where they overlap: a word with a few matches, with a status filter', () => {
    const sparse = allPages('alice', { q: 'zanzibar', status: 'active' });
    const byHand = allPages('alice', { q: 'common', status: 'active' }).filter((t) => t.includes('zanzibar'));
    expect(sparse).toEqual(byHand);
    expect(sparse.length).toBeGreaterThan(0);
  });
});
