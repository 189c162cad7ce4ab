// Recurring tasks over real HTTP: rule checks, completing moves the same task, completions, undo, snooze routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionList } from '../../src-shared/schedule-schemas.ts';
import type { Task } from '../../src-shared/task-schemas.ts';
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

async function ok<T>(response: Response, status = 200): Promise<T> {
  const body = (await response.json()) as T;
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

const create = (user: TestUser, body: unknown) =>
  call(user, 'POST', `/api/${user.id}/tasks`, body).then((r) => ok<Task>(r, 201));

async function problem(response: Response): Promise<string[]> {
  expect(response.status).toBe(422);
  const { error } = (await response.json()) as {
    error: { code: string; details: { path: string; message: string }[] };
  };
  expect(error.code).toBe('VALIDATION_FAILED');
  return error.details.map((d) => `${d.path}: ${d.message}`);
}

describe('recurrence rules', () => {
  it('refuses invalid rules with the reason, and a rule without a due', async () => {
    const post = (recurrence: unknown, extra: object = { dueDate: '2026-03-02' }) =>
      call(alice, 'POST', `/api/${alice.id}/tasks`, { title: 'r', ...extra, recurrence });
    expect(await problem(await post({ rrule: 'FREQ=FORTNIGHTLY' }))).toEqual([
      expect.stringMatching(/^recurrence\.rrule: FREQ=FORTNIGHTLY is not supported/),
    ]);
    expect((await problem(await post({ rrule: 'FREQ=WEEKLY;BYDAY=XX' })))[0]).toMatch(/BYDAY/);
    expect((await problem(await post({ rrule: 'FREQ=DAILY;BYHOUR=9' })))[0]).toMatch(/due time/);
    expect((await problem(await post({ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' })))[0]).toMatch(
      /never matches/,
    );
    expect((await problem(await post({ rrule: 'FREQ=DAILY;COUNT=2;UNTIL=20270101' })))[0]).toMatch(
      /COUNT or UNTIL/,
    );
    expect((await problem(await post({ rrule: 'FREQ=DAILY', from: 'later' })))[0]).toMatch(
      /^recurrence\.from/,
    );
    expect(await problem(await post({ rrule: 'FREQ=DAILY' }, {}))).toEqual([
      'recurrence: A repeating task needs a due date or time.',
    ]);
    const fine = await create(alice, {
      title: 'ok',
      dueDate: '2026-03-02',
      recurrence: { rrule: 'rrule:freq=weekly;byday=mo,we' },
    });
    expect(fine.recurrence).toEqual({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', from: 'due' });
  });
});

describe('bounded rules (#16 item 1)', () => {
  const hostile = `FREQ=YEARLY;BYMONTH=12;BYYEARDAY=${Array.from({ length: 80 }, (_, i) => i + 1).join(',')}`;

  it('refuses a never-matching rule with COUNT, and checks the missing due with it', async () => {
    const post = (body: object) => call(alice, 'POST', `/api/${alice.id}/tasks`, { title: 'h', ...body });
    expect(
      await problem(await post({ dueDate: '2026-12-04', recurrence: { rrule: `${hostile};COUNT=5` } })),
    ).toEqual(['recurrence.rrule: The rule never matches a date (e.g. February 30).']);
    expect(await problem(await post({ recurrence: { rrule: hostile } }))).toEqual([
      'recurrence.rrule: The rule never matches a date (e.g. February 30).',
    ]);
  });

  it('answers 422 RECURRENCE_TOO_COMPLEX for a rule that cannot find its next date from the due in budget', async () => {
    // From 2026 every fourth year is a common year: February 29th never comes, which only expanding shows.
    const rrule = 'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29';
    const refused = await call(alice, 'POST', `/api/${alice.id}/tasks`, {
      title: 'leap',
      dueDate: '2026-12-04',
      recurrence: { rrule },
    });
    expect(refused.status).toBe(422);
    const { error } = (await refused.json()) as { error: { code: string; details: { path: string }[] } };
    expect(error.code).toBe('RECURRENCE_TOO_COMPLEX');
    expect(error.details.map((d) => d.path)).toEqual(['recurrence.rrule']);

    // From a leap day the rule works; moving the due off the cycle is refused and changes nothing.
    const task = await create(alice, { title: 'leap', dueDate: '2024-02-29', recurrence: { rrule } });
    const path = `/api/${alice.id}/tasks/${task.id}`;
    const patched = await call(alice, 'PATCH', path, { dueDate: '2026-12-04' });
    expect(patched.status).toBe(422);
    expect(((await patched.json()) as { error: { code: string } }).error.code).toBe('RECURRENCE_TOO_COMPLEX');
    expect((await ok<Task>(await call(alice, 'GET', path))).dueDate).toBe('2024-02-29');
    const done = await ok<Task>(await call(alice, 'PATCH', `${path}/complete`, { completed: true }));
    expect(done.dueDate).toBe('2028-02-29');
  });
});

describe('completing a recurring task', () => {
  it('is idempotent per occurrence: a double submit moves it once, a retry answers the task unchanged (#16 item 3)', async () => {
    const task = await create(alice, {
      title: 'Twice',
      dueDate: '2026-03-02',
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' },
    });
    const path = `/api/${alice.id}/tasks/${task.id}`;
    const body = { completed: true, occurrence: '2026-03-02' };
    const [a, b] = await Promise.all([
      call(alice, 'PATCH', `${path}/complete`, body),
      call(alice, 'PATCH', `${path}/complete`, body),
    ]);
    const answers = [await ok<Task>(a), await ok<Task>(b)];
    // Both 200 with the task at its next occurrence: the series (COUNT=2) did not end on the double submit.
    for (const answer of answers) expect(answer).toMatchObject({ completed: false, dueDate: '2026-03-09' });
    const completions = await ok<CompletionList>(await call(alice, 'GET', `${path}/completions`));
    expect(completions.items.map((c) => c.dueDate)).toEqual(['2026-03-02']);

    // A retry later changes nothing; completing the occurrence the task is at now ends the series.
    const retry = await ok<Task>(await call(alice, 'PATCH', `${path}/complete`, body));
    expect(retry).toEqual(answers[0]!.updatedAt > answers[1]!.updatedAt ? answers[0] : answers[1]);
    const last = await ok<Task>(
      await call(alice, 'PATCH', `${path}/complete`, { completed: true, occurrence: '2026-03-09' }),
    );
    expect(last).toMatchObject({ completed: true, dueDate: '2026-03-09' });
    const again = await ok<Task>(
      await call(alice, 'PATCH', `${path}/complete`, { completed: true, occurrence: '2026-03-09' }),
    );
    expect(again).toEqual(last);

    // A timed task's occurrence is an instant, in any offset.
    const timed = await create(alice, {
      title: 'Timed',
      dueAt: '2026-03-23T09:00:00+01:00',
      timeZone: 'Europe/Paris',
      recurrence: { rrule: 'FREQ=DAILY' },
    });
    const timedPath = `/api/${alice.id}/tasks/${timed.id}/complete`;
    const moved = await ok<Task>(
      await call(alice, 'PATCH', timedPath, { completed: true, occurrence: '2026-03-23T08:00:00Z' }),
    );
    expect(moved.dueAt).toBe('2026-03-24T08:00:00.000Z');
    const stale = await ok<Task>(
      await call(alice, 'PATCH', timedPath, { completed: true, occurrence: '2026-03-23T09:00:00+01:00' }),
    );
    expect(stale).toEqual(moved);
  });

  it('keeps the same task open at its next occurrence, records the completion, and undo restores it exactly', async () => {
    const task = await create(alice, {
      title: 'Water plants',
      dueAt: '2026-03-23T09:00:00+01:00',
      timeZone: 'Europe/Paris',
      recurrence: { rrule: 'FREQ=WEEKLY', from: 'due' },
      reminders: [{ beforeMinutes: 10 }],
    });
    const path = `/api/${alice.id}/tasks/${task.id}`;
    const moved = await ok<Task>(await call(alice, 'PATCH', `${path}/complete`, { completed: true }));
    // Across the DST change: still 09:00 in Paris (07:00Z instead of 08:00Z).
    expect(moved).toMatchObject({
      id: task.id,
      completed: false,
      completedAt: null,
      dueAt: '2026-03-30T07:00:00.000Z',
    });
    const twice = await ok<Task>(await call(alice, 'PATCH', `${path}/complete`));
    expect(twice.dueAt).toBe('2026-04-06T07:00:00.000Z');

    const completions = await ok<CompletionList>(await call(alice, 'GET', `${path}/completions`));
    expect(completions.items.map((c) => c.dueAt)).toEqual([
      '2026-03-30T07:00:00.000Z',
      '2026-03-23T08:00:00.000Z',
    ]);
    expect(completions.items[0]).toMatchObject({
      dueDate: null,
      timeZone: 'Europe/Paris',
    });
    expect(typeof completions.items[0]?.completedAt).toBe('string');

    const undone = await ok<Task>(await call(alice, 'PATCH', `${path}/complete`, { completed: false }));
    expect(undone).toEqual({ ...moved, updatedAt: undone.updatedAt });
    expect((await ok<CompletionList>(await call(alice, 'GET', `${path}/completions`))).items).toHaveLength(1);
    // Un-completing an open task that was edited since is not an undo: nothing moves.
    await ok<Task>(await call(alice, 'PATCH', path, { dueAt: '2026-05-01T07:00:00Z' }));
    const noop = await ok<Task>(await call(alice, 'PATCH', `${path}/complete`, { completed: false }));
    expect(noop.dueAt).toBe('2026-05-01T07:00:00.000Z');
  });

  it('reopens its subtasks for the next occurrence, and undo puts them back as they were', async () => {
    const parent = await create(alice, {
      title: 'Weekly review',
      dueDate: '2026-03-02',
      recurrence: { rrule: 'FREQ=WEEKLY' },
    });
    const sub = (title: string) => create(alice, { title, parentId: parent.id });
    const [inbox, notes] = [await sub('Empty inbox'), await sub('Write notes')];
    const grandchild = await create(alice, { title: 'File receipts', parentId: inbox.id });
    for (const t of [inbox, grandchild])
      await ok<Task>(
        await call(alice, 'PATCH', `/api/${alice.id}/tasks/${t.id}/complete`, { completed: true }),
      );
    const before = await Promise.all(
      [inbox, notes, grandchild].map(async (t) =>
        ok<Task>(await call(alice, 'GET', `/api/${alice.id}/tasks/${t.id}`)),
      ),
    );

    const path = `/api/${alice.id}/tasks/${parent.id}`;
    expect(await ok<Task>(await call(alice, 'PATCH', `${path}/complete`))).toMatchObject({
      completed: false,
      dueDate: '2026-03-09',
    });
    for (const t of [inbox, notes, grandchild]) {
      expect(await ok<Task>(await call(alice, 'GET', `/api/${alice.id}/tasks/${t.id}`))).toMatchObject({
        completed: false,
      });
    }
    await ok<Task>(await call(alice, 'PATCH', `${path}/complete`, { completed: false }));
    const after = await Promise.all(
      [inbox, notes, grandchild].map(async (t) =>
        ok<Task>(await call(alice, 'GET', `/api/${alice.id}/tasks/${t.id}`)),
      ),
    );
    expect(after.map((t) => [t.completed, t.completedAt])).toEqual(
      before.map((t) => [t.completed, t.completedAt]),
    );
  });

  it('completes for good when the rule has no next occurrence, and undo reopens it', async () => {
    const task = await create(alice, {
      title: 'Twice',
      dueDate: '2026-03-01',
      recurrence: { rrule: 'FREQ=DAILY;COUNT=2' },
    });
    const path = `/api/${alice.id}/tasks/${task.id}`;
    expect(await ok<Task>(await call(alice, 'PATCH', `${path}/complete`))).toMatchObject({
      completed: false,
      dueDate: '2026-03-02',
    });
    const done = await ok<Task>(await call(alice, 'PATCH', path, { completed: true }));
    expect(done).toMatchObject({ completed: true, dueDate: '2026-03-02' });
    expect((await ok<CompletionList>(await call(alice, 'GET', `${path}/completions`))).items).toHaveLength(2);
    const reopened = await ok<Task>(await call(alice, 'PATCH', `${path}/complete`, { completed: false }));
    expect(reopened).toMatchObject({ completed: false, completedAt: null, dueDate: '2026-03-02' });
    // COUNT progress was restored too: the last occurrence completes for good again.
    expect(await ok<Task>(await call(alice, 'PATCH', `${path}/complete`))).toMatchObject({ completed: true });
  });

  it("repeats from completion in the client's zone", async () => {
    const task = await create(alice, {
      title: 'Every 3 days after completion',
      dueDate: '2020-01-01',
      recurrence: { rrule: 'FREQ=DAILY;INTERVAL=3', from: 'completion' },
    });
    const moved = await ok<Task>(
      await call(alice, 'PATCH', `/api/${alice.id}/tasks/${task.id}/complete`, {
        completed: true,
        timeZone: 'Pacific/Kiritimati',
      }),
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    const expected = new Date(`${today}T00:00:00Z`);
    expected.setUTCDate(expected.getUTCDate() + 3);
    expect(moved.dueDate).toBe(expected.toISOString().slice(0, 10));
    await problem(
      await call(alice, 'PATCH', `/api/${alice.id}/tasks/${task.id}/complete`, { timeZone: 'Nowhere/Here' }),
    );
  });

  it("is one user's only: completions and snooze of another user's task are 404, another path 403", async () => {
    const task = await create(alice, {
      title: 'Mine',
      dueDate: '2026-03-01',
      recurrence: { rrule: 'FREQ=DAILY' },
    });
    for (const [method, suffix, body] of [
      ['GET', 'completions', undefined],
      ['POST', 'snooze', { minutes: 10 }],
      ['DELETE', 'snooze', undefined],
    ] as const) {
      expect((await call(bob, method, `/api/${bob.id}/tasks/${task.id}/${suffix}`, body)).status).toBe(404);
      expect((await call(bob, method, `/api/${alice.id}/tasks/${task.id}/${suffix}`, body)).status).toBe(403);
    }
  });
});

describe('snooze', () => {
  it('sets and clears snoozedUntil, and refuses bad input', async () => {
    const task = await create(alice, {
      title: 'Snooze me',
      dueAt: '2026-03-01T09:00:00Z',
      reminders: [{ beforeMinutes: 0 }],
    });
    const path = `/api/${alice.id}/tasks/${task.id}/snooze`;
    const until = await ok<Task>(await call(alice, 'POST', path, { until: '2026-03-02T08:00:00+01:00' }));
    expect(until.snoozedUntil).toBe('2026-03-02T07:00:00.000Z');
    const before = Date.now();
    const minutes = await ok<Task>(await call(alice, 'POST', path, { minutes: 60 }));
    expect(Date.parse(minutes.snoozedUntil!)).toBeGreaterThanOrEqual(before + 60 * 60_000);
    expect((await ok<Task>(await call(alice, 'DELETE', path))).snoozedUntil).toBeNull();
    await problem(await call(alice, 'POST', path, { minutes: 0 }));
    await problem(await call(alice, 'POST', path, { minutes: 10, until: '2026-03-02T08:00:00Z' }));
    await problem(await call(alice, 'POST', path, { until: '10000-01-01T00:00:00Z' }));
    expect((await call(alice, 'POST', path, undefined)).status).toBe(400);
  });
});

describe('reminders', () => {
  it('accepts up to 10, refuses an 11th, out-of-range minutes and unknown shapes', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ beforeMinutes: i * 5 }));
    const task = await create(alice, { title: 'Ten', dueAt: '2026-03-01T09:00:00Z', reminders: ten });
    expect(task.reminders).toEqual(ten);
    const path = `/api/${alice.id}/tasks/${task.id}`;
    await problem(await call(alice, 'PATCH', path, { reminders: [...ten, { beforeMinutes: 60 }] }));
    await problem(await call(alice, 'PATCH', path, { reminders: [{ beforeMinutes: 40_321 }] }));
    await problem(await call(alice, 'PATCH', path, { reminders: [{ beforeMinutes: -1 }] }));
    await problem(
      await call(alice, 'PATCH', path, { reminders: [{ at: '2026-03-01T08:00:00Z', beforeMinutes: 5 }] }),
    );
    await problem(await call(alice, 'PATCH', path, { reminders: [{ at: 'tomorrow' }] }));
    const mixed = await ok<Task>(
      await call(alice, 'PATCH', path, {
        reminders: [{ at: '2026-03-01T08:00:00+01:00' }, { beforeMinutes: 40_320 }],
      }),
    );
    expect(mixed.reminders).toEqual([{ at: '2026-03-01T07:00:00.000Z' }, { beforeMinutes: 40_320 }]);
  });
});
