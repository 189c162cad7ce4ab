// Imports do not replay old reminders (issue 16 item 4): a reminder whose time passed before the import is stored
// as delivered, whatever the format; a later one still fires. The review's case: 2,000 tasks x 10 past reminders
// gave 20,000 deliveries in the importing account.
import { generateNKeysBetween } from 'fractional-indexing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src-shared/export-schema.ts';
import type { ImportResult } from '../../src-shared/import-schemas.ts';
import type { Task } from '../../src-shared/task-schemas.ts';
import type { DueReminder, MissedReminders } from '../schedule/reminder-events.ts';
import { FakeClock } from '../schedule/scheduler-clock.ts';
import { callAs, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

const MIN = 60_000;
let test: TestCore;
let clock: FakeClock;
let alice: TestUser;
let due: DueReminder[] = [];
let missed: MissedReminders[] = [];

async function ok<T>(pending: Promise<Response>, status = 200): Promise<T> {
  const response = await pending;
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const iso = (ms: number) => new Date(ms).toISOString();
const dueFor = (user: TestUser) => due.filter((r) => r.userId === user.id);

// A core per test: the scheduler's clock starts at the real time (the import judges "passed" by the real clock)
// and each test moves it on by hand.
beforeEach(async () => {
  due = [];
  missed = [];
  clock = new FakeClock(Date.now());
  test = await startTestCore({ schedulerClock: clock });
  test.core.reminders.subscribe({ due: (list) => due.push(...list), missed: (list) => missed.push(...list) });
  alice = await signUp(test, 'Alice');
  const now = clock.now();
  // Past reminders of every kind: at an instant, and before a timed due that has passed.
  await ok<Task>(
    callAs(test, alice, 'POST', `/api/${alice.id}/tasks`, {
      title: 'Old news',
      reminders: [{ at: iso(now - 3 * 60 * MIN) }, { at: iso(now - 5 * MIN) }],
    }),
    201,
  );
  await ok<Task>(
    callAs(test, alice, 'POST', `/api/${alice.id}/tasks`, {
      title: 'Yesterday',
      dueAt: iso(now - 24 * 60 * MIN),
      reminders: [{ beforeMinutes: 30 }, { beforeMinutes: 0 }],
    }),
    201,
  );
  await ok<Task>(
    callAs(test, alice, 'POST', `/api/${alice.id}/tasks`, {
      title: 'Coming up',
      reminders: [{ at: iso(now - 10 * MIN) }, { at: iso(now + 60 * MIN) }],
    }),
    201,
  );
  await test.core.reminders.check();
  expect(dueFor(alice)).toHaveLength(5); // they fired in Alice's account, once
}, 60_000);

afterEach(async () => {
  await test?.close();
});

describe('importing past reminders', () => {
  it('JSON v2 from another account: the past ones arrive delivered, the future one still fires', async () => {
    const bob = await signUp(test, 'Bob');
    const file = await ok<ExportFile>(callAs(test, alice, 'GET', `/api/${alice.id}/export`));
    const result = await ok<ImportResult>(
      callAs(test, bob, 'POST', `/api/${bob.id}/import?fromUser=${alice.id}`, file),
    );
    expect(result.imported).toBe(3);
    expect(missed).toEqual([]);
    await test.core.reminders.check(); // what a resume would do
    expect(dueFor(bob)).toEqual([]);
    await clock.advance(61 * MIN);
    expect(dueFor(bob).map((r) => r.title)).toEqual(['Coming up']);
    expect(dueFor(alice).map((r) => r.title)).toContain('Coming up'); // Alice's own still fires too
  });

  it('iCalendar from another account: the same', async () => {
    const carol = await signUp(test, 'Carol');
    const ics = await (await callAs(test, alice, 'GET', `/api/${alice.id}/export?format=ical`)).text();
    expect(ics).toContain('BEGIN:VALARM');
    const response = await test.api(`/api/${carol.id}/import?format=ical`, {
      method: 'POST',
      headers: { ...carol.headers, 'Content-Type': 'text/calendar' },
      body: ics,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as ImportResult).imported).toBe(3);
    await test.core.reminders.check();
    expect(dueFor(carol)).toEqual([]);
    await clock.advance(61 * MIN);
    expect(dueFor(carol).map((r) => r.title)).toEqual(['Coming up']);
  });

  it('2,000 tasks x 10 past reminders: no deliveries (was 20,000); 10 future ones still fire', async () => {
    const dave = await signUp(test, 'Dave');
    const now = Date.now();
    const past = Array.from({ length: 10 }, (_, i) => ({ at: iso(now - (i + 1) * 60 * MIN) }));
    const future = iso(clock.now() + 30 * MIN);
    const inbox = 'inbox';
    const positions = generateNKeysBetween(null, null, 2_000);
    const file = {
      format: 'tasks-desktop.export',
      version: 2,
      exportedAt: iso(now),
      userId: dave.id,
      lists: [{ id: inbox, name: 'Inbox', color: null, position: 'a0', isInbox: true }],
      tasks: Array.from({ length: 2_000 }, (_, i) => ({
        id: `t${i}`,
        title: `Task ${i}`,
        listId: inbox,
        parentId: null,
        position: positions[i]!,
        reminders: i < 10 ? [...past.slice(0, 9), { at: future }] : past,
        completedAt: null,
        createdAt: iso(now - 48 * 60 * MIN),
        updatedAt: iso(now - 48 * 60 * MIN),
      })),
    };
    const result = await ok<ImportResult>(callAs(test, dave, 'POST', `/api/${dave.id}/import`, file));
    expect(result).toMatchObject({ imported: 2_000, skipped: [] });
    await test.core.reminders.check();
    expect(dueFor(dave)).toHaveLength(0);
    await clock.advance(31 * MIN);
    expect(dueFor(dave)).toHaveLength(10);
    expect(new Set(dueFor(dave).map((r) => r.fireAt))).toEqual(new Set([future]));
  }, 60_000);
});
