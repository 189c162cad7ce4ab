// The recurrence table: DST in the task's zone, month ends, leap days, weekdays, intervals, COUNT and UNTIL.
import { describe, expect, it } from 'vitest';
import { nextOccurrence, type DueState, type NextDue } from './recurrence.ts';

const at = (iso: string) => new Date(iso);

/** Completes occurrence after occurrence (from due) and returns the dues the task moves through. */
function walk(
  rrule: string,
  due: DueState,
  steps: number,
  completedAt = at('2000-01-01T00:00:00Z'),
): (NextDue | null)[] {
  const seen: (NextDue | null)[] = [];
  let current: DueState = due;
  for (let done = 0; done < steps; done++) {
    const next = nextOccurrence({ rrule, from: 'due', due: current, completedAt, done });
    seen.push(next);
    if (!next) break;
    current = { ...current, ...next };
  }
  return seen;
}

const paris = (s: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(s));

describe('nextOccurrence', () => {
  it('keeps a weekly 09:00 Europe/Paris task at 09:00 local across both DST changes', () => {
    // Monday 2026-03-23 09:00 CET (08:00Z); DST starts 2026-03-29, ends 2026-10-25.
    const dues = walk(
      'FREQ=WEEKLY',
      { dueDate: null, dueAt: '2026-03-23T08:00:00.000Z', timeZone: 'Europe/Paris' },
      32,
    );
    const instants = dues.map((d) => d!.dueAt!);
    expect(instants[0]).toBe('2026-03-30T07:00:00.000Z'); // 09:00 CEST
    expect(instants[30]).toBe('2026-10-26T08:00:00.000Z'); // 09:00 CET again
    for (const instant of instants) expect(paris(instant)).toMatch(/^Mon, \d\d\/\d\d\/2026, 09:00$/);
  });

  it('monthly on the 31st skips months without one', () => {
    const dues = walk(
      'FREQ=MONTHLY;BYMONTHDAY=31',
      { dueDate: '2026-01-31', dueAt: null, timeZone: null },
      4,
    );
    expect(dues.map((d) => d!.dueDate)).toEqual(['2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31']);
  });

  it('yearly on Feb 29 waits for the next leap year', () => {
    const dues = walk('FREQ=YEARLY', { dueDate: '2024-02-29', dueAt: null, timeZone: null }, 2);
    expect(dues.map((d) => d!.dueDate)).toEqual(['2028-02-29', '2032-02-29']);
  });

  it('weekdays skip the weekend', () => {
    const dues = walk(
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      { dueDate: '2026-03-05', dueAt: null, timeZone: null },
      3,
    );
    expect(dues.map((d) => d!.dueDate)).toEqual(['2026-03-06', '2026-03-09', '2026-03-10']);
  });

  it('every 2 weeks on Monday and Wednesday', () => {
    const dues = walk(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE',
      { dueDate: '2026-03-02', dueAt: null, timeZone: null },
      3,
    );
    expect(dues.map((d) => d!.dueDate)).toEqual(['2026-03-04', '2026-03-16', '2026-03-18']);
  });

  it('COUNT ends the series after that many occurrences', () => {
    const dues = walk('FREQ=DAILY;COUNT=3', { dueDate: '2026-03-01', dueAt: null, timeZone: null }, 5);
    expect(dues).toEqual([
      { dueDate: '2026-03-02', dueAt: null },
      { dueDate: '2026-03-03', dueAt: null },
      null,
    ]);
  });

  it('UNTIL (a date, or a UTC time) is the last possible occurrence, inclusive', () => {
    expect(
      walk('FREQ=DAILY;UNTIL=20260303', { dueDate: '2026-03-01', dueAt: null, timeZone: null }, 5),
    ).toEqual([{ dueDate: '2026-03-02', dueAt: null }, { dueDate: '2026-03-03', dueAt: null }, null]);
    const timed = walk(
      'FREQ=DAILY;UNTIL=20260303',
      { dueDate: null, dueAt: '2026-03-01T22:00:00.000Z', timeZone: 'America/New_York' },
      5,
    );
    expect(timed.map((d) => d?.dueAt ?? null)).toEqual([
      '2026-03-02T22:00:00.000Z',
      '2026-03-03T22:00:00.000Z',
      null,
    ]);
    expect(
      walk(
        'FREQ=WEEKLY;UNTIL=20260310T000000Z',
        { dueDate: null, dueAt: '2026-03-02T10:00:00.000Z', timeZone: 'UTC' },
        3,
      ),
    ).toEqual([{ dueDate: null, dueAt: '2026-03-09T10:00:00.000Z' }, null]);
  });

  it("from completion: counts from the completion day, at the task's time", () => {
    const next = nextOccurrence({
      rrule: 'FREQ=DAILY;INTERVAL=3',
      from: 'completion',
      due: { dueDate: null, dueAt: '2026-03-01T08:00:00.000Z', timeZone: 'Europe/Paris' },
      completedAt: at('2026-03-10T15:00:00Z'),
      done: 0,
    });
    expect(next).toEqual({ dueDate: null, dueAt: '2026-03-13T08:00:00.000Z' });
    // All-day: "today" is the completing viewer's date (already the 11th in Tokyo).
    const allDay = nextOccurrence({
      rrule: 'FREQ=WEEKLY',
      from: 'completion',
      due: { dueDate: '2026-02-01', dueAt: null, timeZone: null },
      completedAt: at('2026-03-10T20:00:00Z'),
      done: 0,
      viewerZone: 'Asia/Tokyo',
    });
    expect(allDay).toEqual({ dueDate: '2026-03-18', dueAt: null });
  });

  it('a rule with no occurrence left in years 0001-9999 ends the series', () => {
    expect(walk('FREQ=YEARLY', { dueDate: '9999-06-01', dueAt: null, timeZone: null }, 1)).toEqual([null]);
  });
});
