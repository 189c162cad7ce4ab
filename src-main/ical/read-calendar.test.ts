// The read half of the VTODO mapping on files in the shapes other apps write (fixtures/README.md says where each
// shape comes from), and on what must be refused or reported.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IcalMalformed, readCalendars, readCalendarsAsync, type IcalTask } from './read-calendar.ts';

const fixture = (name: string) =>
  readCalendars(readFileSync(new URL(`./fixtures/${name}.ics`, import.meta.url), 'utf8'));
const byUid = (tasks: IcalTask[], uid: string): IcalTask => {
  const task = tasks.find((t) => t.uid === uid);
  if (!task) throw new Error(`no task ${uid}`);
  return task;
};

describe('Thunderbird', () => {
  const read = fixture('thunderbird');

  it('folds a completed RECURRENCE-ID occurrence into its series instead of duplicating it', () => {
    const series = read.tasks.filter((t) => t.uid === '3f1c9a20-7d41-c84b-9e0f-5a2b8c6d1e77');
    expect(series).toHaveLength(1);
    const [task] = series;
    // 18:00 Berlin on 1 December was done: the series now stands at 18:00 Berlin on 2 December (17:00 UTC).
    expect(task).toMatchObject({
      completed: false,
      dueAt: '2026-12-02T17:00:00.000Z',
      timeZone: 'Europe/Berlin',
      recurrence: { rrule: 'FREQ=DAILY', from: 'due' },
      reminders: [{ beforeMinutes: 15 }],
      snoozedUntil: '2026-12-01T17:15:00.000Z',
      startDate: '2026-12-01',
    });
    expect(task!.completions).toEqual([
      {
        completedAt: '2026-12-01T17:12:00.000Z',
        dueDate: null,
        dueAt: '2026-12-01T17:00:00.000Z',
        timeZone: 'Europe/Berlin',
      },
    ]);
    expect(read.skipped).toEqual([]);
  });

  it('reads PRIORITY 1 as high and 9 as low, escaped text, CATEGORIES, and a DTSTART-relative trigger without DTSTART', () => {
    expect(byUid(read.tasks, '8a0e4d2b-11f3-4b6c-a7e5-0c9d3f2e6b18')).toMatchObject({
      title: 'File the tax return',
      description: 'Receipts are in the blue folder, second shelf.\nAsk about the home office.',
      priority: 'high',
      tags: ['Finance'],
      dueAt: '2026-12-15T11:00:00.000Z',
      // TRIGGER without RELATED is relative to DTSTART; with no DTSTART it is read against the due.
      reminders: [{ beforeMinutes: 60 }],
    });
    expect(byUid(read.tasks, 'c5d7e9f1-2a3b-4c5d-8e9f-0a1b2c3d4e5f')).toMatchObject({
      priority: 'low',
      completed: true,
      completedAt: '2026-10-21T10:05:00.000Z',
      createdAt: '2026-10-20T10:00:00.000Z',
      updatedAt: '2026-10-21T10:05:00.000Z',
    });
  });
});

describe('tasks.org', () => {
  const read = fixture('tasks-org');

  it('reads subtasks from RELATED-TO without RELTYPE and orders siblings by X-APPLE-SORT-ORDER', () => {
    expect(read.tasks.map((t) => t.title)).toEqual([
      'Take out the recycling',
      'Flatten the boxes',
      'Buy cardboard tape',
    ]);
    expect(byUid(read.tasks, '7702134470192884312').parentUid).toBe('5120437951847315219');
    expect(byUid(read.tasks, '2262712083417046006')).toMatchObject({
      parentUid: '5120437951847315219',
      dueDate: '2026-12-07',
      priority: 'low',
    });
  });

  it('reads the weekly rule, the zone from a VTIMEZONE written after the VTODO, RELATED=END:PT0S and the snooze', () => {
    expect(byUid(read.tasks, '5120437951847315219')).toMatchObject({
      priority: 'medium',
      dueAt: '2026-12-09T03:00:00.000Z',
      timeZone: 'America/Los_Angeles',
      startDate: '2026-12-08',
      // ical.js drops the default INTERVAL=1.
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU', from: 'due' },
      reminders: [{ beforeMinutes: 0 }],
      snoozedUntil: '2026-11-18T19:19:29.000Z',
      tags: ['home', 'chores'],
      sortOrder: 783013311,
    });
  });
});

describe('Nextcloud Tasks', () => {
  const read = fixture('nextcloud-tasks');

  it('takes the list name from X-WR-CALNAME and the order from X-APPLE-SORT-ORDER compared as numbers', () => {
    expect(read.calendarNames).toEqual(['Groceries']);
    expect(read.tasks.every((t) => t.listName === 'Groceries')).toBe(true);
    // 1 < 2 at top level; 9 < 10 among the subtasks (as text "10" would sort before "9").
    expect(read.tasks.map((t) => t.title)).toEqual(['Pick up the cake', 'Weekly shop', 'Bread', 'Oat milk']);
  });

  it('reads floating times in UTC (and says so), star priorities and PERCENT-COMPLETE', () => {
    const cake = byUid(read.tasks, 'd9a3e7f6-4c5b-4a8f-8e1d-3b2a4f5e6d7c');
    expect(cake).toMatchObject({ dueAt: '2026-12-05T17:00:00.000Z', timeZone: null, priority: 'medium' });
    expect(cake.notes).toEqual(['A floating time was read in UTC.']);
    expect(byUid(read.tasks, 'b7e1c5d4-2a3f-4e6d-8c9b-1f0e2d3c4b5a')).toMatchObject({
      priority: 'high',
      tags: ['Dairy-free'],
    });
    expect(byUid(read.tasks, 'c8f2d6e5-3b4a-4f7e-9d0c-2a1f3e4d5c6b')).toMatchObject({
      priority: 'low',
      completed: true,
      completedAt: '2026-11-23T08:15:00.000Z',
    });
    expect(byUid(read.tasks, 'a6d0b4c3-1f2e-4d5c-9b8a-7e6f5d4c3b2a')).toMatchObject({
      priority: 'none',
      dueDate: '2026-12-05',
    });
  });

  it('reads floating times in the zone it is given', () => {
    const text = readFileSync(new URL('./fixtures/nextcloud-tasks.ics', import.meta.url), 'utf8');
    const read = readCalendars(text, { floatingZone: 'Europe/Berlin' });
    expect(byUid(read.tasks, 'd9a3e7f6-4c5b-4a8f-8e1d-3b2a4f5e6d7c').dueAt).toBe('2026-12-05T16:00:00.000Z');
  });
});

describe('Apple Reminders', () => {
  const read = fixture('apple-reminders');

  it('reads an absolute alarm, a Pacific/Auckland due and plain RELATED-TO subtasks', () => {
    expect(byUid(read.tasks, 'A11D558C-3BC3-45FE-B95E-8B1F0023CB99')).toMatchObject({
      dueAt: '2026-12-03T19:00:00.000Z',
      timeZone: 'Pacific/Auckland',
      startDate: '2026-12-04',
      reminders: [{ at: '2026-12-03T19:00:00.000Z' }],
    });
    expect(byUid(read.tasks, 'E3D1A0F9-8B7C-4D6E-95A4-B3C2D1E0F988').parentUid).toBe(
      'F4E2B1A0-9C8D-4E7F-A6B5-C4D3E2F1A099',
    );
    expect(byUid(read.tasks, 'F4E2B1A0-9C8D-4E7F-A6B5-C4D3E2F1A099')).toMatchObject({
      completed: true,
      completedAt: '2026-12-01T21:30:00.000Z',
      priority: 'high',
    });
  });
});

describe('Evolution', () => {
  const read = fixture('evolution');

  it('reads a prefixed TZID, a folded SUMMARY, escapes, IN-PROCESS as not completed and a one-day reminder', () => {
    expect(read.tasks[0]).toMatchObject({
      title: 'Prepare the quarterly report for the board including the revenue figures and the hiring plan',
      description: 'Slides: intro, numbers; outlook.\nBackslash stays: C:\\reports',
      completed: false,
      priority: 'high',
      dueAt: '2026-12-10T16:00:00.000Z',
      timeZone: 'Europe/Berlin',
      tags: ['Business', 'Strategies'],
      reminders: [{ beforeMinutes: 1440 }],
    });
  });

  it('reads every VCALENDAR in the file and reports the VEVENT instead of dropping it', () => {
    expect(read.calendarNames).toHaveLength(2);
    expect(read.tasks.map((t) => t.title)).toContain('Book the room');
    expect(read.skipped).toEqual([
      {
        index: 1,
        uid: '20261129T210000Z-12176-1000-1065-9@workstation',
        reason: 'NOT_A_TASK',
        message: 'VEVENT is an event, not a task (VTODO).',
      },
    ]);
  });
});

describe('RFC 5545 edge cases', () => {
  const read = fixture('rfc-edge-cases');

  it('links a child named by RELTYPE=CHILD on its parent, ignores a self-reference and cuts a cycle', () => {
    expect(byUid(read.tasks, 'child-of-parent').parentUid).toBe('parent-by-child');
    expect(byUid(read.tasks, 'parent-by-child').parentUid).toBeNull();
    expect(byUid(read.tasks, 'self-related').parentUid).toBeNull();
    const cycle = [byUid(read.tasks, 'cycle-a'), byUid(read.tasks, 'cycle-b')];
    expect(cycle.filter((t) => t.parentUid === null)).toHaveLength(1);
    expect(byUid(read.tasks, 'orphan').parentUid).toBeNull();
  });

  it('keeps equal sort orders in file order, after a BOM and with LF line ends', () => {
    const sorted = read.tasks.filter((t) => t.sortOrder !== null).map((t) => t.uid);
    expect(sorted).toEqual(['sorted-small', 'sorted-tie', 'sorted-big']);
  });

  it('reports a VJOURNAL and a repeated UID with their place in the file', () => {
    expect(read.skipped.map((s) => [s.index, s.reason])).toEqual([
      [6, 'NOT_A_TASK'],
      [7, 'DUPLICATE_IN_FILE'],
    ]);
  });

  it('drops what the app cannot hold with a note, keeping the task', () => {
    const hourly = byUid(read.tasks, 'hourly');
    expect(hourly.recurrence).toBeNull();
    expect(hourly.notes.join(' ')).toMatch(/BYHOUR is not supported/);
    const odd = byUid(read.tasks, 'odd-zone');
    expect(odd).toMatchObject({ dueAt: '2026-12-05T09:00:00.000Z', timeZone: null });
    expect(odd.notes.join(' ')).toMatch(/Mars\/Olympus_Mons.*unknown/);
  });
});

describe('files that are not iCalendar', () => {
  it.each([
    ['empty', ''],
    ['JSON', '{"format":"tasks-desktop.export"}'],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nEND:VCARD\r\n'],
    ['a broken line', 'BEGIN:VCALENDAR\r\nthis line has no colon\r\nEND:VCALENDAR\r\n'],
    ['an unclosed calendar', 'BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:a\r\n'],
  ])('refuses %s', (_name, text) => {
    expect(() => readCalendars(text)).toThrow(IcalMalformed);
  });

  it('reads a calendar without VTODOs as no tasks', () => {
    expect(readCalendars('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toEqual({
      calendarNames: [null],
      tasks: [],
      skipped: [],
    });
  });
});

describe('reading without holding the event loop', () => {
  it('gives the same result as the synchronous read, taking turns while it works', async () => {
    const text = readFileSync(new URL('./fixtures/thunderbird.ics', import.meta.url), 'utf8');
    const many = text.replace(/BEGIN:VTODO[\s\S]*END:VTODO\r\n/, (todos) =>
      Array.from({ length: 400 }, (_, i) => todos.replaceAll(/UID:([^\r]+)/g, `UID:$1-${i}`)).join(''),
    );
    let turns = 0;
    const read = await readCalendarsAsync(many, {}, async () => {
      turns += 1;
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(read).toEqual(readCalendars(many));
    expect(read.tasks).toHaveLength(1200);
    expect(turns).toBeGreaterThan(0);
  });
});
