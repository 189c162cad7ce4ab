// More of the iCalendar export over HTTP: a seeded account (a subtree, tags, a zoned monthly repeat with a reminder,
// a start date) exported per list and whole, refused per account, and round-tripped into another account field by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src-shared/export-schema.ts';
import type { ImportResult } from '../../src-shared/import-schemas.ts';
import { callAs, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
beforeAll(async () => {
  test = await startTestCore();
});
afterAll(() => test.close());

async function created<T>(response: Promise<Response>): Promise<T> {
  const answer = await response;
  expect(answer.status, await answer.clone().text()).toBe(201);
  return (await answer.json()) as T;
}

async function exportOf(user: TestUser): Promise<ExportFile> {
  return (await (await callAs(test, user, 'GET', `/api/${user.id}/export`)).json()) as ExportFile;
}

async function seed(user: TestUser): Promise<{ work: string; home: string }> {
  const work = await created<{ id: string }>(callAs(test, user, 'POST', `/api/${user.id}/lists`, { name: 'Work' }));
  const home = await created<{ id: string }>(callAs(test, user, 'POST', `/api/${user.id}/lists`, { name: 'Home ✿' }));
  const report = await created<{ id: string }>(
    callAs(test, user, 'POST', `/api/${user.id}/tasks`, {
      title: 'Quarterly report',
      description: 'Numbers, then words;\nthen a chart, with commas',
      priority: 'high',
      listId: work.id,
      dueAt: '2026-12-10T08:00:00.000Z',
      timeZone: 'Europe/Paris',
      tags: ['finance', 'q4'],
      recurrence: { rrule: 'FREQ=MONTHLY;BYMONTHDAY=10', from: 'due' },
      reminders: [{ beforeMinutes: 30 }],
    }),
  );
  await created(callAs(test, user, 'POST', `/api/${user.id}/tasks`, { title: 'Collect numbers', listId: work.id, parentId: report.id }));
  await created(callAs(test, user, 'POST', `/api/${user.id}/tasks`, { title: 'Draw the chart', listId: work.id, parentId: report.id }));
  await created(callAs(test, user, 'POST', `/api/${user.id}/tasks`, { title: 'Water the plants', listId: home.id, dueDate: '2026-12-05', startDate: '2026-12-01' }));
  return { work: work.id, home: home.id };
}

/** A task as a person sees it: everything but ids and account, with its list's and parent's names. */
function comparable(file: ExportFile) {
  const list = new Map(file.lists.map((l) => [l.id, l.name]));
  const title = new Map(file.tasks.map((t) => [t.id, t.title]));
  return file.tasks
    .map((t) => ({
      title: t.title,
      description: t.description,
      priority: t.priority,
      list: list.get(t.listId),
      parent: t.parentId === null ? null : title.get(t.parentId),
      tags: [...t.tags].sort(),
      dueDate: t.dueDate,
      dueAt: t.dueAt,
      timeZone: t.timeZone,
      startDate: (t as { startDate?: string | null }).startDate ?? null,
      recurrence: t.recurrence,
      reminders: t.reminders,
      completed: t.completed,
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

describe('iCalendar export', () => {
  it('writes one list as its own VCALENDAR, every list naming each VTODO\'s list, isolated per account', async () => {
    const ada = await signUp(test, 'Ada');
    const { work } = await seed(ada);
    const one = await callAs(test, ada, 'GET', `/api/${ada.id}/export?format=ical&listId=${work}`);
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await one.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('X-WR-CALNAME:Work');
    expect(text.match(/BEGIN:VTODO/g)).toHaveLength(3);
    expect(text).not.toContain('Water the plants');

    const all = await (await callAs(test, ada, 'GET', `/api/${ada.id}/export?format=ical`)).text();
    expect(all.match(/BEGIN:VTODO/g)).toHaveLength(4);

    const bob = await signUp(test, 'Bob');
    expect((await callAs(test, bob, 'GET', `/api/${bob.id}/export?format=ical&listId=${work}`)).status).toBe(404);
    expect((await callAs(test, bob, 'GET', `/api/${ada.id}/export?format=ical`)).status).toBe(403);
    for (const query of ['format=ics', 'format=ical&extra=1']) {
      const response = await callAs(test, ada, 'GET', `/api/${ada.id}/export?${query}`);
      expect(response.status, query).toBe(422);
    }
  });

  it('round-trips through format=ical into another account', async () => {
    const cy = await signUp(test, 'Cy');
    await seed(cy);
    const ics = await (await callAs(test, cy, 'GET', `/api/${cy.id}/export?format=ical`)).text();
    const dee = await signUp(test, 'Dee');
    const response = await test.api(`/api/${dee.id}/import?format=ical`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${dee.jwt}`, 'Content-Type': 'text/calendar' },
      body: ics,
    });
    const result = (await response.json()) as ImportResult;
    expect(response.status).toBe(200);
    expect(result).toMatchObject({ imported: 4, skipped: [] });
    const [from, to] = [await exportOf(cy), await exportOf(dee)];
    expect(comparable(to)).toEqual(comparable(from));
    // Order among siblings survives too.
    const children = (file: ExportFile) => {
      const parent = file.tasks.find((t) => t.title === 'Quarterly report')!;
      return file.tasks.filter((t) => t.parentId === parent.id).sort((a, b) => (a.position < b.position ? -1 : 1)).map((t) => t.title);
    };
    expect(children(to)).toEqual(children(from));
  });
});
