// The iCalendar export over HTTP (GET /api/{userId}/export?format=ical[&listId=ID]) and its round trip: export ->
// format=ical import into another account gives the same lists, tasks, nesting, order, tags and schedule.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src-shared/import-schemas.ts';
import type { List } from '../../src-shared/list-schemas.ts';
import type { Task } from '../../src-shared/task-schemas.ts';
import { callAs, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let work: List;

async function json<T>(
  user: TestUser,
  method: string,
  path: string,
  body: unknown,
  status: number,
): Promise<T> {
  const response = await callAs(test, user, method, `/api/${user.id}${path}`, body);
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBe(status);
  return (await response.json()) as T;
}

const exportIcal = (user: TestUser, query = '', headers = user.headers) =>
  test.api(`/api/${user.id}/export?format=ical${query}`, { headers });

async function importIcal(user: TestUser, text: string): Promise<ImportResult> {
  const response = await test.api(`/api/${user.id}/import?format=ical`, {
    method: 'POST',
    headers: { ...user.headers, 'Content-Type': 'text/calendar' },
    body: text,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ImportResult;
}

async function allTasks(user: TestUser): Promise<Task[]> {
  return (await json<{ items: Task[] }>(user, 'GET', '/tasks?limit=200', undefined, 200)).items;
}

async function listNames(user: TestUser): Promise<Map<string, string>> {
  const lists = await json<{ items: List[] }>(user, 'GET', '/lists', undefined, 200);
  return new Map(lists.items.map((l) => [l.id, l.name]));
}

/** iCalendar times have whole seconds: the app's milliseconds do not travel. */
const seconds = (instant: string | null) => (instant === null ? null : `${instant.slice(0, 19)}.000Z`);

/** Each task as the user sees it, by title: list name, parent's title, rank among siblings, and its fields. */
async function view(user: TestUser) {
  const tasks = await allTasks(user);
  const names = await listNames(user);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const siblings = (t: Task) =>
    tasks
      .filter((s) => s.listId === t.listId && s.parentId === t.parentId)
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1));
  return Object.fromEntries(
    tasks.map((t) => [
      t.title,
      {
        list: names.get(t.listId),
        parent: t.parentId === null ? null : byId.get(t.parentId)?.title,
        rank: siblings(t).indexOf(t),
        description: t.description,
        priority: t.priority,
        completed: t.completed,
        completedAt: seconds(t.completedAt),
        dueDate: t.dueDate,
        dueAt: t.dueAt,
        timeZone: t.timeZone,
        startDate: t.startDate,
        recurrence: t.recurrence,
        reminders: t.reminders,
        tags: t.tags,
        createdAt: seconds(t.createdAt),
      },
    ]),
  );
}

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
  bob = await signUp(test, 'Bob');
  carol = await signUp(test, 'Carol');
  work = await json<List>(alice, 'POST', '/lists', { name: 'Work' }, 201);
  const home = await json<List>(alice, 'POST', '/lists', { name: 'Home, garden' }, 201);
  const report = await json<Task>(
    alice,
    'POST',
    '/tasks',
    {
      title: 'Quarterly report',
      description: 'Numbers, then outlook;\nsecond line',
      priority: 'high',
      listId: work.id,
      dueAt: '2026-12-10T16:00:00.000Z',
      timeZone: 'Europe/Berlin',
      startDate: '2026-12-07',
      reminders: [{ beforeMinutes: 30 }, { at: '2026-12-09T08:00:00.000Z' }],
      tags: ['q4', 'work'],
    },
    201,
  );
  await json<Task>(
    alice,
    'POST',
    '/tasks',
    { title: 'Collect figures', parentId: report.id, dueDate: '2026-12-08' },
    201,
  );
  await json<Task>(
    alice,
    'POST',
    '/tasks',
    { title: 'Draft slides', parentId: report.id, priority: 'low' },
    201,
  );
  const standup = await json<Task>(
    alice,
    'POST',
    '/tasks',
    {
      title: 'Standup',
      listId: work.id,
      dueAt: '2026-12-07T17:30:00.000Z',
      timeZone: 'Pacific/Auckland',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', from: 'due' },
    },
    201,
  );
  // One occurrence done: the series moves on and keeps the completion.
  await json<Task>(alice, 'PATCH', `/tasks/${standup.id}/complete`, { completed: true }, 200);
  // Standup was created last (first in the list); move it after the report.
  await json<Task>(alice, 'POST', `/tasks/${standup.id}/move`, { afterId: report.id }, 200);
  await json<Task>(
    alice,
    'POST',
    '/tasks',
    {
      title: 'Water the plants',
      listId: home.id,
      dueDate: '2026-12-05',
      recurrence: { rrule: 'FREQ=DAILY', from: 'completion' },
    },
    201,
  );
  await json<Task>(
    alice,
    'POST',
    '/tasks',
    { title: 'Call plumber', listId: home.id, completed: true, priority: 'medium' },
    201,
  );
  await json<Task>(
    alice,
    'POST',
    '/tasks',
    { title: 'Inbox thought', dueAt: '2026-12-06T07:00:00.000Z' },
    201,
  );
});
afterAll(async () => {
  await test.close();
});

describe('GET /export?format=ical', () => {
  it('answers one list as text/calendar, named after it', async () => {
    const response = await exportIcal(alice, `&listId=${work.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="tasks-\d{4}-\d{2}-\d{2}\.ics"$/,
    );
    const text = await response.text();
    expect(text.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
    expect(text).toContain('X-WR-CALNAME:Work\r\n');
    // Four tasks, and Standup's past completion as a completed RECURRENCE-ID occurrence.
    expect(text.match(/BEGIN:VTODO/g)).toHaveLength(5);
    expect(text.match(/RECURRENCE-ID;TZID=Pacific\/Auckland:/g)).toHaveLength(1);
    expect(text).not.toContain('Water the plants');
    const [task] = await allTasks(alice).then((t) => t.filter((x) => x.title === 'Quarterly report'));
    expect(text).toContain(`UID:${task!.id}\r\n`);
    expect(text).toContain('DUE;TZID=Europe/Berlin:20261210T170000\r\n');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n');
  });

  it('round-trips every list through format=ical into another account', async () => {
    const text = await (await exportIcal(alice)).text();
    expect(text).not.toContain('X-WR-CALNAME');
    const result = await importIcal(bob, text);
    expect(result).toMatchObject({ imported: 7, skipped: [], dryRun: false });
    expect(result.lists.map((l) => [l.name, l.created, l.imported]).sort()).toEqual([
      ['Home, garden', true, 2],
      ['Inbox', false, 1],
      ['Work', true, 4],
    ]);
    expect(await view(bob)).toEqual(await view(alice));
    // The recurring task's past completion travelled as a completed RECURRENCE-ID occurrence.
    const completionsOf = async (user: TestUser) => {
      const standup = (await allTasks(user)).find((t) => t.title === 'Standup')!;
      const { items } = await json<{ items: Array<{ completedAt: string }> }>(
        user,
        'GET',
        `/tasks/${standup.id}/completions`,
        undefined,
        200,
      );
      return items.map((c) => ({ ...c, completedAt: seconds(c.completedAt) }));
    };
    const done = await completionsOf(alice);
    expect(done).toHaveLength(1);
    expect(await completionsOf(bob)).toEqual(done);
    // Again: nothing new.
    expect((await importIcal(bob, text)).imported).toBe(0);
    expect(await allTasks(bob)).toHaveLength(7);
  });

  it('round-trips one list into a list of its name', async () => {
    const text = await (await exportIcal(alice, `&listId=${work.id}`)).text();
    const result = await importIcal(carol, text);
    expect(result.lists).toEqual([expect.objectContaining({ name: 'Work', created: true, imported: 4 })]);
    const aliceWork = Object.fromEntries(
      Object.entries(await view(alice)).filter(([, t]) => t.list === 'Work'),
    );
    expect(await view(carol)).toEqual(aliceWork);
  });

  it("refuses another account's list (404), another account's path (403), listId without ical (422)", async () => {
    const before = await (await exportIcal(bob)).text();
    const other = await exportIcal(bob, `&listId=${work.id}`);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const foreign = await test.api(`/api/${alice.id}/export?format=ical`, { headers: bob.headers });
    expect(foreign.status).toBe(403);
    const json = await test.api(`/api/${alice.id}/export?format=json&listId=${work.id}`, {
      headers: alice.headers,
    });
    expect(json.status).toBe(422);
    expect(
      ((await json.json()) as { error: { details: Array<{ path: string }> } }).error.details[0]?.path,
    ).toBe('listId');
    expect((await test.api(`/api/${alice.id}/export?format=xml`, { headers: alice.headers })).status).toBe(
      422,
    );
    expect((await (await exportIcal(bob)).text()).replace(/DTSTAMP:\S+/g, '')).toBe(
      before.replace(/DTSTAMP:\S+/g, ''),
    );
  });

  it('is readable with a read-only token (tasks:read)', async () => {
    const { token } = await json<{ token: string }>(
      alice,
      'POST',
      '/tokens',
      { name: 'reader', scopes: ['tasks:read'], expiresInDays: 1 },
      201,
    );
    const response = await exportIcal(alice, '', { Authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('BEGIN:VTODO');
  });

  it('is in the OpenAPI document with listId and text/calendar', async () => {
    const doc = (await (await test.api('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        {
          get: {
            parameters: Array<{ name: string; schema: { enum?: string[] } }>;
            responses: Record<string, { content?: object }>;
          };
        }
      >;
    };
    const get = doc.paths['/api/{userId}/export']!.get;
    expect(get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['format', 'listId']));
    expect(get.parameters.find((p) => p.name === 'format')?.schema.enum).toContain('ical');
    expect(Object.keys(get.responses['200']!.content!)).toContain('text/calendar');
    expect(Object.keys(get.responses)).toContain('404');
  });

  it('never answers 5xx to odd queries (fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          format: fc.option(fc.oneof(fc.constantFrom('ical', 'json', 'csv', 'ICAL', ''), fc.string()), {
            nil: undefined,
          }),
          listId: fc.option(fc.oneof(fc.constant(work.id), fc.string({ maxLength: 120 })), {
            nil: undefined,
          }),
          extra: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
        }),
        async ({ format, listId, extra }) => {
          const query = new URLSearchParams();
          if (format !== undefined) query.set('format', format);
          if (listId !== undefined) query.set('listId', listId);
          if (extra !== undefined) query.set(extra || 'x', '1');
          const response = await test.api(`/api/${alice.id}/export?${query.toString()}`, {
            headers: alice.headers,
          });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400)
            expect(((await response.json()) as { error: { code: string } }).error.code).toBeTypeOf('string');
          else await response.arrayBuffer();
        },
      ),
      { numRuns: 60 },
    );
  });
});
