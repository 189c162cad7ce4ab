// The quick-add routes over real HTTP: parse (no writes) and create, validation, isolation, scopes, fuzzing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuickAddParsed } from '../../src-shared/quick-add/quick-add-schemas.ts';
import type { Task, TaskList } from '../../src-shared/task-schemas.ts';
import type { TokenCreated } from '../../src-shared/token-schemas.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
  bob = await signUp(test, 'Bob');
});
afterAll(() => test.close());

const NOW = '2026-11-30T05:45:00+01:00';
const call = (user: TestUser, path: string, body: unknown, headers: Record<string, string> = user.headers) =>
  test.api(`/api/${user.id}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function errorOf(response: Response): Promise<{ status: number; code?: string; paths?: string[] }> {
  const body = (await response.json()) as { error?: { code: string; details?: { path: string }[] } };
  return { status: response.status, code: body.error?.code, paths: body.error?.details?.map((d) => d.path) };
}

async function taskCount(user: TestUser): Promise<number> {
  const response = await test.api(`/api/${user.id}/tasks?limit=200`, { headers: user.headers });
  return ((await response.json()) as TaskList).items.length;
}

describe('POST /api/{userId}/quick-add/parse', () => {
  it('says what each part became, in the client zone, and writes nothing', async () => {
    const before = await taskCount(alice);
    const response = await call(alice, '/quick-add/parse', {
      text: 'Pay rent tomorrow 9am !high @bills',
      timeZone: 'Europe/Paris',
      now: NOW,
    });
    expect(response.status).toBe(200);
    const { parsed } = (await response.json()) as { parsed: QuickAddParsed };
    expect(parsed).toMatchObject({
      title: 'Pay rent',
      dueAt: '2026-12-01T09:00:00+01:00',
      dueDate: null,
      timeZone: 'Europe/Paris',
      priority: 'high',
      tags: ['bills'],
      warnings: [],
    });
    expect(parsed.spans.map((s) => [s.kind, s.start, s.end])).toEqual([
      ['date', 9, 21],
      ['priority', 22, 27],
      ['tag', 28, 34],
    ]);
    expect(await taskCount(alice)).toBe(before);
  });

  it("reads dates from the server's clock without now", async () => {
    const days = [new Date().toISOString().slice(0, 10)];
    const response = await call(alice, '/quick-add/parse', { text: 'Call today', timeZone: 'UTC' });
    days.push(new Date().toISOString().slice(0, 10));
    const { parsed } = (await response.json()) as { parsed: QuickAddParsed };
    expect(days).toContain(parsed.dueDate);
  });

  it('reports an unknown #list as a warning and keeps it in the title', async () => {
    const response = await call(alice, '/quick-add/parse', {
      text: 'Fix sink #nowhere',
      timeZone: 'UTC',
      now: NOW,
    });
    const { parsed } = (await response.json()) as { parsed: QuickAddParsed };
    expect(parsed.title).toBe('Fix sink #nowhere');
    expect(parsed.list).toBeNull();
    expect(parsed.warnings).toEqual([expect.objectContaining({ code: 'UNKNOWN_LIST', start: 9, end: 17 })]);
  });
});

describe('POST /api/{userId}/tasks/quick-add', () => {
  it('creates the task the text describes and returns it with parsed', async () => {
    const response = await call(alice, '/tasks/quick-add', {
      text: 'Pay rent tomorrow 9am !high',
      timeZone: 'Europe/Paris',
      now: NOW,
    });
    expect(response.status).toBe(201);
    const { task, parsed } = (await response.json()) as { task: Task; parsed: QuickAddParsed };
    expect(task).toMatchObject({
      userId: alice.id,
      title: 'Pay rent',
      priority: 'high',
      dueAt: '2026-12-01T08:00:00.000Z',
      completed: false,
    });
    expect(parsed.title).toBe('Pay rent');
    const read = await test.api(`/api/${alice.id}/tasks/${task.id}`, { headers: alice.headers });
    expect(await read.json()).toEqual(task);
  });

  it('stores all-day dues, time zones, repeat rules and reminders', async () => {
    const cases: Array<[string, Partial<Task>]> = [
      ['Essay start fri due dec 10', { title: 'Essay', startDate: '2026-12-04', dueDate: '2026-12-10' }],
      [
        'Water plants every! 3 days',
        {
          title: 'Water plants',
          dueDate: '2026-11-30',
          dueAt: null,
          timeZone: null,
          recurrence: { rrule: 'FREQ=DAILY;INTERVAL=3', from: 'completion' },
        },
      ],
      [
        'Dentist tomorrow 3pm remind 30m before',
        {
          title: 'Dentist',
          dueDate: null,
          dueAt: '2026-12-01T14:00:00.000Z',
          timeZone: 'Europe/Paris',
          reminders: [{ beforeMinutes: 30 }],
        },
      ],
      [
        'Gym every mon, wed at 9am',
        {
          title: 'Gym',
          dueAt: '2026-11-30T08:00:00.000Z',
          timeZone: 'Europe/Paris',
          recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', from: 'due' },
        },
      ],
      [
        'Send invoice tomorrow remind 8am',
        { title: 'Send invoice', dueDate: '2026-12-01', reminders: [{ at: '2026-12-01T07:00:00.000Z' }] },
      ],
    ];
    for (const [text, fields] of cases) {
      const response = await call(alice, '/tasks/quick-add', { text, timeZone: 'Europe/Paris', now: NOW });
      expect(response.status, text).toBe(201);
      const { task } = (await response.json()) as { task: Task };
      expect(task, text).toMatchObject(fields);
    }
  });

  it("files the task in the #list named (the account's, ignoring case) with its @tags", async () => {
    const made = await test.api(`/api/${alice.id}/lists`, {
      method: 'POST',
      headers: alice.headers,
      body: JSON.stringify({ name: 'Side project' }),
    });
    const list = (await made.json()) as { id: string };
    const response = await call(alice, '/tasks/quick-add', {
      text: 'Sketch logo #"side PROJECT" @design @Design',
      timeZone: 'UTC',
      now: NOW,
    });
    const { task, parsed } = (await response.json()) as { task: Task; parsed: QuickAddParsed };
    expect(parsed.list).toEqual({ name: 'Side project', id: list.id });
    expect(task).toMatchObject({ title: 'Sketch logo', listId: list.id, tags: ['design'] });
    // Bob has no such list: for him it stays text, and his task goes to his Inbox.
    const bobs = await call(bob, '/tasks/quick-add', {
      text: 'Sketch logo #"side project"',
      timeZone: 'UTC',
      now: NOW,
    });
    const mine = (await bobs.json()) as { task: Task; parsed: QuickAddParsed };
    expect(mine.task.title).toBe('Sketch logo #side project');
    expect(mine.task.listId).not.toBe(list.id);
    expect(mine.parsed.warnings.map((w) => w.code)).toEqual(['UNKNOWN_LIST']);
  });

  it('keeps quoted words and plain-text phrases in the title', async () => {
    const response = await call(alice, '/tasks/quick-add', {
      text: 'Call May about the 3 reports "tomorrow"',
      timeZone: 'UTC',
      now: NOW,
    });
    const { task } = (await response.json()) as { task: Task };
    expect(task).toMatchObject({
      title: 'Call May about the 3 reports tomorrow',
      dueAt: null,
      priority: 'none',
    });
  });

  it('refuses text that leaves no title (422 on "text"), creating nothing', async () => {
    const before = await taskCount(alice);
    const response = await call(alice, '/tasks/quick-add', {
      text: 'tomorrow 9am !high',
      timeZone: 'UTC',
      now: NOW,
    });
    expect(await errorOf(response)).toEqual({ status: 422, code: 'VALIDATION_FAILED', paths: ['text'] });
    expect(await taskCount(alice)).toBe(before);
  });
});

describe('quick-add input rules', () => {
  const bad: Array<[string, unknown, string[]]> = [
    ['no timeZone', { text: 'x' }, ['timeZone']],
    ['unknown timeZone', { text: 'x', timeZone: 'Mars/Olympus' }, ['timeZone']],
    ['empty text', { text: '   ', timeZone: 'UTC' }, ['text']],
    ['text too long', { text: 'x'.repeat(1001), timeZone: 'UTC' }, ['text']],
    ['now without offset', { text: 'x', timeZone: 'UTC', now: '2026-11-30T05:45:00' }, ['now']],
    ['now not a date', { text: 'x', timeZone: 'UTC', now: 'tomorrow' }, ['now']],
    ['an unknown field', { text: 'x', timeZone: 'UTC', listId: 'l1' }, ['']],
    ['text not a string', { text: 42, timeZone: 'UTC' }, ['text']],
  ];
  it.each(bad)('%s is a 422 on both routes and changes nothing', async (_name, body, paths) => {
    const before = await taskCount(alice);
    for (const path of ['/quick-add/parse', '/tasks/quick-add']) {
      expect(await errorOf(await call(alice, path, body))).toEqual({
        status: 422,
        code: 'VALIDATION_FAILED',
        paths,
      });
    }
    expect(await taskCount(alice)).toBe(before);
  });

  it('answers 400 to malformed JSON and 415 to other media types', async () => {
    for (const path of ['/quick-add/parse', '/tasks/quick-add']) {
      expect((await errorOf(await call(alice, path, '{"text":'))).code).toBe('MALFORMED_JSON');
      const plain = { Authorization: alice.headers.Authorization!, 'Content-Type': 'text/plain' };
      expect((await errorOf(await call(alice, path, 'buy milk', plain))).status).toBe(415);
    }
  });
});

describe('quick-add isolation and credentials', () => {
  it("refuses another user's path (403) and a missing token (401)", async () => {
    const bobTasksBefore = await taskCount(bob);
    for (const path of ['/quick-add/parse', '/tasks/quick-add']) {
      const body = JSON.stringify({ text: 'x tomorrow', timeZone: 'UTC' });
      const other = await test.api(`/api/${bob.id}${path}`, { method: 'POST', headers: alice.headers, body });
      expect(await errorOf(other)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      const anonymous = await test.api(`/api/${alice.id}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(await errorOf(anonymous)).toMatchObject({ status: 401, code: 'AUTH_MISSING' });
    }
    expect(await taskCount(bob)).toBe(bobTasksBefore);
  });

  it('lets a read-only personal access token parse but not create', async () => {
    const made = await test.api(`/api/${alice.id}/tokens`, {
      method: 'POST',
      headers: alice.headers,
      body: JSON.stringify({ name: 'preview', scopes: ['tasks:read'], expiresInDays: 1 }),
    });
    const { token } = (await made.json()) as TokenCreated;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const body = { text: 'x tomorrow', timeZone: 'UTC' };
    expect((await call(alice, '/quick-add/parse', body, headers)).status).toBe(200);
    expect(await errorOf(await call(alice, '/tasks/quick-add', body, headers))).toMatchObject({
      status: 403,
      code: 'INSUFFICIENT_SCOPE',
    });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await test.api('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/{userId}/quick-add/parse', '/api/{userId}/tasks/quick-add']),
    );
  });
});

describe('quick-add fuzzing', () => {
  it('never answers 5xx, whatever the body', async () => {
    const word = fc.constantFrom(
      'tomorrow',
      '9am',
      'every!',
      'every',
      '2',
      'weeks',
      '#',
      '#x',
      '@',
      '"',
      '\u201c',
      'remind',
      '30m',
      'before',
      '5/12',
      'p1',
      '!high',
      'at',
      '5',
      'on',
      'the',
      '31st',
      'feb',
      '29',
      '\u0000',
      '\ud800',
      'x'.repeat(300),
    );
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.array(word, { maxLength: 12 }).map((w) => w.join(' ')),
    );
    const zone = fc.oneof(
      fc.constantFrom('UTC', 'Europe/Paris', 'Pacific/Kiritimati', 'America/St_Johns', 'Etc/GMT+12', ''),
      fc.string({ maxLength: 20 }),
    );
    const now = fc.oneof(
      fc.constant(undefined),
      fc
        .date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString()),
      fc.string({ maxLength: 30 }),
    );
    const body = fc.oneof(
      fc.record({ text, timeZone: zone, now }, { requiredKeys: ['text', 'timeZone'] }),
      fc.anything({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (b, create) => {
        const response = await call(
          alice,
          create ? '/tasks/quick-add' : '/quick-add/parse',
          JSON.stringify(b === undefined ? null : b),
        );
        expect(response.status, `${JSON.stringify(b)} -> ${await response.clone().text()}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
