import { describe, expect, it } from 'vitest';
import { countsRange } from '../tasks/task-view';
import { dueInWindow } from './due-window';
import { dateInZone, instantAt, shiftDate, startOfDate, timeInZone } from './zoned-day';

// 2026-12-04T11:30Z: Friday 00:30 on the 5th in Auckland (UTC+13), 12:30 on the 4th in Berlin, 03:30 in LA.
const NOW = new Date('2026-12-04T11:30:00Z');

describe('days in a zone', () => {
  it('reads the date of an instant where the viewer is, not in UTC', () => {
    expect(dateInZone(NOW, 'Pacific/Auckland')).toBe('2026-12-05');
    expect(dateInZone(NOW, 'Europe/Berlin')).toBe('2026-12-04');
    expect(dateInZone('2026-12-05T07:30:00Z', 'America/Los_Angeles')).toBe('2026-12-04');
  });

  it('starts a date at local midnight, across DST too', () => {
    expect(startOfDate('2026-12-05', 'Pacific/Auckland').toISOString()).toBe('2026-12-04T11:00:00.000Z');
    expect(startOfDate('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDate('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(instantAt('2026-12-05', '14:30', 'America/Los_Angeles').toISOString()).toBe(
      '2026-12-05T22:30:00.000Z',
    );
    expect(timeInZone('2026-12-05T22:30:00Z', 'America/Los_Angeles')).toBe('14:30');
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
  });

  it("gives Today's window in the viewer's zone, with the zone to send", () => {
    expect(countsRange(NOW, 'Pacific/Auckland')).toEqual({
      dayStart: '2026-12-04T11:00:00.000Z',
      dayEnd: '2026-12-05T11:00:00.000Z',
      now: '2026-12-04T11:30:00.000Z',
      timeZone: 'Pacific/Auckland',
      today: '2026-12-05',
    });
    expect(countsRange(NOW, 'America/Los_Angeles')).toMatchObject({
      dayStart: '2026-12-04T08:00:00.000Z',
      dayEnd: '2026-12-05T08:00:00.000Z',
      today: '2026-12-04',
    });
  });
});

describe('dueInWindow (the server rule for due windows)', () => {
  const auckland = countsRange(NOW, 'Pacific/Auckland');
  it('places an all-day task by its date in the viewer zone', () => {
    const dueToday = { dueDate: '2026-12-05', dueAt: null };
    // Today = [.., dayEnd): due today and overdue; Upcoming = [dayEnd, ..).
    expect(dueInWindow(dueToday, undefined, auckland.dayEnd, auckland.timeZone)).toBe(true);
    expect(dueInWindow(dueToday, auckland.dayEnd, undefined, auckland.timeZone)).toBe(false);
    // The same bounds read in UTC put the date in the future (defect 1).
    expect(dueInWindow(dueToday, undefined, auckland.dayEnd, 'UTC')).toBe(false);
    expect(
      dueInWindow({ dueDate: '2026-12-06', dueAt: null }, auckland.dayEnd, undefined, auckland.timeZone),
    ).toBe(true);
  });

  it('places a timed task by its instant', () => {
    const timed = { dueDate: null, dueAt: '2026-12-05T10:59:00.000Z' };
    expect(dueInWindow(timed, undefined, auckland.dayEnd)).toBe(true);
    expect(dueInWindow(timed, auckland.dayEnd, undefined)).toBe(false);
    expect(dueInWindow({ dueDate: null, dueAt: null }, undefined, auckland.dayEnd)).toBe(false);
  });
});
