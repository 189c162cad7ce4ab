// The organize queries' plans (EXPLAIN QUERY PLAN): each page is an index walk in order, or a small set looked up
// and sorted, never a scan of the user's tasks. Plans, not timings: timing lives in bench/ (S3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService } from '../db/database-service.ts';
import { buildListSql, DEFAULT_ORDER, type ListShape } from './list-sql.ts';

let dir: string;
let database: DatabaseService;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tasks-plans-'));
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
  sort: 'manual',
  order: 'asc',
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

describe('organize query plans', () => {
  it('a list page in manual order walks tasks_list_order in order, first page and by cursor', () => {
    for (const cursor of [false, true]) {
      const p = plan(buildListSql(shape({ list: true, listFirst: true, parent: 'root', cursor })));
      expect(p).toMatch(/USING INDEX tasks_list_order/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    }
  });

  it("a task's subtasks walk tasks_children in order", () => {
    const p = plan(buildListSql(shape({ parent: 'task', status: 'all' })));
    expect(p).toMatch(/USING (COVERING )?INDEX tasks_children/);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });

  it('a small list in another sort reads the list through its index, then sorts', () => {
    const p = plan(buildListSql(shape({ list: true, listFirst: true, sort: 'due' })));
    expect(p).toMatch(/USING INDEX tasks_list_order/);
  });

  it('a sparse tag drives the query from its task_tags rows; more tags are probed by key', () => {
    const p = plan(buildListSql(shape({ sort: 'created', tags: 2, tagFirst: true })));
    expect(p).toMatch(/SCAN tt|SEARCH tt USING PRIMARY KEY \(tag_id=\?\)/);
    expect(p).toMatch(/SEARCH tasks USING INDEX sqlite_autoindex_tasks_1 \(id=\?\)/);
    expect(p).toMatch(/SEARCH task_tags .*\((tag_id=\? AND task_id=\?|task_id=\? AND tag_id=\?)\)/);
  });

  it('the completed sort over all tasks walks tasks_user_completed_at', () => {
    const p = plan(buildListSql(shape({ status: 'completed', sort: 'completed' })));
    expect(p).toMatch(/tasks_user_completed_at/);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });

  it('the sidebar, the subtask counts and the siblings for a new position are index lookups', () => {
    const db = database.sqlite;
    const sidebar = plan(
      `SELECT * FROM lists WHERE user_id = 'u' AND deleted_at IS NULL ORDER BY position, id`,
    );
    expect(sidebar).toMatch(/lists_user_position/);
    expect(sidebar).not.toMatch(/TEMP B-TREE/);
    expect(plan(`SELECT * FROM tags WHERE user_id = 'u' AND task_count > 0 ORDER BY name_key, id`)).toMatch(
      /tags_user_name/,
    );
    expect(
      plan(
        `SELECT parent_id, count(*), sum(completed) FROM tasks
         WHERE parent_id IN (SELECT value FROM json_each('[]')) AND deleted_at IS NULL GROUP BY parent_id`,
      ),
    ).toMatch(/INDEX tasks_children/);
    expect(
      plan(
        `SELECT position FROM tasks WHERE list_id = 'l' AND parent_id IS NULL AND deleted_at IS NULL AND id != 'x'
         AND position > 'a0' ORDER BY position ASC, id ASC LIMIT 1`,
      ),
    ).toMatch(/tasks_list_order/);
    expect(plan(`SELECT tag_id FROM task_tags WHERE task_id = 't'`)).toMatch(/task_tags_task/);
    expect(db.open).toBe(true);
  });
});
