// The write half of the VTODO mapping: what a task becomes, that reading it back gives the same task (fast-check),
// and that an update edits the VTODO it was read from instead of regenerating it.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { canonicalTimeZone } from '../../src-shared/schedule-schemas.ts';
import { isStorableText } from '../../src-shared/task-schemas.ts';
import { localParts, zonedInstant, formatDate } from '../../src-shared/schedule/zoned-time.ts';
import { readCalendars } from './read-calendar.ts';
import { buildVtimezone } from './vtimezone.ts';
import { writeCalendar, writeTaskResource } from './write-calendar.ts';
import { NO_FIELDS, type TaskForVtodo } from './vtodo-fields.ts';

const NOW = new Date('2026-12-04T12:00:00Z');

function task(fields: Partial<TaskForVtodo> = {}): TaskForVtodo {
  return {
    ...NO_FIELDS,
    uid: 'task-1',
    title: 'A task',
    parentUid: null,
    sortOrder: null,
    listName: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    ...fields,
  };
}

const FIELDS: Array<keyof TaskForVtodo> = [
  'uid',
  'title',
  'description',
  'priority',
  'completed',
  'completedAt',
  'dueDate',
  'dueAt',
  'timeZone',
  'startDate',
  'recurrence',
  'reminders',
  'snoozedUntil',
  'tags',
  'parentUid',
  'sortOrder',
  'listName',
  'createdAt',
  'updatedAt',
];
const pick = (t: TaskForVtodo): Partial<TaskForVtodo> => Object.fromEntries(FIELDS.map((k) => [k, t[k]]));
const lines = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('writing a task', () => {
  it('writes the mapped properties, priority as 1/5/9 and the calendar name', () => {
    const text = writeCalendar(
      'Work',
      [
        task({
          title: 'Ship it, then; rest',
          priority: 'high',
          dueAt: '2026-12-10T16:00:00.000Z',
          timeZone: 'Europe/Berlin',
          startDate: '2026-12-08',
          recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TH', from: 'completion' },
          reminders: [{ beforeMinutes: 30 }, { at: '2026-12-10T08:00:00.000Z' }],
          snoozedUntil: '2026-12-10T15:45:00.000Z',
          tags: ['work', 'q4'],
          parentUid: 'parent-1',
          sortOrder: 3,
          completed: true,
          completedAt: '2026-12-03T09:00:00.000Z',
        }),
        task({ uid: 'task-2', priority: 'medium', dueDate: '2026-12-11' }),
        task({ uid: 'task-3', priority: 'low' }),
      ],
      NOW,
    );
    const all = lines(text);
    expect(all.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Tasks Desktop//Tasks Desktop//EN',
      'CALSCALE:GREGORIAN',
      'X-WR-CALNAME:Work',
    ]);
    for (const line of [
      'UID:task-1',
      'SUMMARY:Ship it\\, then\\; rest',
      'PRIORITY:1',
      'STATUS:COMPLETED',
      'COMPLETED:20261203T090000Z',
      'PERCENT-COMPLETE:100',
      'DTSTART;TZID=Europe/Berlin:20261208T000000',
      'DUE;TZID=Europe/Berlin:20261210T170000',
      'RRULE:FREQ=WEEKLY;BYDAY=TH',
      'X-TASKS-DESKTOP-REPEAT-FROM:COMPLETION',
      'TRIGGER;RELATED=END:-PT30M',
      'TRIGGER;VALUE=DATE-TIME:20261210T080000Z',
      'X-MOZ-SNOOZE-TIME:20261210T154500Z',
      'CATEGORIES:work,q4',
      'RELATED-TO;RELTYPE=PARENT:parent-1',
      'X-APPLE-SORT-ORDER:3',
      'CREATED:20261101T100000Z',
      'LAST-MODIFIED:20261102T100000Z',
      'DTSTAMP:20261204T120000Z',
      'PRIORITY:5',
      'DUE;VALUE=DATE:20261211',
      'PRIORITY:9',
      'TZID:Europe/Berlin',
    ]) {
      expect(all).toContain(line);
    }
    expect(all.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
  });

  it('writes a due without a zone in UTC and a list per VTODO when asked', () => {
    const all = lines(
      writeCalendar(null, [task({ dueAt: '2026-12-10T16:00:00.000Z', listName: 'Home' })], NOW),
    );
    expect(all).toContain('DUE:20261210T160000Z');
    expect(all).toContain('X-TASKS-DESKTOP-LIST:Home');
    expect(all.some((l) => l.startsWith('X-WR-CALNAME'))).toBe(false);
    expect(all.some((l) => l.startsWith('BEGIN:VTIMEZONE'))).toBe(false);
  });

  it('writes CR LF in text as a line feed (a bare CR would end the content line)', () => {
    const [read] = readCalendars(
      writeCalendar(null, [task({ description: 'one\r\ntwo\rthree' })], NOW),
    ).tasks;
    expect(read!.description).toBe('one\ntwo\nthree');
  });
});

describe('completions of a recurring task', () => {
  it('are written as completed RECURRENCE-ID occurrences and read back as completions, not tasks', () => {
    const series = task({
      dueAt: '2026-12-09T17:00:00.000Z',
      timeZone: 'Europe/Berlin',
      recurrence: { rrule: 'FREQ=DAILY', from: 'due' },
      completions: [
        {
          completedAt: '2026-12-07T17:05:00.000Z',
          dueDate: null,
          dueAt: '2026-12-07T17:00:00.000Z',
          timeZone: 'Europe/Berlin',
        },
        {
          completedAt: '2026-12-08T16:59:00.000Z',
          dueDate: null,
          dueAt: '2026-12-08T17:00:00.000Z',
          timeZone: 'Europe/Berlin',
        },
      ],
    });
    const text = writeCalendar(null, [series], NOW);
    expect(lines(text)).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20261207T180000');
    const { tasks, skipped } = readCalendars(text);
    expect(skipped).toEqual([]);
    expect(tasks).toHaveLength(1);
    // The series stays where it was: both occurrences lie before its due.
    expect(tasks[0]).toMatchObject({ dueAt: '2026-12-09T17:00:00.000Z', completions: series.completions });
  });
});

describe('VTIMEZONE', () => {
  it.each([
    'Europe/Berlin',
    'Pacific/Auckland',
    'America/Los_Angeles',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
  ])('turns wall-clock times in %s into the same instants as the runtime does', (zone) => {
    const timezone = new ICAL.Timezone(buildVtimezone(zone, 2025, 2027));
    for (
      let ms = Date.parse('2025-01-01T00:00:00Z');
      ms < Date.parse('2028-01-01T00:00:00Z');
      ms += 7 * 3_600_000 + 1_234_000
    ) {
      const p = localParts(new Date(ms), zone);
      const wall = ICAL.Time.fromData(
        { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second },
        timezone,
      );
      const expected = zonedInstant(formatDate(p.year, p.month, p.day), p, zone).getTime();
      // A wall-clock time that happens twice (the fall-back hour) names either instant; the rest name exactly one.
      const wallText = (at: number) => JSON.stringify({ ...localParts(new Date(at), zone), millisecond: 0 });
      if (wallText(ms - 3_600_000) === wallText(ms) || wallText(ms + 3_600_000) === wallText(ms)) continue;
      if ([-1800_000, 1800_000].some((d) => wallText(ms + d) === wallText(ms))) continue;
      expect(wall.toUnixTime() * 1000).toBe(expected);
    }
  });

  it('lets a reader that does not know the zone name read the time from the VTIMEZONE alone', () => {
    const text = writeCalendar(
      null,
      [task({ dueAt: '2026-07-01T07:30:00.000Z', timeZone: 'Europe/Berlin' })],
      NOW,
    ).replaceAll('Europe/Berlin', 'Custom Zone');
    const [read] = readCalendars(text).tasks;
    expect(read).toMatchObject({ dueAt: '2026-07-01T07:30:00.000Z', timeZone: null });
  });
});

// ---- round trip -------------------------------------------------------------------------------------------------
// As the API stores them: in the runtime's canonical spelling (Asia/Kolkata is Asia/Calcutta to ICU).
const ZONES = ['Europe/Berlin', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata', 'UTC'].map((z) =>
  canonicalTimeZone(z)!,
);
const RULES = [
  'FREQ=DAILY',
  'FREQ=WEEKLY;BYDAY=MO,WE',
  'FREQ=MONTHLY;BYMONTHDAY=-1',
  'FREQ=YEARLY;COUNT=3',
  'FREQ=DAILY;INTERVAL=2;UNTIL=20301231T000000Z',
];
const MS_2000 = Date.parse('2000-01-01T00:00:00Z');
const MS_2040 = Date.parse('2040-01-01T00:00:00Z');
const instant = fc
  .integer({ min: MS_2000 / 1000, max: MS_2040 / 1000 })
  .map((s) => new Date(s * 1000).toISOString());
const date = instant.map((i) => i.slice(0, 10));
const text = (min: number, max: number) =>
  fc
    .string({ minLength: min, maxLength: max, unit: 'grapheme' })
    .filter((s) => isStorableText(s) && !s.includes('\r'));
const tagName = fc.stringMatching(/^[A-Za-z0-9_äöü-]{1,20}$/);

/** A wall-clock time that happens twice (DST fall-back) is written once in iCalendar: the earlier instant is meant. */
function unambiguous(at: string, zone: string): boolean {
  const p = localParts(new Date(at), zone);
  return zonedInstant(formatDate(p.year, p.month, p.day), p, zone).toISOString() === at;
}

const arbitraryTask: fc.Arbitrary<TaskForVtodo> = fc
  .record({
    uid: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
    title: text(1, 80)
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    description: text(0, 300),
    priority: fc.constantFrom('none', 'low', 'medium', 'high' as const),
    completedAt: fc.option(instant, { nil: null }),
    due: fc.oneof(
      fc.constant({ dueDate: null, dueAt: null, timeZone: null }),
      date.map((d) => ({ dueDate: d, dueAt: null, timeZone: null })),
      fc
        .tuple(instant, fc.option(fc.constantFrom(...ZONES), { nil: null }))
        .filter(([at, zone]) => zone === null || unambiguous(at, zone))
        .map(([at, zone]) => ({ dueDate: null, dueAt: at, timeZone: zone })),
    ),
    startDate: fc.option(date, { nil: null }),
    rule: fc.option(
      fc.record({ rrule: fc.constantFrom(...RULES), from: fc.constantFrom('due', 'completion' as const) }),
      { nil: null },
    ),
    before: fc.uniqueArray(fc.integer({ min: 0, max: 40_320 }), { maxLength: 3 }),
    at: fc.uniqueArray(instant, { maxLength: 3 }),
    snoozedUntil: fc.option(instant, { nil: null }),
    tags: fc.uniqueArray(tagName, { maxLength: 5, selector: (t) => t.toLowerCase() }),
    parentUid: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), { nil: null }),
    sortOrder: fc.option(fc.integer({ min: -1_000_000, max: 2_000_000_000 }), { nil: null }),
    listName: fc.option(
      text(1, 40)
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && !/^\s|\s$/.test(s)),
      { nil: null },
    ),
    createdAt: instant,
    updatedAt: instant,
  })
  .map((r) => ({
    ...NO_FIELDS,
    uid: r.uid,
    title: r.title,
    description: r.description,
    priority: r.priority,
    completed: r.completedAt !== null,
    completedAt: r.completedAt,
    ...r.due,
    startDate: r.startDate,
    recurrence: r.due.dueDate !== null || r.due.dueAt !== null ? r.rule : null,
    reminders: [
      ...(r.due.dueAt !== null ? r.before.map((m) => ({ beforeMinutes: m })) : []),
      ...r.at.map((a) => ({ at: a })),
    ],
    snoozedUntil: r.snoozedUntil,
    tags: r.tags,
    parentUid: r.parentUid === r.uid ? null : r.parentUid,
    sortOrder: r.sortOrder,
    listName: r.listName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));

describe('round trip', () => {
  it('reads back every field it writes (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryTask, (t) => {
        const parent = t.parentUid === null ? [] : [task({ uid: t.parentUid, title: 'Parent' })];
        const { tasks, skipped } = readCalendars(writeCalendar(null, [...parent, t], NOW));
        expect(skipped).toEqual([]);
        const read = tasks.find((x) => x.uid === t.uid)!;
        expect(read.notes).toEqual([]);
        expect(pick(read)).toEqual(pick(t));
      }),
      { numRuns: 300 },
    );
  });

  it('reads back a resource it writes, and an edit of it, the same way', () => {
    fc.assert(
      fc.property(arbitraryTask, arbitraryTask, (first, second) => {
        // CREATED is the VTODO's own: an edit keeps it.
        const edited = {
          ...second,
          uid: first.uid,
          createdAt: first.createdAt,
          parentUid: second.parentUid === first.uid ? null : second.parentUid,
        };
        const resource = writeTaskResource(edited, writeTaskResource(first, null, NOW), NOW);
        // One resource of a calendar: its parent is another resource, so the reference is kept as written.
        const [read] = readCalendars(resource, { parentsOutsideFile: 'keep' }).tasks.filter(
          (x) => x.uid === first.uid,
        );
        expect(pick(read!)).toEqual(pick(edited));
      }),
      { numRuns: 150 },
    );
  });
});

describe('an update edits the VTODO last read', () => {
  const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.ics`, import.meta.url), 'utf8');

  it('keeps what it does not understand and rewrites only the changed fields', () => {
    const previous =
      fixture('apple-reminders').split('BEGIN:VTODO').slice(0, 2).join('BEGIN:VTODO') + 'END:VCALENDAR\r\n';
    const [before] = readCalendars(previous).tasks;
    const next = writeTaskResource(
      { ...before!, title: 'Call the dentist (moved)', priority: 'high' },
      previous,
      NOW,
    );
    const out = lines(next);
    for (const kept of [
      'CALSCALE:GREGORIAN',
      'PRODID:-//Apple Inc.//iOS 18.1//EN',
      'UID:A11D558C-3BC3-45FE-B95E-8B1F0023CB99',
      'X-APPLE-SORT-ORDER:786514203',
      'DTSTART;TZID=Pacific/Auckland:20261204T080000',
      'DUE;TZID=Pacific/Auckland:20261204T080000',
      'UID:2CBB42D2-039E-4F6B-BFDF-761632A15399',
      'X-WR-ALARMUID:2CBB42D2-039E-4F6B-BFDF-761632A15399',
      'DESCRIPTION:Reminder',
      'TZNAME:NZDT',
      'CREATED:20261130T045003Z',
    ]) {
      expect(out).toContain(kept);
    }
    expect(out).toContain('SUMMARY:Call the dentist (moved)');
    expect(out).toContain('PRIORITY:1');
    expect(out).not.toContain('PRIORITY:5');
    expect(out).toContain('DTSTAMP:20261204T120000Z');
    expect(out.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
  });

  it('keeps the other properties of a VALARM that still stands and replaces one that does not', () => {
    const previous = fixture('thunderbird');
    const [series] = readCalendars(previous).tasks;
    const same = lines(writeTaskResource({ ...series!, title: 'Water the plants!' }, previous, NOW));
    // ical.js leaves out VALUE=DURATION, TRIGGER's default value type; the alarm itself is the one read.
    expect(same).toContain('TRIGGER;RELATED=END:-PT15M');
    expect(same).toContain('DESCRIPTION:Default Mozilla Description');
    expect(same).toContain('X-MOZ-GENERATION:4');
    expect(same).toContain('X-MOZ-LASTACK:20261201T165900Z');
    // The series moved past the completed occurrence; its DTSTART (a time, not midnight) stays as written.
    expect(same).toContain('DTSTART;TZID=Europe/Berlin:20261201T180000');
    expect(same).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20261201T180000');
    const firstTodo = (all: string[]) => all.slice(0, all.indexOf('END:VTODO'));
    const moved = firstTodo(
      lines(writeTaskResource({ ...series!, reminders: [{ beforeMinutes: 5 }] }, previous, NOW)),
    );
    expect(moved).not.toContain('TRIGGER;RELATED=END:-PT15M');
    expect(moved).not.toContain('DESCRIPTION:Default Mozilla Description');
    expect(moved).toContain('TRIGGER;RELATED=END:-PT5M');
  });

  it('keeps a value it reads the same way in its original spelling (PRIORITY:3 stays 3 while high)', () => {
    const previous = fixture('evolution').split('END:VCALENDAR')[0] + 'END:VCALENDAR\r\n';
    const [before] = readCalendars(previous).tasks;
    const out = lines(writeTaskResource({ ...before!, description: 'New notes' }, previous, NOW));
    expect(out).toContain('PRIORITY:3');
    expect(out).toContain('STATUS:IN-PROCESS');
    expect(out).toContain('PERCENT-COMPLETE:40');
    expect(out).toContain('CATEGORIES:Business,Strategies');
    expect(out).toContain('SEQUENCE:3');
    expect(out).toContain('DESCRIPTION:New notes');
    const completed = lines(
      writeTaskResource(
        { ...before!, completed: true, completedAt: '2026-12-04T11:00:00.000Z' },
        previous,
        NOW,
      ),
    );
    expect(completed).toContain('STATUS:COMPLETED');
    expect(completed).toContain('PERCENT-COMPLETE:100');
    expect(completed).not.toContain('STATUS:IN-PROCESS');
  });
});
