// Property (fast-check): any data the API accepts survives export -> import into another account unchanged: every
// field of every task and list, compared with the source mapped through the derived ids (only ids and the account
// differ). Data is made through the repository with the API's own schemas (taskCreate, listCreate), so whatever the
// API accepts is what is generated; recurring tasks are completed a few times so completions travel too.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src-shared/export-schema.ts';
import { listCreate } from '../../src-shared/list-schemas.ts';
import { taskCreate, type TaskCreateInput } from '../../src-shared/task-schemas.ts';
import { DatabaseService } from '../db/database-service.ts';
import { ListRepository } from '../lists/list-repository.ts';
import { TaskRepository } from '../tasks/task-repository.ts';
import { deriveImportedId } from './imported-id.ts';
import { planImport } from './import-plan.ts';
import { runImport } from './import-run.ts';
import { buildExportFile } from './task-export.ts';

let dir: string;
let database: DatabaseService;
let repo: TaskRepository;
let lists: ListRepository;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tasks-roundtrip-'));
  database = new DatabaseService(dir);
  await database.start();
  repo = new TaskRepository(database.sqlite, database.writes);
  lists = new ListRepository(database.sqlite, database.writes);
});
afterAll(async () => {
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
});

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true });
const zone = fc.constantFrom('UTC', 'Europe/Berlin', 'Pacific/Auckland', 'America/Los_Angeles');
const rule = fc.constantFrom('FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=MO,WE', 'FREQ=MONTHLY;INTERVAL=2', 'FREQ=DAILY;COUNT=5');

/** A task body as a client might send it (refused ones are dropped, as the API would refuse them). */
const taskInput = fc.record(
  {
    title: text,
    description: text,
    priority: fc.constantFrom('none', 'low', 'medium', 'high'),
    tags: fc.array(fc.stringMatching(/^[A-Za-z0-9é_-]{1,12}$/), { maxLength: 3 }),
    completed: fc.boolean(),
    due: fc.oneof(
      fc.constant(null),
      day.map((d) => ({ dueDate: d.toISOString().slice(0, 10) })),
      fc.tuple(day, zone).map(([d, z]) => ({ dueAt: d.toISOString(), timeZone: z })),
    ),
    startDate: fc.option(day.map((d) => d.toISOString().slice(0, 10)), { nil: null }),
    repeat: fc.option(fc.tuple(rule, fc.constantFrom('due', 'completion')), { nil: null }),
    remind: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
    list: fc.nat(2),
    parent: fc.option(fc.nat(7), { nil: null }),
    completions: fc.nat(2),
  },
  { requiredKeys: ['title', 'description', 'priority', 'tags', 'completed', 'due', 'startDate', 'repeat', 'remind', 'list', 'parent', 'completions'] },
);

type TaskInputValue = typeof taskInput extends fc.Arbitrary<infer T> ? T : never;
type Generated = { lists: Array<{ name: string; color: string | null }>; tasks: TaskInputValue[] };

const data = fc.record({
  lists: fc.uniqueArray(
    fc.record({ name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,14}$/), color: fc.option(fc.constantFrom('#112233', '#ABCDEF'), { nil: null }) }),
    { maxLength: 2, selector: (l) => l.name.trim().toLowerCase() },
  ),
  tasks: fc.array(taskInput, { minLength: 1, maxLength: 8 }),
});

let run = 0;

async function fill(userId: string, generated: Generated): Promise<void> {
  const listIds = [(await lists.all(userId, 'active'))[0]!.id];
  for (const list of generated.lists) {
    const parsed = listCreate.safeParse(list);
    if (!parsed.success || parsed.data.name.toLowerCase() === 'inbox') continue;
    listIds.push((await lists.create(userId, parsed.data)).id);
  }
  const made: string[] = [];
  for (const t of generated.tasks) {
    const parentId = t.parent !== null ? made[t.parent] : undefined;
    const input: TaskCreateInput = {
      title: t.title,
      description: t.description,
      priority: t.priority,
      tags: t.tags,
      completed: t.completed && t.repeat === null,
      startDate: t.startDate,
      ...(t.due ?? {}),
      ...(t.repeat && t.due ? { recurrence: { rrule: t.repeat[0], from: t.repeat[1] } } : {}),
      ...(t.remind !== null && t.due && 'dueAt' in t.due ? { reminders: [{ beforeMinutes: t.remind }] } : {}),
      ...(parentId ? { parentId } : { listId: listIds[t.list % listIds.length]! }),
    };
    const parsed = taskCreate.safeParse(input);
    if (!parsed.success) continue;
    let task;
    try {
      task = await repo.create(userId, parsed.data);
    } catch {
      continue; // a rule the API answers with 4xx (e.g. nesting too deep): not accepted data
    }
    made.push(task.id);
    if (task.recurrence) for (let i = 0; i < t.completions; i += 1) await repo.setCompleted(userId, task.id, true, 'UTC');
  }
}

function expectSame(source: ExportFile, copy: ExportFile, target: string): void {
  const mapped = new Map(source.tasks.map((t) => [t.id, deriveImportedId(target, t.id, t.createdAt)]));
  const listName = (file: ExportFile, id: string) => {
    const list = file.lists.find((l) => l.id === id)!;
    return list.isInbox ? 'Inbox' : list.name;
  };
  expect(copy.tasks).toHaveLength(source.tasks.length);
  for (const task of source.tasks) {
    const twin = copy.tasks.find((t) => t.id === mapped.get(task.id));
    expect(twin, task.title).toBeDefined();
    const { id: _a, listId: la, parentId: pa, ...fields } = task;
    const { id: _b, listId: lb, parentId: pb, ...twinFields } = twin!;
    expect(twinFields).toEqual(fields);
    expect(listName(copy, lb)).toBe(listName(source, la));
    expect(pb).toBe(pa === null ? null : mapped.get(pa));
  }
  const shape = (file: ExportFile) => file.lists.map((l) => ({ name: l.isInbox ? 'Inbox' : l.name, color: l.color, isInbox: l.isInbox }));
  expect(shape(copy)).toEqual(shape(source));
}

describe('export -> import into another account', () => {
  it('keeps everything but ids and the account', async () => {
    await fc.assert(
      fc.asyncProperty(data, async (generated) => {
        run += 1;
        const from = `from-${run}`;
        const to = `to-${run}`;
        await fill(from, generated);
        const source = buildExportFile(database.sqlite, from);
        const plan = planImport(JSON.parse(JSON.stringify(source)) as unknown, { userId: to, fromUser: from });
        const result = await runImport(
          { db: database.sqlite, writes: database.writes, userId: to, format: 'json', listName: null, dryRun: false },
          plan,
        );
        expect(result.skipped).toEqual([]);
        expectSame(source, buildExportFile(database.sqlite, to), to);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
