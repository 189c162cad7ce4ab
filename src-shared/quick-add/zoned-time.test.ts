import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, weekdayOf, ZoneClock } from './zoned-time.ts';

describe('ZoneClock', () => {
  const paris = new ZoneClock('Europe/Paris');
  const iso = (ms: number) => new Date(ms).toISOString();

  it('converts wall clocks to instants on both sides of a DST change', () => {
    expect(iso(paris.instant({ year: 2027, month: 3, day: 27, hour: 9, minute: 0 }))).toBe(
      '2027-03-27T08:00:00.000Z',
    );
    expect(iso(paris.instant({ year: 2027, month: 3, day: 28, hour: 9, minute: 0 }))).toBe(
      '2027-03-28T07:00:00.000Z',
    );
  });

  it('moves a time in the spring gap forward, and takes the earlier of a repeated time', () => {
    expect(iso(paris.instant({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 }))).toBe(
      '2027-03-28T01:30:00.000Z',
    );
    expect(iso(paris.instant({ year: 2027, month: 10, day: 31, hour: 2, minute: 30 }))).toBe(
      '2027-10-31T00:30:00.000Z',
    );
  });

  it('writes ISO with the offset in force', () => {
    expect(paris.isoWithOffset(Date.parse('2027-07-01T10:00:00Z'))).toBe('2027-07-01T12:00:00+02:00');
    expect(new ZoneClock('America/St_Johns').isoWithOffset(Date.parse('2027-01-01T12:00:00Z'))).toBe(
      '2027-01-01T08:30:00-03:30',
    );
  });
});

describe('calendar helpers', () => {
  it('adds days over month and year ends', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it('knows weekdays and month lengths', () => {
    expect(weekdayOf({ year: 2026, month: 11, day: 30 })).toBe(1);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2027, 4)).toBe(30);
  });
});
