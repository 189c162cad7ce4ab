// Bulk complete and recurring tasks (issue 16 item 3): each recurring task completes the occurrence the caller saw
// (or the one it had when the request was read), so neither two concurrent bulk completes nor a repeat of one
// skips an occurrence.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkRequest, type BulkRequestInput } from '../../src-shared/bulk-schemas.ts';
import { taskCreate, type TaskCreateInput } from '../../src-shared/task-schemas.ts';
import { DatabaseService } from '../db/database-service.ts';
import { noEvents } from '../events/event-publisher.ts';
import { BulkRepository } from './bulk-repository.ts';
import { TaskRepository } from './task-repository.ts';

let dir: string;
let database: DatabaseService;
let repo: TaskRepository;
let bulk: BulkRepository;

const USER = 'ada';
const create = (input: TaskCreateInput) => repo.create(USER, taskCreate.parse(input));
const plan = (request: BulkRequestInput) => bulk.plan(USER, bulkRequest.parse(request));

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tasks-bulk-occurrence-'));
  database = new DatabaseService(dir);
  await database.start();
  const now = () => new Date('2026-03-10T12:00:00.000Z');
  repo = new TaskRepository(database.sqlite, database.writes, now);
  bulk = new BulkRepository(database.sqlite, database.writes, repo, noEvents, now);
});

afterEach(async () => {
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('bulk complete of recurring tasks', () => {
  it('two concurrent requests (both read before either wrote) move each task one occurrence', async () => {
    const daily = await create({ title: 'Water plants', dueDate: '2026-03-10', recurrence: { rrule: 'FREQ=DAILY' } });
    const twice = await create({ title: 'Two doses', dueAt: '2026-03-10T08:00:00Z', recurrence: { rrule: 'FREQ=DAILY;COUNT=2' } });
    const plain = await create({ title: 'Plain' });
    const request: BulkRequestInput = { ids: [daily.id, twice.id, plain.id], action: { type: 'complete' } };
    const [first, second] = [await plan(request), await plan(request)];
    const [a, b] = await Promise.all([bulk.run(first), bulk.run(second)]);

    expect(repo.get(USER, daily.id)).toMatchObject({ dueDate: '2026-03-11', completed: false });
    expect(repo.completions(USER, daily.id)).toHaveLength(1);
    // COUNT=2: one double-submit must not end the series.
    expect(repo.get(USER, twice.id)).toMatchObject({ dueAt: '2026-03-11T08:00:00.000Z', completed: false });
    expect(repo.completions(USER, twice.id)).toHaveLength(1);
    expect(repo.get(USER, plain.id)).toMatchObject({ completed: true });
    // Only the first says it changed them; the second's undo would not reopen what the first completed.
    expect(a.changed.sort()).toEqual([daily.id, twice.id, plain.id].sort());
    expect(b.changed).toEqual([]);
    expect(b.undo).toEqual([]);
  });

  it('a repeat of a request naming the occurrences it saw skips nothing; a new occurrence named completes', async () => {
    const daily = await create({ title: 'Standup', dueDate: '2026-03-10', recurrence: { rrule: 'FREQ=DAILY' } });
    const weekly = await create({ title: 'Review', dueAt: '2026-03-10T09:00:00+01:00', recurrence: { rrule: 'FREQ=WEEKLY' } });
    const request: BulkRequestInput = {
      ids: [daily.id, weekly.id],
      // dueAt in another offset than the server's answer names the same instant.
      action: { type: 'complete', occurrences: { [daily.id]: '2026-03-10', [weekly.id]: '2026-03-10T08:00:00Z' } },
    };
    const first = await bulk.run(await plan(request));
    expect(first.changed.sort()).toEqual([daily.id, weekly.id].sort());
    const repeat = await bulk.run(await plan(request));
    expect(repeat.changed).toEqual([]);
    expect(repo.get(USER, daily.id)).toMatchObject({ dueDate: '2026-03-11' });
    expect(repo.get(USER, weekly.id)).toMatchObject({ dueAt: '2026-03-17T08:00:00.000Z' });
    expect(repo.completions(USER, daily.id)).toHaveLength(1);

    const next = await bulk.run(
      await plan({ ids: [daily.id], action: { type: 'complete', occurrences: { [daily.id]: '2026-03-11' } } }),
    );
    expect(next.changed).toEqual([daily.id]);
    expect(repo.get(USER, daily.id)).toMatchObject({ dueDate: '2026-03-12' });
    // Its undo restores exactly that occurrence.
    for (const step of next.undo) await bulk.run(await plan(step));
    expect(repo.get(USER, daily.id)).toMatchObject({ dueDate: '2026-03-11' });
    expect(repo.completions(USER, daily.id)).toHaveLength(1);
  });

  it('an occurrence named for a task the filter matches counts as seen; plain tasks ignore occurrences', async () => {
    const daily = await create({ title: 'Stretch', dueDate: '2026-03-10', recurrence: { rrule: 'FREQ=DAILY' } });
    const plain = await create({ title: 'Letter', dueDate: '2026-03-10' });
    const stale = { [daily.id]: '2026-03-09', [plain.id]: '2026-03-09' };
    const result = await bulk.run(await plan({ filter: { status: 'active' }, action: { type: 'complete', occurrences: stale } }));
    expect(result.changed).toEqual([plain.id]);
    expect(repo.get(USER, daily.id)).toMatchObject({ dueDate: '2026-03-10', completed: false });
    expect(repo.get(USER, plain.id)).toMatchObject({ completed: true });
  });

  it('refuses occurrences that are not dates or instants (422 before anything is written)', () => {
    const bad = bulkRequest.safeParse({ ids: ['0193a2b4-7c1d-7e2f-8a9b-0c1d2e3f4a5b'], action: { type: 'complete', occurrences: { x: 'soon' } } });
    expect(bad.success).toBe(false);
  });
});
