// The start date over real HTTP (issue 15 §3): one field on every task write and answer, its filters on the list
// (startFrom/startTo, available, view=today) and the Today count in the viewer's zone, export/import, isolation,
// scopes, the OpenAPI document and a fuzz for 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src-shared/export-schema.ts';
import type { Task, TaskCounts, TaskList } from '../../src-shared/task-schemas.ts';
import { callAs, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
  bob = await signUp(test, 'Bob');
});
afterAll(() => test.close());

const call = (user: TestUser, method: string, path: string, body?: unknown) =>
  callAs(test, user, method, path, body);

async function create(user: TestUser, body: Record<string, unknown>): Promise<Task> {
  const response = await call(user, 'POST', `/api/${user.id}/tasks`, body);
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return (await response.json()) as Task;
}

async function titles(user: TestUser, query: string): Promise<string[]> {
  const response = await call(user, 'GET', `/api/${user.id}/tasks?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as TaskList).items.map((t) => t.title).sort();
}

/** Today's date in a zone, as the server reads it ("YYYY-MM-DD"). */
const todayIn = (timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
// 25 hours apart: their dates always differ (Kiritimati's today is Pago Pago's tomorrow or the day after).
const EAST = 'Pacific/Kiritimati';
const WEST = 'Pacific/Pago_Pago';
const tz = (zone: string) => `timeZone=${encodeURIComponent(zone)}`;

describe('start date', () => {
  it('is stored on create, PUT and PATCH, cleared with null, and answered on every task', async () => {
    const task = await create(alice, { title: 'Plan trip', startDate: '2026-06-05', dueDate: '2026-06-20' });
    expect(task).toMatchObject({ startDate: '2026-06-05', dueDate: '2026-06-20' });
    const path = `/api/${alice.id}/tasks/${task.id}`;
    expect(await (await call(alice, 'GET', path)).json()).toMatchObject({ startDate: '2026-06-05' });

    const patched = (await (await call(alice, 'PATCH', path, { startDate: '0001-01-01' })).json()) as Task;
    expect(patched).toMatchObject({ startDate: '0001-01-01', dueDate: '2026-06-20' });
    // A patch that leaves it out keeps it; null clears it.
    expect(await (await call(alice, 'PATCH', path, { title: 'Plan the trip' })).json()).toMatchObject({
      startDate: '0001-01-01',
    });
    expect(await (await call(alice, 'PATCH', path, { startDate: null })).json()).toMatchObject({
      startDate: null,
    });

    const put = await call(alice, 'PUT', path, { title: 'Trip', startDate: '9999-12-31' });
    expect(await put.json()).toMatchObject({ startDate: '9999-12-31', dueDate: null });
    // PUT replaces everything: left out, the start date is gone.
    expect(await (await call(alice, 'PUT', path, { title: 'Trip' })).json()).toMatchObject({
      startDate: null,
    });
    // Tasks written without it answer null.
    expect((await create(alice, { title: 'No start' })).startDate).toBeNull();
  });

  it('refuses anything but a real YYYY-MM-DD in the years 0001-9999 with 422, and changes nothing', async () => {
    const task = await create(alice, { title: 'Keep me', startDate: '2026-01-10' });
    const path = `/api/${alice.id}/tasks/${task.id}`;
    const bad = [
      '2026-02-30',
      '0000-12-31',
      '10000-01-01',
      '2026-1-5',
      '2026-01-05T00:00:00Z',
      'friday',
      '',
      20260105,
      true,
    ];
    for (const startDate of bad) {
      for (const [method, url, body] of [
        ['POST', `/api/${alice.id}/tasks`, { title: 'Refused start', startDate }],
        ['PUT', path, { title: 'Refused start', startDate }],
        ['PATCH', path, { startDate }],
      ] as const) {
        const response = await call(alice, method, url, body);
        expect(response.status, `${method} ${JSON.stringify(startDate)}`).toBe(422);
        const { error } = (await response.json()) as { error: { code: string; details: { path: string }[] } };
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.details.map((d) => d.path)).toContain('startDate');
      }
    }
    expect(await (await call(alice, 'GET', path)).json()).toMatchObject({
      title: 'Keep me',
      startDate: '2026-01-10',
    });
    expect(await titles(alice, 'q=Refused')).toEqual([]);
    for (const query of ['startFrom=2026-02-30', 'startTo=tomorrow', 'available=yes', 'view=upcoming']) {
      const response = await call(alice, 'GET', `/api/${alice.id}/tasks?${query}`);
      expect(response.status, query).toBe(422);
      expect(await response.json()).toHaveProperty('error.code', 'VALIDATION_FAILED');
    }
  });

  it('filters by startFrom / startTo (inclusive) and sorts by start, no start date last, by cursor', async () => {
    const user = await signUp(test);
    await create(user, { title: 'd none' });
    await create(user, { title: 'a 03-01', startDate: '2026-03-01' });
    await create(user, { title: 'b 03-05', startDate: '2026-03-05' });
    await create(user, { title: 'c 03-09', startDate: '2026-03-09' });
    expect(await titles(user, 'startFrom=2026-03-05')).toEqual(['b 03-05', 'c 03-09']);
    expect(await titles(user, 'startTo=2026-03-05')).toEqual(['a 03-01', 'b 03-05']);
    expect(await titles(user, 'startFrom=2026-03-02&startTo=2026-03-09&sort=due')).toEqual([
      'b 03-05',
      'c 03-09',
    ]);
    expect(await titles(user, 'startFrom=2026-03-06&startTo=2026-03-05')).toEqual([]);

    const base = `/api/${user.id}/tasks?sort=start&limit=2`;
    const first = (await (await call(user, 'GET', base)).json()) as TaskList;
    expect(first.items.map((t) => t.title)).toEqual(['a 03-01', 'b 03-05']);
    const next = (await (await call(user, 'GET', `${base}&cursor=${first.nextCursor}`)).json()) as TaskList;
    expect(next.items.map((t) => t.title)).toEqual(['c 03-09', 'd none']);
    expect(next.nextCursor).toBeNull();
    const desc = (await (
      await call(user, 'GET', `/api/${user.id}/tasks?sort=start&order=desc`)
    ).json()) as TaskList;
    expect(desc.items.map((t) => t.title)).toEqual(['d none', 'c 03-09', 'b 03-05', 'a 03-01']);
  });

  it("available=true: no start date, or one on or before today in the request's zone", async () => {
    const user = await signUp(test);
    const eastToday = todayIn(EAST);
    await create(user, { title: 'always' });
    await create(user, { title: 'started long ago', startDate: '2000-01-01' });
    await create(user, { title: 'starts east today', startDate: eastToday });
    await create(user, { title: 'starts later', startDate: addDays(eastToday, 2) });
    expect(await titles(user, `available=true&${tz(EAST)}`)).toEqual([
      'always',
      'started long ago',
      'starts east today',
    ]);
    // Further west it is still an earlier day: the task has not started there.
    expect(await titles(user, `available=true&${tz(WEST)}`)).toEqual(['always', 'started long ago']);
    expect(await titles(user, 'available=false')).toHaveLength(4);
  });

  it('view=today and the Today count: due by the end of today or started by today, each task once', async () => {
    const user = await signUp(test);
    const today = todayIn(EAST);
    await create(user, { title: 'due today', dueDate: today });
    await create(user, { title: 'overdue', dueDate: addDays(today, -3) });
    await create(user, {
      title: 'started, due later',
      startDate: addDays(today, -1),
      dueDate: addDays(today, 5),
    });
    await create(user, { title: 'started, no due', startDate: today });
    await create(user, { title: 'started and due today', startDate: today, dueDate: today });
    await create(user, {
      title: 'not started yet',
      startDate: addDays(today, 1),
      dueDate: addDays(today, 9),
    });
    await create(user, { title: 'nothing' });
    const done = await create(user, { title: 'started, done', startDate: today });
    await call(user, 'PATCH', `/api/${user.id}/tasks/${done.id}/complete`, { completed: true });

    const inToday = [
      'due today',
      'overdue',
      'started and due today',
      'started, due later',
      'started, no due',
    ];
    expect(await titles(user, `view=today&status=active&sort=due&${tz(EAST)}`)).toEqual(inToday);
    // The viewer's own date (the window sends it): yesterday's Today had neither today's due nor today's starts.
    expect(await titles(user, `view=today&status=active&sort=due&today=${addDays(today, -1)}&${tz(EAST)}`)).toEqual([
      'overdue',
      'started, due later',
    ]);
    expect(await titles(user, `available=true&status=active&sort=due&today=${addDays(today, -1)}&${tz(EAST)}`)).not.toContain(
      'started, no due',
    );
    expect((await call(user, 'GET', `/api/${user.id}/tasks?view=today&today=2026-02-30`)).status).toBe(422);
    // Paged in due order, every task once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TaskList = (await (
        await call(
          user,
          'GET',
          `/api/${user.id}/tasks?view=today&status=active&sort=due&limit=2&${tz(EAST)}${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json()) as TaskList;
      seen.push(...page.items.map((t) => t.title));
      cursor = page.nextCursor;
    } while (cursor);
    // Due order (equal dues by creation), then the started tasks without a due: every task once.
    expect(seen).toEqual([
      'overdue',
      'due today',
      'started and due today',
      'started, due later',
      'started, no due',
    ]);
    // In Pago Pago "today" is an earlier date: tasks due or starting on Kiritimati's today are not in it yet.
    expect(await titles(user, `view=today&status=active&${tz(WEST)}`)).toEqual([
      'overdue',
      'started, due later',
    ]);

    // The count for the same day: local midnight to midnight in Kiritimati (UTC+14).
    const dayStart = new Date(Date.parse(`${today}T00:00:00Z`) - 14 * 3600_000).toISOString();
    const dayEnd = new Date(Date.parse(dayStart) + 24 * 3600_000).toISOString();
    const counts = (await (
      await call(
        user,
        'GET',
        `/api/${user.id}/tasks/counts?dayStart=${dayStart}&dayEnd=${dayEnd}&${tz(EAST)}`,
      )
    ).json()) as TaskCounts;
    expect(counts).toMatchObject({ active: 7, completed: 1, dueToday: 2, today: inToday.length });
  });

  it('a recurring task keeps the distance from its start to its due on each occurrence, and undo restores it', async () => {
    const weekly = await create(alice, {
      title: 'Weekly report',
      startDate: '2026-03-07',
      dueDate: '2026-03-10',
      recurrence: { rrule: 'FREQ=WEEKLY' },
    });
    const path = `/api/${alice.id}/tasks/${weekly.id}`;
    const next = (await (await call(alice, 'PATCH', `${path}/complete`, { completed: true })).json()) as Task;
    expect(next).toMatchObject({ completed: false, dueDate: '2026-03-17', startDate: '2026-03-14' });
    const again = (await (
      await call(alice, 'PATCH', `${path}/complete`, { completed: true })
    ).json()) as Task;
    expect(again).toMatchObject({ dueDate: '2026-03-24', startDate: '2026-03-21' });
    const undone = (await (
      await call(alice, 'PATCH', `${path}/complete`, { completed: false })
    ).json()) as Task;
    expect(undone).toMatchObject({ dueDate: '2026-03-17', startDate: '2026-03-14' });

    // Timed, counted in the task's zone: 00:30 in London is 00:30Z before the clocks change on 29 March and
    // 23:30Z the day before after it; the start still moves one local day with the due.
    const timed = await create(alice, {
      title: 'Night job',
      startDate: '2026-03-27',
      dueAt: '2026-03-29T00:30:00Z',
      timeZone: 'Europe/London',
      recurrence: { rrule: 'FREQ=DAILY' },
    });
    const moved = (await (
      await call(alice, 'PATCH', `/api/${alice.id}/tasks/${timed.id}/complete`, { completed: true })
    ).json()) as Task;
    expect(moved).toMatchObject({ dueAt: '2026-03-29T23:30:00.000Z', startDate: '2026-03-28' });

    // Without a start date nothing is added.
    const plain = await create(alice, {
      title: 'No start',
      dueDate: '2026-03-10',
      recurrence: { rrule: 'FREQ=DAILY' },
    });
    const plainNext = (await (
      await call(alice, 'PATCH', `/api/${alice.id}/tasks/${plain.id}/complete`, { completed: true })
    ).json()) as Task;
    expect(plainNext).toMatchObject({ dueDate: '2026-03-11', startDate: null });
  });

  it("is one user's only: another user's task is 404, another user's path 403, a read token cannot write", async () => {
    const task = await create(alice, { title: 'Private start', startDate: '2026-07-01' });
    expect(
      (await call(bob, 'PATCH', `/api/${bob.id}/tasks/${task.id}`, { startDate: '2026-07-02' })).status,
    ).toBe(404);
    expect((await call(bob, 'GET', `/api/${alice.id}/tasks?startFrom=2026-07-01`)).status).toBe(403);
    expect(await titles(bob, 'startFrom=2026-07-01&startTo=2026-07-01')).toEqual([]);
    const made = await call(alice, 'POST', `/api/${alice.id}/tokens`, {
      name: 'read',
      scopes: ['tasks:read'],
      expiresInDays: 1,
    });
    const { token } = (await made.json()) as { token: string };
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const read = await test.api(`/api/${alice.id}/tasks?startFrom=2026-07-01&startTo=2026-07-01`, {
      headers,
    });
    expect(((await read.json()) as TaskList).items.map((t) => t.title)).toEqual(['Private start']);
    const write = await test.api(`/api/${alice.id}/tasks/${task.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ startDate: null }),
    });
    expect(write.status).toBe(403);
    expect(await (await call(alice, 'GET', `/api/${alice.id}/tasks/${task.id}`)).json()).toMatchObject({
      startDate: '2026-07-01',
    });
  });

  it('goes out in the export and comes back with an import; a file without it imports as none', async () => {
    const user = await signUp(test);
    await create(user, { title: 'Exported start', startDate: '2026-08-03', dueDate: '2026-08-10' });
    const file = (await (await call(user, 'GET', `/api/${user.id}/export`)).json()) as ExportFile;
    expect(file.tasks.find((t) => t.title === 'Exported start')).toMatchObject({ startDate: '2026-08-03' });
    const csv = await (await call(user, 'GET', `/api/${user.id}/export?format=csv`)).text();
    expect(csv.split('\r\n')[0]).toContain('startDate');
    expect(csv).toContain(',2026-08-03,');

    const other = await signUp(test);
    const { startDate: _s, ...old } = file.tasks[0]!;
    const oldFile = { ...file, tasks: [{ ...old, id: 'from-old-file', title: 'Old file' }] };
    for (const body of [file, oldFile]) {
      const response = await call(other, 'POST', `/api/${other.id}/import?fromUser=${user.id}`, body);
      expect(response.status, await response.clone().text()).toBe(200);
    }
    const list = (await (await call(other, 'GET', `/api/${other.id}/tasks`)).json()) as TaskList;
    expect(Object.fromEntries(list.items.map((t) => [t.title, t.startDate]))).toEqual({
      'Exported start': '2026-08-03',
      'Old file': null,
    });
  });

  it('is in the OpenAPI document: the task field, the write bodies and the list parameters', async () => {
    const doc = (await (await test.api('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const names = doc.paths['/api/{userId}/tasks']!.get!.parameters!.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['startFrom', 'startTo', 'available', 'view']));
    const withStart = Object.entries(doc.components.schemas)
      .filter(([, s]) => s.properties && 'startDate' in s.properties)
      .map(([name]) => name);
    expect(withStart).toEqual(expect.arrayContaining(['Task', 'TaskCreate', 'TaskPatch']));
  });

  it('never answers 5xx, whatever the start date and list parameters', async () => {
    const value = fc.oneof(
      fc.constantFrom(
        '2026-02-29',
        '2024-02-29',
        '0001-01-01',
        '9999-12-31',
        '0000-01-01',
        '',
        null,
        'today',
        1,
      ),
      fc
        .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.string({ maxLength: 12 }),
    );
    const param = fc.oneof(
      value.map((v) => String(v)),
      fc.constantFrom('true', 'false', 'today', 'TRUE'),
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        value,
        value,
        param,
        param,
        param,
        param,
        async (start, patch, from, to, available, view) => {
          const created = await call(alice, 'POST', `/api/${alice.id}/tasks`, {
            title: 'Fuzzed start',
            startDate: start,
          });
          expect(created.status).toBeLessThan(500);
          if (created.status === 201) {
            accepted += 1;
            const task = (await created.json()) as Task;
            expect(task.startDate).toBe(start);
            const patched = await call(alice, 'PATCH', `/api/${alice.id}/tasks/${task.id}`, {
              startDate: patch,
            });
            expect(patched.status).toBeLessThan(500);
          } else {
            expect(await created.json()).toHaveProperty('error.code');
          }
          const q = new URLSearchParams({ startFrom: from, startTo: to, available, view, sort: 'start' });
          const listed = await call(alice, 'GET', `/api/${alice.id}/tasks?${q.toString()}`);
          expect(listed.status, await listed.clone().text()).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    expect(accepted).toBeGreaterThan(5);
  });
});
