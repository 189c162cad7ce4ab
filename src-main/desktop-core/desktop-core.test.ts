// The desktop shell's view of the core, on a real core: Today's count agrees with the API's counts, the next
// reminder is the account's own, changes are announced per account, and Complete / Snooze from a notification
// write like the API (live event, re-armed scheduler) and never touch another account's task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';
import { userClient } from '../testing/api-client.ts';
import type { Task } from '../../src-shared/task-schemas.ts';

const ZONE = 'Europe/Berlin';
let test: TestCore;
let alice: TestUser;
let bob: TestUser;
/** Alice's 'Ring' reminder, made by the first test. */
let ringAt = '';

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
  bob = await signUp(test, 'Bob');
});
afterAll(() => test.close());

const create = (user: TestUser, body: object) => userClient(test, user).json<Task>('POST', `/api/${user.id}/tasks`, body, 201);
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('desktop core', () => {
  it("counts Today as the API does, per account, and names the account's own next reminder", async () => {
    const now = new Date();
    const before = test.core.desktop.todayCount(alice.id, now, ZONE);
    await create(alice, { title: 'Overdue', dueAt: inMinutes(-120) });
    await create(alice, { title: 'Later', dueAt: inMinutes(24 * 60 * 3) });
    await create(bob, { title: 'Bob overdue', dueAt: inMinutes(-60), reminders: [{ at: inMinutes(5) }] });
    expect(test.core.desktop.todayCount(alice.id, now, ZONE)).toBe(before + 1);
    expect(test.core.desktop.todayCount(bob.id, now, ZONE)).toBe(1);

    expect(test.core.desktop.nextReminderAt(alice.id)).toBeNull(); // Bob's is not Alice's
    ringAt = inMinutes(30);
    await create(alice, { title: 'Ring', dueAt: inMinutes(60), reminders: [{ at: ringAt }] });
    expect(test.core.desktop.nextReminderAt(alice.id)).toBe(ringAt);
    expect(test.core.desktop.nextReminderAt(bob.id)).not.toBe(ringAt);
  });

  it('announces changes of one account to its listeners only', async () => {
    const seen: string[] = [];
    const stopAlice = test.core.desktop.onChange(alice.id, () => seen.push('alice'));
    const stopBob = test.core.desktop.onChange(bob.id, () => seen.push('bob'));
    await create(alice, { title: 'New' });
    expect(seen).toEqual(['alice']);
    stopAlice();
    await create(alice, { title: 'Unheard' });
    expect(seen).toEqual(['alice']);
    stopBob();
  });

  it("completes and snoozes the account's own task, announced like an API write, and refuses another's", async () => {
    const task = await create(alice, { title: 'Pay rent', dueDate: '2026-03-01', reminders: [{ at: inMinutes(10) }] });
    expect(test.core.desktop.nextReminderAt(alice.id)).toBe(task.reminders[0] && 'at' in task.reminders[0] ? task.reminders[0].at : null);
    const events: string[] = [];
    const stop = test.core.desktop.onChange(alice.id, () => events.push('changed'));

    await expect(test.core.desktop.complete(bob.id, task.id, { timeZone: ZONE })).resolves.toBe(false);
    await expect(test.core.desktop.snooze(bob.id, task.id, 10)).resolves.toBe(false);
    expect(events).toEqual([]);

    await expect(test.core.desktop.snooze(alice.id, task.id, 10)).resolves.toBe(true);
    const snoozed = await userClient(test, alice).json<Task>('GET', `/api/${alice.id}/tasks/${task.id}`, undefined, 200);
    const until = Date.parse(snoozed.snoozedUntil ?? '');
    expect(until - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    await expect(test.core.desktop.complete(alice.id, task.id, { timeZone: ZONE, occurrence: '2026-03-01' })).resolves.toBe(true);
    const done = await userClient(test, alice).json<Task>('GET', `/api/${alice.id}/tasks/${task.id}`, undefined, 200);
    expect(done.completed).toBe(true);
    expect(events).toEqual(['changed', 'changed']);
    // The completed task's reminder is disarmed: the next one is 'Ring' again.
    expect(test.core.desktop.nextReminderAt(alice.id)).toBe(ringAt);
    stop();
  });
});
