// The start date as the window shows and filters it: "starts Fri" while it is ahead, nothing once it has come;
// Today and "Hide not started" judged like the server does, in the viewer's zone.
import { describe, expect, it } from 'vitest';
import { startFiltersAccept } from './start-filters';
import { startLabel } from './start-words';

describe('start words', () => {
  it('reads "starts tomorrow", a weekday within the week, a date later, and nothing once started', () => {
    const today = '2026-12-02'; // a Wednesday
    expect(startLabel('2026-12-03', today, 'en-GB')).toBe('starts tomorrow');
    expect(startLabel('2026-12-04', today, 'en-GB')).toBe('starts Fri');
    expect(startLabel('2026-12-08', today, 'en-GB')).toBe('starts Tue');
    expect(startLabel('2026-12-09', today, 'en-GB')).toBe('starts 9 Dec');
    expect(startLabel('2027-01-15', today, 'en-GB')).toBe('starts 15 Jan 2027');
    expect(startLabel(today, today, 'en-GB')).toBeNull();
    expect(startLabel('2026-11-01', today, 'en-GB')).toBeNull();
    expect(startLabel(null, today, 'en-GB')).toBeNull();
  });
});

describe('start filters (optimistic updates)', () => {
  // 23:30 on 1 Dec in Los Angeles is already 2 Dec in UTC and in Auckland.
  const now = new Date('2026-12-02T07:30:00Z');
  const task = (startDate: string | null, dueDate: string | null = null) => ({ startDate, dueDate, dueAt: null });

  it("Today takes what is due by tonight or started by today, in the viewer's zone", () => {
    const la = { view: 'today' as const, timeZone: 'America/Los_Angeles' };
    const auckland = { view: 'today' as const, timeZone: 'Pacific/Auckland' };
    expect(startFiltersAccept(la, task('2026-12-01'), now)).toBe(true);
    expect(startFiltersAccept(la, task('2026-12-02'), now)).toBe(false);
    expect(startFiltersAccept(auckland, task('2026-12-02'), now)).toBe(true);
    expect(startFiltersAccept(la, task(null, '2026-12-01'), now)).toBe(true);
    expect(startFiltersAccept(la, task('2026-12-09', '2026-11-30'), now)).toBe(true);
    expect(startFiltersAccept(la, task(null), now)).toBe(false);
  });

  it('"Hide not started" (available) leaves out only starts still ahead; start ranges are inclusive', () => {
    const params = { available: true, timeZone: 'America/Los_Angeles' };
    expect(startFiltersAccept(params, task(null), now)).toBe(true);
    expect(startFiltersAccept(params, task('2026-12-01'), now)).toBe(true);
    expect(startFiltersAccept(params, task('2026-12-02'), now)).toBe(false);
    const range = { startFrom: '2026-12-03', startTo: '2026-12-05' };
    expect(['2026-12-02', '2026-12-03', '2026-12-05', '2026-12-06'].map((d) => startFiltersAccept(range, task(d), now))).toEqual([false, true, true, false]);
    expect(startFiltersAccept(range, task(null), now)).toBe(false);
    expect(startFiltersAccept({}, task('2999-01-01'), now)).toBe(true);
  });
});
