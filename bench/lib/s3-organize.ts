// S3: one account with 100,000 tasks in 50 lists, 200 tags and 10 % subtasks. Seeds straight into the host's
// tasks.db (one transaction; the product's triggers keep the counters and the FTS index), then times, one request at
// a time over a keep-alive connection: every kind of organize page (list, tag, Today, Upcoming) first and next by
// cursor, the sidebar's counts (all lists, all tags) and moves.
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { generateNKeysBetween } from 'fractional-indexing';
import { uuidv7 } from 'uuidv7';
import { PRIORITIES } from '../../src-shared/task-schemas.ts';
import type { HttpClient } from './http-client.ts';
import { summarize, type LatencySummary } from './stats.ts';
import type { SeedTask } from './task-data.ts';

export const S3_LISTS = 50;
export const S3_TAGS = 200;
/** Every tenth block of S3_LISTS tasks are subtasks of the block before (same list): 10 %. */
const SUBTASK_BLOCK = 10;
const DAY_MS = 86_400_000;

export interface S3Seed {
  listIds: string[];
  tagNames: string[];
  /** A top-level task with subtasks, in the first list. */
  parentId: string;
  /** Two top-level tasks of the first list that moves swap around. */
  movable: [string, string];
}

export const tagName = (i: number) => `tag${String(i).padStart(3, '0')}`;

/** The tags of task i: none, one or two (about 500 tasks per tag). */
export function tagsOf(i: number): number[] {
  const n = i % 3;
  const a = (i * 7) % S3_TAGS;
  const b = (i * 13 + 5) % S3_TAGS;
  return n === 0 ? [] : n === 1 ? [a] : a === b ? [a] : [a, b];
}

/** Task i is a subtask of task i - S3_LISTS (same list, a top-level task) in every tenth block. */
export const isSubtask = (i: number) => Math.floor(i / S3_LISTS) % SUBTASK_BLOCK === SUBTASK_BLOCK - 1;

export function seedOrganize(
  db: Database.Database,
  userId: string,
  inboxId: string,
  tasks: readonly SeedTask[],
): S3Seed {
  const now = new Date().toISOString();
  const listIds = [inboxId];
  const listKeys = generateNKeysBetween('a0', null, S3_LISTS - 1);
  const insertList =
    db.prepare(`INSERT INTO lists (id, user_id, name, name_key, position, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertTag = db.prepare(`INSERT INTO tags (user_id, name, name_key, created_at) VALUES (?, ?, ?, ?)`);
  const insertTask = db.prepare(`INSERT INTO tasks (id, user_id, title, description, completed, completed_at,
    priority, due_at, created_at, updated_at, list_id, parent_id, position, tag_names)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const link = db.prepare(`INSERT INTO task_tags (tag_id, task_id) VALUES (?, ?)`);
  const tagNames = Array.from({ length: S3_TAGS }, (_, i) => tagName(i));
  const ids = tasks.map(() => uuidv7());
  // Positions per sibling group (a list's top level, or one parent's subtasks), in creation order.
  const groups = new Map<string, number[]>();
  tasks.forEach((_, i) => {
    const key = isSubtask(i) ? `p:${i - S3_LISTS}` : `l:${i % S3_LISTS}`;
    const group = groups.get(key) ?? [];
    group.push(i);
    groups.set(key, group);
  });
  const positions: string[] = new Array<string>(tasks.length);
  for (const group of groups.values()) {
    generateNKeysBetween(null, null, group.length).forEach((key, k) => (positions[group[k]!] = key));
  }
  const start = Date.now() - tasks.length * 1000;
  db.transaction(() => {
    listKeys.forEach((key, i) => {
      const id = uuidv7();
      listIds.push(id);
      insertList.run(id, userId, `List ${i + 1}`, `list ${i + 1}`, key, now, now);
    });
    const tagIds = tagNames.map((name) => Number(insertTag.run(userId, name, name, now).lastInsertRowid));
    tasks.forEach((t, i) => {
      const at = new Date(start + i * 1000).toISOString();
      const tags = tagsOf(i);
      insertTask.run(
        ids[i],
        userId,
        t.title,
        t.description,
        t.completed ? 1 : 0,
        t.completed ? at : null,
        PRIORITIES.indexOf(t.priority),
        t.dueAt,
        at,
        at,
        listIds[i % S3_LISTS],
        isSubtask(i) ? ids[i - S3_LISTS] : null,
        positions[i],
        tags.map((k) => tagNames[k]).join(' '),
      );
      for (const k of tags) link.run(tagIds[k], ids[i]);
    });
    // One task in ten has a start date, two days before its due (or its creation) (migration 007).
    db.prepare(
      `UPDATE tasks SET start_date = date(ifnull(due_at, created_at), '-2 days') WHERE user_id = ? AND rowid % 10 = 3`,
    ).run(userId);
    // About 2 % in the trash, as in S2 (53: not a multiple of the list count, so every list keeps its tasks).
    db.prepare(`UPDATE tasks SET deleted_at = updated_at WHERE user_id = ? AND rowid % 53 = 0`).run(userId);
  })();
  const live = (i: number) =>
    (db.prepare(`SELECT deleted_at IS NULL FROM tasks WHERE id = ?`).pluck().get(ids[i]) as number) === 1;
  const firstParent = Array.from({ length: S3_LISTS * SUBTASK_BLOCK }, (_, k) => k * S3_LISTS).find(
    (i) => !isSubtask(i) && isSubtask(i + S3_LISTS) && live(i) && live(i + S3_LISTS),
  )!;
  const roots = Array.from({ length: 40 }, (_, k) => k * S3_LISTS).filter((i) => !isSubtask(i) && live(i));
  return { listIds, tagNames, parentId: ids[firstParent]!, movable: [ids[roots[1]!]!, ids[roots[2]!]!] };
}

export interface S3Measure {
  name: string;
  /** floor: GET /api/health, what the machine itself adds (no database, no auth). */
  kind: 'page' | 'move' | 'counts' | 'floor';
  path: string;
  items: number;
  summary: LatencySummary;
}

/** The GET pages S3 times (query strings of /api/{user}/tasks), each first page and next page. */
export function s3Pages(seed: S3Seed, now: number): { name: string; query: string }[] {
  const dayEnd = new Date(Math.floor(now / DAY_MS) * DAY_MS + DAY_MS).toISOString();
  const in14 = new Date(Math.floor(now / DAY_MS) * DAY_MS + 15 * DAY_MS).toISOString();
  const e = encodeURIComponent;
  const [first, middle, last] = [seed.listIds[0]!, seed.listIds[25]!, seed.listIds[49]!];
  return [
    { name: 'list (Inbox), open, manual', query: `listId=${first}&parentId=root&status=active` },
    { name: 'list 26, open, manual', query: `listId=${middle}&parentId=root&status=active` },
    { name: 'list 50, all, manual', query: `listId=${last}&parentId=root` },
    { name: 'list 26, open, sort due', query: `listId=${middle}&status=active&sort=due` },
    { name: 'list 26, completed, latest first', query: `listId=${middle}&status=completed&sort=completed` },
    { name: 'subtasks of a task', query: `parentId=${seed.parentId}` },
    { name: 'tag, open', query: `tag=${seed.tagNames[7]!}&status=active` },
    // Task 1 (and every 600th after it) carries both.
    { name: 'two tags, all', query: `tag=${seed.tagNames[7]!}&tag=${seed.tagNames[18]!}` },
    { name: 'Today (overdue + due today, open)', query: `status=active&dueTo=${e(dayEnd)}&sort=due` },
    // What the window's Today reads since the start date: due by tonight or started (issue 15 §3).
    { name: 'Today with starts (view=today, open)', query: `status=active&view=today&timeZone=UTC&sort=due` },
    {
      name: 'Upcoming starts (next 14 days, open)',
      query: `status=active&startFrom=${dayEnd.slice(0, 10)}&startTo=${in14.slice(0, 10)}&sort=start`,
    },
    { name: 'open and started (available=true), by due', query: `status=active&available=true&timeZone=UTC&sort=due` },
    {
      name: 'Upcoming (next 14 days, open)',
      query: `status=active&dueFrom=${e(dayEnd)}&dueTo=${e(in14)}&sort=due`,
    },
  ];
}

async function timeRequests(
  samples: number,
  budgetMs: number,
  run: () => Promise<{ status: number; ms: number }>,
): Promise<LatencySummary> {
  for (let i = 0; i < 10; i++) await run();
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < samples && (i < 10 || performance.now() - started < budgetMs); i++) {
    const res = await run();
    if (res.status >= 300) throw new Error(`S3: status ${res.status}`);
    times.push(res.ms);
  }
  return summarize(times);
}

export async function measureS3(
  client: HttpClient,
  userId: string,
  token: () => Promise<string>,
  seed: S3Seed,
  now: number,
  samples: number,
  log: (line: string) => void = () => {},
): Promise<S3Measure[]> {
  const out: S3Measure[] = [];
  const jwt = await token();
  const base = `/api/${userId}`;
  for (const page of s3Pages(seed, now)) {
    const firstPath = `${base}/tasks?limit=50&${page.query}`;
    const first = await client.json<{ items: unknown[]; nextCursor: string | null }>('GET', firstPath, 200, {
      bearer: jwt,
    });
    const paths: [string, string, number][] = [[`${page.name}: first page`, firstPath, first.items.length]];
    if (first.nextCursor) {
      const nextPath = `${firstPath}&cursor=${encodeURIComponent(first.nextCursor)}`;
      const next = await client.json<{ items: unknown[] }>('GET', nextPath, 200, { bearer: jwt });
      paths.push([`${page.name}: next page`, nextPath, next.items.length]);
    }
    for (const [name, path, items] of paths) {
      const summary = await timeRequests(samples, 5000, () => client.request('GET', path, { bearer: jwt }));
      log(`  ${name}: ${items} items, p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms`);
      out.push({ name, kind: 'page', path, items, summary });
    }
  }
  for (const [name, path] of [
    ['noise floor: GET /api/health (info)', '/api/health'],
    ['sidebar: all lists with open counts', `${base}/lists`],
    ['sidebar: all tags with counts', `${base}/tags`],
    [
      'sidebar: task counts (Today with starts)',
      `${base}/tasks/counts?dayStart=${encodeURIComponent(new Date(Math.floor(now / DAY_MS) * DAY_MS).toISOString())}&dayEnd=${encodeURIComponent(new Date(Math.floor(now / DAY_MS) * DAY_MS + DAY_MS).toISOString())}&timeZone=UTC`,
    ],
  ] as const) {
    const check = await client.json<{ items?: unknown[] }>('GET', path, 200, { bearer: jwt });
    const summary = await timeRequests(samples, 5000, () => client.request('GET', path, { bearer: jwt }));
    const items = check.items?.length ?? 0;
    log(`  ${name}: ${items} items, p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms`);
    out.push({ name, kind: path === '/api/health' ? 'floor' : 'counts', path, items, summary });
  }
  // Moves: the same task hops after one neighbour and back before it (each a committed, fsynced write).
  const [a, b] = seed.movable;
  let flip = false;
  const summary = await timeRequests(samples, 5000, () => {
    flip = !flip;
    return client.request('POST', `${base}/tasks/${a}/move`, {
      bearer: jwt,
      json: flip ? { afterId: b } : { beforeId: b },
    });
  });
  log(`  move (POST .../move): p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms`);
  out.push({
    name: 'move a task between two neighbours',
    kind: 'move',
    path: `${base}/tasks/{id}/move`,
    items: 1,
    summary,
  });
  return out;
}
