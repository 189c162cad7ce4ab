import { describe, expect, it } from 'vitest';
import { createDueFormat, zoneCity } from './due-format';

// Fri 4 Dec 2026, 12:30 in Berlin.
const NOW = new Date('2026-12-04T11:30:00Z');
const berlin = createDueFormat('Europe/Berlin', 'en-GB');

describe('due display (defects 3 and 6)', () => {
  it('shows an all-day date, relative to the viewer today, with no time', () => {
    expect(berlin.display({ dueDate: '2026-12-04', dueAt: null, timeZone: null }, NOW)).toMatchObject({
      date: '2026-12-04',
      dayText: 'Today',
      time: null,
      tone: 'today',
      full: 'Due today, Friday, 4 December 2026, all day',
    });
    expect(berlin.display({ dueDate: '2026-12-05', dueAt: null, timeZone: null }, NOW)).toMatchObject({
      dayText: 'Tomorrow',
      tone: 'soon',
    });
    expect(berlin.display({ dueDate: '2026-12-08', dueAt: null, timeZone: null }, NOW)).toMatchObject({
      dayText: 'Tue',
      tone: 'soon',
    });
    expect(berlin.display({ dueDate: '2026-12-20', dueAt: null, timeZone: null }, NOW)).toMatchObject({
      dayText: '20 Dec',
      tone: 'later',
    });
    expect(berlin.display({ dueDate: '2027-01-20', dueAt: null, timeZone: null }, NOW)?.dayText).toBe(
      '20 Jan 2027',
    );
  });

  it('an all-day task is overdue from the next day on, not at midnight UTC', () => {
    expect(berlin.display({ dueDate: '2026-12-01', dueAt: null, timeZone: null }, NOW)).toMatchObject({
      dayText: '1 Dec',
      tone: 'overdue',
    });
    expect(berlin.display({ dueDate: '2026-12-03', dueAt: null, timeZone: null }, NOW)?.dayText).toBe(
      'Yesterday',
    );
    // 00:30 on the 5th in Auckland: the 5th is today there, and not overdue.
    const auckland = createDueFormat('Pacific/Auckland', 'en-GB');
    expect(auckland.display({ dueDate: '2026-12-05', dueAt: null, timeZone: null }, NOW)).toMatchObject({
      dayText: 'Today',
      tone: 'today',
    });
  });

  it('shows the time in the viewer zone and format', () => {
    const due = { dueDate: null, dueAt: '2026-12-05T13:30:00.000Z', timeZone: 'Europe/Berlin' };
    expect(berlin.display(due, NOW)).toMatchObject({ dayText: 'Tomorrow', time: '14:30', zoneNote: null });
    expect(createDueFormat('Europe/Berlin', 'en-US').display(due, NOW)?.time).toBe('02:30 PM');
    expect(berlin.display({ ...due, dueAt: '2026-12-04T09:00:00.000Z' }, NOW)).toMatchObject({
      dayText: 'Today',
      tone: 'overdue',
      time: '10:00',
    });
  });

  it('names the original zone when it is not the viewer one', () => {
    const paris = { dueDate: null, dueAt: '2026-12-07T08:00:00.000Z', timeZone: 'Europe/Paris' };
    // Paris and Berlin show the same clock time: nothing to say.
    expect(berlin.display(paris, NOW)?.zoneNote).toBeNull();
    const london = createDueFormat('Europe/London', 'en-GB').display(paris, NOW);
    expect(london).toMatchObject({ time: '08:00', zoneNote: '09:00 Paris · 08:00 here' });
    expect(london?.full).toBe('Due Monday, 7 December 2026, 08:00 (09:00 Paris · 08:00 here)');
    // In Los Angeles the same instant is the day before.
    expect(createDueFormat('America/Los_Angeles', 'en-GB').display(paris, NOW)).toMatchObject({
      date: '2026-12-07',
      time: '00:00',
    });
    expect(zoneCity('America/Los_Angeles')).toBe('Los Angeles');
  });

  it('a finished task reads neutral', () => {
    expect(berlin.display({ dueDate: '2026-12-01', dueAt: null, timeZone: null }, NOW, true)).toMatchObject({
      tone: 'done',
      full: 'Was due Tuesday, 1 December 2026, all day',
    });
    expect(berlin.display({ dueDate: null, dueAt: null, timeZone: null }, NOW)).toBeNull();
  });
});
