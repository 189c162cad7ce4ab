// Every import format over HTTP: files written the way Todoist, TickTick, Google Takeout and todo.txt write them
// (fixtures/, from each app's documentation of its format), recognised without ?format, imported field by field,
// a dry run equal to the import, twice adds nothing, bad input a 4xx that changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../src-shared/export-schema.ts';
import type { ImportResult } from '../../../src-shared/import-schemas.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../../testing/test-core.ts';

let test: TestCore;
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

beforeAll(async () => {
  test = await startTestCore();
});
afterAll(() => test.close());

function post(user: TestUser, body: Uint8Array | string, type: string, query = ''): Promise<Response> {
  return test.api(`/api/${user.id}/import${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${user.jwt}`, 'Content-Type': type },
    body,
  });
}

async function importOk(user: TestUser, body: Uint8Array | string, type: string, query = ''): Promise<ImportResult> {
  const response = await post(user, body, type, query);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as ImportResult;
}

async function exportOf(user: TestUser): Promise<ExportFile> {
  return (await (await test.api(`/api/${user.id}/export`, { headers: user.headers })).json()) as ExportFile;
}

/** Imports with a dry run first (equal answer, nothing written), then again (nothing added); returns the copy. */
async function importTwice(user: TestUser, body: Uint8Array | string, type: string, query = '') {
  const sep = query === '' ? '?' : '&';
  const preview = await importOk(user, body, type, `${query}${sep}dryRun=true`);
  expect((await exportOf(user)).tasks).toEqual([]);
  const result = await importOk(user, body, type, query);
  expect(result).toEqual({ ...preview, dryRun: false, importId: result.importId });
  const file = await exportOf(user);
  const again = await importOk(user, body, type, query);
  expect(again.imported).toBe(0);
  expect((await exportOf(user)).tasks).toEqual(file.tasks);
  const listName = new Map(file.lists.map((l) => [l.id, l.name]));
  const byTitle = (title: string) => {
    const task = file.tasks.find((t) => t.title === title);
    expect(task, title).toBeDefined();
    return { ...task!, list: listName.get(task!.listId), parent: file.tasks.find((t) => t.id === task!.parentId)?.title ?? null };
  };
  return { result, file, byTitle };
}

describe('format=todoist-csv', () => {
  it('reads the template: INDENT subtasks, notes, @labels, sections as tags, priorities 1..4, DATE in TIMEZONE', async () => {
    const user = await signUp(test, 'Todoist');
    const { result, byTitle } = await importTwice(user, fixture('todoist-template.csv'), 'text/csv', '?listName=Trip');
    expect(result.lists).toEqual([{ id: expect.any(String) as string, name: 'Trip', created: true, imported: 5 }]);
    const plan = byTitle('Plan the trip');
    expect(plan).toMatchObject({ priority: 'high', tags: ['travel'], description: 'Where and when', list: 'Trip', timeZone: 'Europe/Berlin' });
    expect(plan.dueAt).toMatch(/T08:00:00.000Z$/); // 9am in Berlin (winter)
    expect(byTitle('Book flights')).toMatchObject({ parent: 'Plan the trip', priority: 'medium', dueDate: '2026-12-05' });
    expect(byTitle('Pick seats')).toMatchObject({ parent: 'Book flights', priority: 'none', description: 'Window seats please' });
    expect(byTitle('Water plants')).toMatchObject({ tags: ['Errands'], priority: 'low', recurrence: { rrule: expect.stringContaining('FREQ=WEEKLY') as string } });
    expect(byTitle('Strange date').description).toBe('Todoist date: sometime-ish');
  });

  it('reads an export (later columns, authors, comments with attachments) recognised by its header', async () => {
    const user = await signUp(test, 'Todoist export');
    const { byTitle } = await importTwice(user, fixture('todoist-export.csv'), 'application/octet-stream');
    expect(byTitle('Quarterly report')).toMatchObject({ priority: 'high', tags: ['urgent', 'work'], description: 'Numbers,\nthen words', list: 'Inbox', timeZone: null });
    expect(byTitle('Collect numbers')).toMatchObject({ parent: 'Quarterly report', priority: 'none' });
    expect(byTitle('Collect numbers').description).toContain('q3.xlsx');
  });

  it('reads the backup ZIP: one list per project file', async () => {
    const user = await signUp(test, 'Todoist zip');
    const zip = zipSync({
      'Work [2203306141].csv': new Uint8Array(fixture('todoist-export.csv')),
      'Inbox [2203306140].csv': strToU8('TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT\ntask,Loose end,,4,1\n'),
    });
    const { result, byTitle } = await importTwice(user, zip, 'application/zip');
    expect(result.lists.map((l) => [l.name, l.created, l.imported])).toEqual([
      ['Inbox', false, 1],
      ['Work', true, 2],
    ]);
    expect(byTitle('Collect numbers').list).toBe('Work');
  });
});

describe('format=ticktick-csv', () => {
  it('reads a backup: preamble, multi-line fields, lists, parentId, Order, Repeat, priorities, status, checklists', async () => {
    const user = await signUp(test, 'TickTick');
    const { result, byTitle } = await importTwice(user, fixture('ticktick-backup.csv'), 'text/csv');
    expect(result.lists.map((l) => [l.name, l.created, l.imported])).toEqual([
      ['Inbox', false, 1],
      ['Garden', true, 4],
    ]);
    expect(byTitle('Call the bank')).toMatchObject({
      list: 'Inbox', priority: 'high', tags: ['money', 'phone'], description: 'Ask about\nthe fee',
      dueAt: '2026-12-05T08:00:00.000Z', timeZone: 'Europe/Berlin', reminders: [{ beforeMinutes: 15 }], createdAt: '2026-11-30T10:00:00.000Z',
    });
    expect(byTitle('Spring prep')).toMatchObject({ dueDate: '2026-12-08', recurrence: { rrule: 'FREQ=WEEKLY;INTERVAL=1' }, priority: 'low', description: 'Before March' });
    expect(byTitle('Buy seeds')).toMatchObject({ parent: 'Spring prep', completed: false });
    expect(byTitle('Clean tools')).toMatchObject({ parent: 'Spring prep', completed: true });
    expect(byTitle('Order soil')).toMatchObject({ parent: 'Spring prep', completed: true, completedAt: '2026-12-01T09:30:00.000Z' });
  });

  it('reads an older export without the last columns', async () => {
    const user = await signUp(test, 'TickTick old');
    const { byTitle } = await importTwice(user, fixture('ticktick-old.csv'), 'text/csv', '?format=ticktick-csv');
    expect(byTitle('Old style task')).toMatchObject({ list: 'Work', priority: 'medium' });
  });
});

describe('format=google-tasks', () => {
  it('reads Takeout Tasks.json: lists by title, all-day dues, parents, positions, completion, deleted skipped', async () => {
    const user = await signUp(test, 'Google');
    const { result, byTitle } = await importTwice(user, fixture('google-tasks.json'), 'application/json');
    expect(result.lists.map((l) => [l.name, l.created, l.imported])).toEqual([
      ['My Tasks', true, 2],
      ['Inbox', false, 1],
    ]);
    expect(result.skipped).toEqual([{ index: 2, id: 'dGFzazM', reason: 'UNSUPPORTED', message: 'Deleted in Google Tasks.' }]);
    expect(byTitle('Renew passport')).toMatchObject({ dueDate: '2026-12-10', description: 'Photos first', list: 'My Tasks' });
    expect(byTitle('Photos')).toMatchObject({ parent: 'Renew passport', completed: true, completedAt: '2026-11-25T12:00:00.000Z' });
  });
});

describe('format=todo-txt', () => {
  it('reads done marks, priorities, dates, +project lists, @contexts, due: and t:; identical lines stay two tasks', async () => {
    const user = await signUp(test, 'todo.txt');
    const { result, file, byTitle } = await importTwice(user, fixture('todo.txt'), 'text/plain');
    expect(result.imported).toBe(5);
    expect(byTitle('Call mum +Family')).toMatchObject({ priority: 'high', list: 'Family', tags: ['phone'], dueDate: '2026-12-05', createdAt: '2026-11-30T00:00:00.000Z' });
    expect(byTitle('Pay rent +Home')).toMatchObject({ completed: true, completedAt: '2026-12-02T00:00:00.000Z', priority: 'medium', list: 'Home', tags: ['bills'] });
    expect(byTitle('Read a book url:https://example.com')).toMatchObject({ startDate: '2026-12-01' });
    expect(file.tasks.filter((t) => t.title === 'Buy milk')).toHaveLength(2);
  });
});

describe('bad input of every format', () => {
  it('is a 4xx with the error shape and changes nothing', async () => {
    const user = await signUp(test, 'Bad');
    const cases: Array<[string, Uint8Array | string, string, number]> = [
      ['?format=todoist-csv', 'just,some,columns\n1,2,3\n', 'text/csv', 422],
      ['?format=ticktick-csv', 'TYPE,CONTENT\ntask,x\n', 'text/csv', 422],
      ['?format=google-tasks', '{"kind":"tasks#taskLists","items":', 'application/json', 422],
      ['?format=google-tasks', '{"kind":"other"}', 'application/json', 422],
      ['?format=todoist-csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'application/zip', 422],
      ['?format=todo-txt', new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'text/plain', 422],
      ['', 'no format can be recognised here', 'text/plain', 422],
      ['', new Uint8Array(), 'text/csv', 422],
      ['?format=xml', 'x', 'text/plain', 422],
      ['', 'x', 'image/png', 415],
    ];
    for (const [query, body, type, status] of cases) {
      const response = await post(user, body, type, query);
      expect(response.status, `${query} ${type}`).toBe(status);
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toMatch(/^[A-Z_]+$/);
    }
    expect((await exportOf(user)).tasks).toEqual([]);
  });

  it('skips an unreadable or invalid row with its line and why, and imports the rest', async () => {
    const user = await signUp(test, 'Rows');
    const csv = 'TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT\ntask,Fine,,1,1\ntask,,,1,1\nmeeting,Odd row,,1,1\ntask,Also fine,,2,1\n';
    const result = await importOk(user, csv, 'text/csv');
    expect(result.imported).toBe(2);
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, 'INVALID'],
      [4, 'UNSUPPORTED'],
    ]);
  });
});
