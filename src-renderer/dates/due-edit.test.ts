import { describe, expect, it } from 'vitest';
import {
  dueChange,
  dueDateOf,
  dueTimeOf,
  NO_DUE,
  removedWarning,
  withDate,
  withTime,
  type Due,
} from './due-edit';

const BERLIN = 'Europe/Berlin';
// "dentist next friday 14:30", meant in Berlin: Fri 11 Dec 2026 14:30 CET = 13:30Z.
const dentist: Due = { dueDate: null, dueAt: '2026-12-11T13:30:00.000Z', timeZone: BERLIN };

describe('due edits (defect 5)', () => {
  it('a new date keeps the time and the zone', () => {
    expect(withDate(dentist, '2026-12-15', 'America/Los_Angeles')).toEqual({
      dueDate: null,
      dueAt: '2026-12-15T13:30:00.000Z',
      timeZone: BERLIN,
    });
    // Across a DST change the wall-clock time is kept, not the offset: 14:30 in Berlin in summer is 12:30Z.
    expect(withDate(dentist, '2027-06-04', BERLIN).dueAt).toBe('2027-06-04T12:30:00.000Z');
  });

  it('a timed due without a zone is read in the viewer zone', () => {
    const old: Due = { dueDate: null, dueAt: '2026-12-11T22:00:00.000Z', timeZone: null };
    expect(dueTimeOf(old, 'Pacific/Auckland')).toBe('11:00');
    expect(dueDateOf(old, 'Pacific/Auckland')).toBe('2026-12-12');
    expect(withDate(old, '2026-12-14', 'Pacific/Auckland')).toEqual({
      dueDate: null,
      dueAt: '2026-12-13T22:00:00.000Z',
      timeZone: 'Pacific/Auckland',
    });
  });

  it('an all-day due stays all day on a new date', () => {
    expect(withDate({ dueDate: '2026-12-05', dueAt: null, timeZone: null }, '2026-12-07', BERLIN)).toEqual({
      dueDate: '2026-12-07',
      dueAt: null,
      timeZone: null,
    });
    expect(withDate(NO_DUE, '2026-12-07', BERLIN)).toEqual({
      dueDate: '2026-12-07',
      dueAt: null,
      timeZone: null,
    });
  });

  it('a new time keeps the date; all day keeps the date; no date takes today', () => {
    expect(withTime(dentist, '09:15', 'Asia/Tokyo', '2026-12-01')).toEqual({
      dueDate: null,
      dueAt: '2026-12-11T08:15:00.000Z',
      timeZone: BERLIN,
    });
    expect(withTime(dentist, null, 'Asia/Tokyo', '2026-12-01')).toEqual({
      dueDate: '2026-12-11',
      dueAt: null,
      timeZone: null,
    });
    expect(
      withTime({ dueDate: '2026-12-05', dueAt: null, timeZone: null }, '08:00', 'America/Los_Angeles', 'x'),
    ).toEqual({
      dueDate: null,
      dueAt: '2026-12-05T16:00:00.000Z',
      timeZone: 'America/Los_Angeles',
    });
    expect(withTime(NO_DUE, '18:00', BERLIN, '2026-12-04')).toEqual({
      dueDate: null,
      dueAt: '2026-12-04T17:00:00.000Z',
      timeZone: BERLIN,
    });
  });

  it('no date, or all day, drops reminders that need a time and says so', () => {
    const rest = { recurrence: null, reminders: [{ beforeMinutes: 30 }, { at: '2026-12-10T08:00:00.000Z' }] };
    const allDay = dueChange(withTime(dentist, null, BERLIN, 'x'), rest);
    expect(allDay.patch.reminders).toEqual([{ at: '2026-12-10T08:00:00.000Z' }]);
    expect(removedWarning(allDay.removed)).toBe('Removed 1 reminder that needs a time.');
    const none = dueChange(NO_DUE, {
      recurrence: { rrule: 'FREQ=WEEKLY', from: 'due' },
      reminders: [{ beforeMinutes: 0 }, { beforeMinutes: 60 }],
    });
    expect(none.patch).toEqual({ ...NO_DUE, reminders: [], recurrence: null });
    expect(removedWarning(none.removed)).toBe('Removed 2 reminders that need a time and the repeat.');
  });

  it('a timed change keeps every reminder and sends only the due', () => {
    const change = dueChange(withDate(dentist, '2026-12-12', BERLIN), {
      recurrence: null,
      reminders: [{ beforeMinutes: 30 }],
    });
    expect(change.patch).toEqual({ dueDate: null, dueAt: '2026-12-12T13:30:00.000Z', timeZone: BERLIN });
    expect(removedWarning(change.removed)).toBeNull();
  });
});
