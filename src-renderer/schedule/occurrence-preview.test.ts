import { describe, expect, it } from 'vitest';
import { localParts } from '../../src-shared/schedule/zoned-time';
import { firstDueFor, previewOccurrences } from './occurrence-preview';
import { snoozeChoices } from './snooze-choices';

const now = new Date('2030-01-04T10:00:00Z'); // a Friday

describe('next occurrences in the window', () => {
  it('lists the next three all-day dates after the due', () => {
    const due = { dueDate: '2030-01-07', dueAt: null, timeZone: null };
    expect(previewOccurrences(due, { rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', from: 'due' }, now).map((d) => d.dueDate)).toEqual(['2030-01-09', '2030-01-14', '2030-01-16']);
    expect(previewOccurrences(due, { rrule: 'FREQ=MONTHLY;BYDAY=1MO', from: 'due' }, now).map((d) => d.dueDate)).toEqual(['2030-02-04', '2030-03-04', '2030-04-01']);
  });

  it('stops where the rule ends', () => {
    const due = { dueDate: '2030-01-07', dueAt: null, timeZone: null };
    expect(previewOccurrences(due, { rrule: 'FREQ=DAILY;COUNT=2', from: 'due' }, now)).toHaveLength(1);
    expect(previewOccurrences(due, { rrule: 'FREQ=DAILY;UNTIL=20300108', from: 'due' }, now).map((d) => d.dueDate)).toEqual(['2030-01-08']);
  });

  it('keeps the wall-clock time in the task’s zone across a DST change', () => {
    // 09:00 in Los Angeles on Friday 1 Mar 2030; DST starts on Sunday 10 Mar.
    const due = { dueDate: null, dueAt: '2030-03-01T17:00:00.000Z', timeZone: 'America/Los_Angeles' };
    const next = previewOccurrences(due, { rrule: 'FREQ=WEEKLY', from: 'due' }, now);
    expect(next.map((d) => d.dueAt)).toEqual(['2030-03-08T17:00:00.000Z', '2030-03-15T16:00:00.000Z', '2030-03-22T16:00:00.000Z']);
    for (const d of next) expect(localParts(new Date(d.dueAt!), 'America/Los_Angeles').hour).toBe(9);
  });

  it('counts from completion as if completed today, then on each due day', () => {
    const due = { dueDate: '2029-12-01', dueAt: null, timeZone: null };
    const next = previewOccurrences(due, { rrule: 'FREQ=DAILY;INTERVAL=3', from: 'completion' }, now, 3, 'Pacific/Auckland');
    // 10:00 UTC on 4 Jan is 23:00 on 4 Jan in Auckland.
    expect(next.map((d) => d.dueDate)).toEqual(['2030-01-07', '2030-01-10', '2030-01-13']);
    const inLa = previewOccurrences(due, { rrule: 'FREQ=DAILY;INTERVAL=3', from: 'completion' }, new Date('2030-01-04T06:00:00Z'), 1, 'America/Los_Angeles');
    expect(inLa.map((d) => d.dueDate)).toEqual(['2030-01-06']); // still 3 Jan in Los Angeles
  });

  it('gives a task without a due the rule’s first day from today in the viewer’s zone', () => {
    expect(firstDueFor({ rrule: 'FREQ=WEEKLY;BYDAY=MO', from: 'due' }, now, 'Europe/Berlin')).toBe('2030-01-07');
    expect(firstDueFor({ rrule: 'FREQ=DAILY', from: 'due' }, now, 'Europe/Berlin')).toBe('2030-01-04');
    expect(firstDueFor({ rrule: 'FREQ=DAILY', from: 'due' }, new Date('2030-01-04T12:00:00Z'), 'Pacific/Auckland')).toBe('2030-01-05');
    expect(firstDueFor({ rrule: 'FREQ=DAILY;COUNT=1', from: 'due' }, now, 'Europe/Berlin')).toBe('2030-01-04');
  });

  it('snoozes until tomorrow 09:00 in the viewer’s zone', () => {
    const [ten, hour, tomorrow] = snoozeChoices(now, 'Pacific/Auckland');
    expect(ten?.input).toEqual({ minutes: 10 });
    expect(hour?.input).toEqual({ minutes: 60 });
    expect(tomorrow?.input).toEqual({ until: '2030-01-04T20:00:00.000Z' }); // 09:00 on 5 Jan, NZDT (+13)
    expect(snoozeChoices(now, 'America/Los_Angeles')[2]?.input).toEqual({ until: '2030-01-05T17:00:00.000Z' });
  });
});
