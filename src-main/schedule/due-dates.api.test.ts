// Due dates over real HTTP: all-day vs timed, zones, the cross-field rules, and Today/Overdue in the viewer's zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task, TaskCounts, TaskList } from '../../src-shared/task-schemas.ts';
import { callAs, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
});
afterAll(() => test.close());

const call = (user: TestUser, method: string, path: string, body?: unknown) =>
  callAs(test, user, method, path, body);

async function create(user: TestUser, body: unknown): Promise<Task> {
  const response = await call(user, 'POST', `/api/${user.id}/tasks`, body);
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return (await response.json()) as Task;
}

async function refused(
  user: TestUser,
  method: string,
  path: string,
  body: unknown,
  field: string,
): Promise<void> {
  const response = await call(user, method, path, body);
  expect(response.status).toBe(422);
  const error = ((await response.json()) as { error: { code: string; details: { path: string }[] } }).error;
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.details.map((d) => d.path)).toContain(field);
}

describe('due dates', () => {
  it('stores an all-day date or a timed instant with its zone', async () => {
    const allDay = await create(alice, { title: 'Rent', dueDate: '2026-03-01' });
    expect(allDay).toMatchObject({
      dueDate: '2026-03-01',
      dueAt: null,
      timeZone: null,
      recurrence: null,
      reminders: [],
    });
    const timed = await create(alice, {
      title: 'Call',
      dueAt: '2026-03-01T09:00:00+01:00',
      timeZone: 'europe/paris',
    });
    expect(timed).toMatchObject({
      dueDate: null,
      dueAt: '2026-03-01T08:00:00.000Z',
      timeZone: 'Europe/Paris',
    });
    // A timed due without a zone keeps working (older clients): no zone recorded.
    const legacy = await create(alice, { title: 'Old client', dueAt: '2026-03-01T09:00:00Z' });
    expect(legacy).toMatchObject({ dueAt: '2026-03-01T09:00:00.000Z', timeZone: null });
  });

  it('refuses both kinds of due, a zone without a time, unknown zones and impossible dates', async () => {
    const path = `/api/${alice.id}/tasks`;
    await refused(
      alice,
      'POST',
      path,
      { title: 'x', dueDate: '2026-03-01', dueAt: '2026-03-01T09:00:00Z' },
      'dueDate',
    );
    await refused(
      alice,
      'POST',
      path,
      { title: 'x', dueDate: '2026-03-01', timeZone: 'Europe/Paris' },
      'timeZone',
    );
    await refused(
      alice,
      'POST',
      path,
      { title: 'x', dueAt: '2026-03-01T09:00:00Z', timeZone: 'Mars/Olympus' },
      'timeZone',
    );
    await refused(
      alice,
      'POST',
      path,
      { title: 'x', dueAt: '2026-03-01T09:00:00Z', timeZone: '+01:00' },
      'timeZone',
    );
    await refused(alice, 'POST', path, { title: 'x', dueDate: '2026-02-30' }, 'dueDate');
    await refused(alice, 'POST', path, { title: 'x', dueDate: '0000-01-01' }, 'dueDate');
    await refused(alice, 'POST', path, { title: 'x', dueDate: '10000-01-01' }, 'dueDate');
    const list = (await (await call(alice, 'GET', `${path}?q=x`)).json()) as TaskList;
    expect(list.items).toEqual([]);
  });

  it('a patch switches between all-day and timed, and keeps the rules', async () => {
    const task = await create(alice, { title: 'Switch', dueDate: '2026-04-01' });
    const path = `/api/${alice.id}/tasks/${task.id}`;
    const timed = (await (
      await call(alice, 'PATCH', path, { dueAt: '2026-04-01T10:00:00Z', timeZone: 'UTC' })
    ).json()) as Task;
    expect(timed).toMatchObject({ dueDate: null, dueAt: '2026-04-01T10:00:00.000Z', timeZone: 'UTC' });
    const back = (await (await call(alice, 'PATCH', path, { dueDate: '2026-04-02' })).json()) as Task;
    expect(back).toMatchObject({ dueDate: '2026-04-02', dueAt: null, timeZone: null });
    await refused(alice, 'PATCH', path, { timeZone: 'Europe/Paris' }, 'timeZone');
    await refused(alice, 'PATCH', path, { dueDate: '2026-04-02', dueAt: '2026-04-01T10:00:00Z' }, 'dueDate');
    await refused(alice, 'PATCH', path, { reminders: [{ beforeMinutes: 5 }] }, 'reminders');
    expect(await (await call(alice, 'GET', path)).json()).toEqual(back);
  });

  it("Today and Overdue follow the viewer's zone: all-day by date, timed by instant", async () => {
    const user = await signUp(test);
    // Viewer in Pacific/Auckland (UTC+13 in March): local 2026-03-10 is 2026-03-09T11:00Z .. 2026-03-10T11:00Z.
    const zone = 'Pacific/Auckland';
    const dayStart = '2026-03-09T11:00:00.000Z';
    const dayEnd = '2026-03-10T11:00:00.000Z';
    const now = '2026-03-09T20:00:00.000Z'; // 09:00 local on the 10th
    const today = await create(user, { title: 'today all-day', dueDate: '2026-03-10' });
    const yesterday = await create(user, { title: 'yesterday all-day', dueDate: '2026-03-09' });
    await create(user, { title: 'tomorrow all-day', dueDate: '2026-03-11' });
    const lateToday = await create(user, {
      title: 'timed later today',
      dueAt: '2026-03-10T08:00:00.000Z',
      timeZone: zone,
    });
    const earlyToday = await create(user, {
      title: 'timed earlier today',
      dueAt: '2026-03-09T12:00:00.000Z',
      timeZone: zone,
    });

    const base = `/api/${user.id}/tasks`;
    const ids = async (query: string) =>
      ((await (await call(user, 'GET', `${base}?${query}`)).json()) as TaskList).items
        .map((t) => t.title)
        .sort();
    const tz = `timeZone=${encodeURIComponent(zone)}`;
    expect(await ids(`status=active&dueFrom=${dayStart}&dueTo=${dayEnd}&${tz}`)).toEqual(
      [today, lateToday, earlyToday].map((t) => t.title).sort(),
    );
    expect(await ids(`status=active&dueTo=${now}&${tz}`)).toEqual(
      [earlyToday, yesterday].map((t) => t.title).sort(),
    );
    // In UTC the same instants cover other dates: 2026-03-09 is "today" there.
    expect(await ids(`status=active&dueFrom=2026-03-09T00:00:00Z&dueTo=2026-03-10T00:00:00Z`)).toEqual([
      'timed earlier today',
      'yesterday all-day',
    ]);

    const counts = (await (
      await call(user, 'GET', `${base}/counts?dayStart=${dayStart}&dayEnd=${dayEnd}&now=${now}&${tz}`)
    ).json()) as TaskCounts;
    expect(counts).toMatchObject({ all: 5, active: 5, dueToday: 3, overdue: 2 });
    await refused(
      user,
      'GET',
      `${base}/counts?dayStart=${dayStart}&dayEnd=${dayEnd}&timeZone=Nowhere`,
      undefined,
      'timeZone',
    );
  });

  it('sorts by due with all-day tasks first on their day', async () => {
    const user = await signUp(test);
    await create(user, { title: 'b timed', dueAt: '2026-05-02T08:00:00Z', timeZone: 'UTC' });
    await create(user, { title: 'c none' });
    await create(user, { title: 'a all-day', dueDate: '2026-05-02' });
    await create(user, { title: 'd earlier', dueDate: '2026-05-01' });
    const list = (await (
      await call(user, 'GET', `/api/${user.id}/tasks?sort=due&limit=2`)
    ).json()) as TaskList;
    expect(list.items.map((t) => t.title)).toEqual(['d earlier', 'a all-day']);
    const next = (await (
      await call(user, 'GET', `/api/${user.id}/tasks?sort=due&limit=2&cursor=${list.nextCursor}`)
    ).json()) as TaskList;
    expect(next.items.map((t) => t.title)).toEqual(['b timed', 'c none']);
  });
});
