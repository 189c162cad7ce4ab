// The start-date queries' plans (EXPLAIN QUERY PLAN, migration 007): a query that gains a start-date condition keeps
// the index it had (a walk in order, or a range), and the Today count is ranges of two indexes, never a scan of
// the user's tasks. Plans, not timings: timing lives in bench/ (S3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService } from '../db/database-service.ts';
import { countsSql } from './counts-sql.ts';
import { buildListSql, DEFAULT_ORDER, type ListShape } from './list-sql.ts';

let dir: string;
let database: DatabaseService;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tasks-start-plans-'));
  database = new DatabaseService(dir);
  await database.start();
});
afterAll(async () => {
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
});

function plan(sql: string): string {
  const names = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!))];
  const params = Object.fromEntries(names.map((name) => [name, name === 'limit' ? 51 : 'x']));
  const rows = database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

const base: ListShape = {
  status: 'active',
  sort: 'created',
  order: 'desc',
  text: false,
  textFirst: false,
  dueFrom: false,
  dueTo: false,
  startFrom: false,
  startTo: false,
  available: false,
  today: false,
  cursor: false,
  offset: false,
  list: false,
  listFirst: false,
  parent: 'none',
  tags: 0,
  tagFirst: false,
};
const shape = (over: Partial<ListShape>): ListShape => ({
  ...base,
  ...over,
  order: over.order ?? DEFAULT_ORDER[over.sort ?? base.sort],
});

/** The index lines of a plan (what drives it), without the parameter details. */
const indexes = (p: string): string[] => [...p.matchAll(/INDEX (\w+)/g)].map((m) => m[1]!);

describe('start-date query plans', () => {
  it('sort=start walks tasks_user_start in order; a start range is a range of it, first page and by cursor', () => {
    for (const cursor of [false, true]) {
      const p = plan(buildListSql(shape({ sort: 'start', startFrom: true, startTo: true, cursor })));
      expect(p).toMatch(
        /SEARCH tasks USING INDEX tasks_user_start \(user_id=\? AND <expr>>\? AND <expr><\?\)/,
      );
      expect(p).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('a start condition added to the Today, Upcoming, due, created and list queries keeps their index', () => {
    const queries: Partial<ListShape>[] = [
      { sort: 'due', dueTo: true },
      { sort: 'due', dueFrom: true },
      { sort: 'due' },
      { sort: 'created' },
      { sort: 'title' },
      { sort: 'manual', list: true, listFirst: true, parent: 'root' },
    ];
    for (const query of queries) {
      const without = plan(buildListSql(shape(query)));
      for (const added of [{ available: true }, { startFrom: true }, { startTo: true }]) {
        const p = plan(buildListSql(shape({ ...query, ...added })));
        expect(indexes(p), `${JSON.stringify(query)} + ${JSON.stringify(added)}`).toEqual(indexes(without));
        expect(p.includes('TEMP B-TREE')).toBe(without.includes('TEMP B-TREE'));
      }
    }
  });

  it('view=today in due order walks tasks_user_due_key in order (no sort), first page and by cursor', () => {
    for (const cursor of [false, true]) {
      const p = plan(buildListSql(shape({ sort: 'due', today: true, cursor })));
      expect(p).toMatch(/USING INDEX tasks_user_due_key/);
      expect(p).not.toMatch(/TEMP B-TREE/);
      expect(p).not.toMatch(/SCAN tasks/);
    }
  });

  it('the counts are ranges of tasks_user_live_due_key and tasks_user_live_start, never a scan', () => {
    const p = plan(countsSql());
    expect(p).not.toMatch(/SCAN tasks/);
    expect(p).toMatch(
      /SEARCH tasks USING INDEX tasks_user_live_start \(user_id=\? AND completed=\? AND start_date<\?\)/,
    );
    expect(p.match(/tasks_user_live_due_key/g)?.length).toBeGreaterThanOrEqual(4);
  });
});
