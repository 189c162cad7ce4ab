// Export carries the schedule fields (dueDate, timeZone, recurrence, reminders) and import takes them back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src-shared/export-schema.ts';
import type { ImportResult } from '../../src-shared/import-schemas.ts';
import type { Task } from '../../src-shared/task-schemas.ts';
import { callAs, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;
let carol: TestUser;

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
  carol = await signUp(test, 'Carol');
});
afterAll(() => test.close());

const call = (user: TestUser, method: string, path: string, body?: unknown) =>
  callAs(test, user, method, path, body);

const SCHEDULE = ['dueDate', 'dueAt', 'timeZone', 'recurrence', 'reminders'] as const;
const pick = (t: Record<string, unknown>) => [t.title, ...SCHEDULE.map((k) => t[k])];

describe('export and import of schedule fields', () => {
  it('round-trips all-day, timed, recurring and reminded tasks', async () => {
    const bodies = [
      {
        title: 'All day',
        dueDate: '2026-03-01',
        recurrence: { rrule: 'FREQ=MONTHLY;BYMONTHDAY=31', from: 'due' },
      },
      {
        title: 'Timed',
        dueAt: '2026-03-29T09:00:00+02:00',
        timeZone: 'Europe/Paris',
        recurrence: { rrule: 'FREQ=DAILY;INTERVAL=3', from: 'completion' },
        reminders: [{ beforeMinutes: 30 }, { at: '2026-03-28T18:00:00Z' }],
      },
      { title: 'Plain' },
    ];
    for (const body of bodies)
      expect((await call(alice, 'POST', `/api/${alice.id}/tasks`, body)).status).toBe(201);
    const file = (await (await call(alice, 'GET', `/api/${alice.id}/export`)).json()) as ExportFile;
    const exported = file.tasks.map((t) => pick(t)).sort();
    expect(exported).toEqual(
      [
        ['All day', '2026-03-01', null, null, { rrule: 'FREQ=MONTHLY;BYMONTHDAY=31', from: 'due' }, []],
        [
          'Timed',
          null,
          '2026-03-29T07:00:00.000Z',
          'Europe/Paris',
          { rrule: 'FREQ=DAILY;INTERVAL=3', from: 'completion' },
          [{ beforeMinutes: 30 }, { at: '2026-03-28T18:00:00.000Z' }],
        ],
        ['Plain', null, null, null, null, []],
      ].sort(),
    );
    const result = (await (
      await call(carol, 'POST', `/api/${carol.id}/import?fromUser=${alice.id}`, file)
    ).json()) as ImportResult;
    expect(result).toMatchObject({ imported: 3, skipped: [], dryRun: false });
    const copy = (await (await call(carol, 'GET', `/api/${carol.id}/export`)).json()) as ExportFile;
    expect(copy.tasks.map((t) => pick(t)).sort()).toEqual(exported);
    // Imported reminders are live: the schedule index has them.
    const timed = (
      (await (await call(carol, 'GET', `/api/${carol.id}/tasks?q=Timed`)).json()) as { items: Task[] }
    ).items[0];
    expect(timed?.reminders).toHaveLength(2);
  });

  it('skips an imported task whose schedule fields break the rules', async () => {
    const file = (await (await call(alice, 'GET', `/api/${alice.id}/export`)).json()) as ExportFile;
    const broken = {
      ...file.tasks[0]!,
      id: 'broken-1',
      dueDate: '2026-03-01',
      dueAt: '2026-03-01T09:00:00.000Z',
    };
    const result = (await (
      await call(alice, 'POST', `/api/${alice.id}/import`, { ...file, tasks: [broken] })
    ).json()) as ImportResult;
    expect(result.imported).toBe(0);
    expect(result.skipped.map((s) => s.reason)).toEqual(['INVALID']);
  });
});
