import { describe, expect, it } from 'vitest';
import { parseQuickAdd } from './parse-quick-add.ts';

// Noon UTC on each day of the week of Monday 2026-11-30, read in Berlin (the same calendar day).
const days = [
  '2026-11-30',
  '2026-12-01',
  '2026-12-02',
  '2026-12-03',
  '2026-12-04',
  '2026-12-05',
  '2026-12-06',
];
const due = (text: string, day: string, timeZone = 'Europe/Berlin') =>
  parseQuickAdd(text, { now: `${day}T12:00:00Z`, timeZone });

describe('end of a period', () => {
  it('ends the week on its Friday, and a weekend on the coming Friday', () => {
    const thisWeek = days.map((d) => due('Report by end of the week', d).dueDate);
    expect(thisWeek).toEqual([
      '2026-12-04',
      '2026-12-04',
      '2026-12-04',
      '2026-12-04',
      '2026-12-04',
      '2026-12-11',
      '2026-12-11',
    ]);
    const nextWeek = days.map((d) => due('Report by end of next week', d).dueDate);
    expect(nextWeek).toEqual([
      '2026-12-11',
      '2026-12-11',
      '2026-12-11',
      '2026-12-11',
      '2026-12-11',
      '2026-12-18',
      '2026-12-18',
    ]);
  });

  it('reads the period in the given zone: 31 Dec 23:30 in Los Angeles is 2027 in Auckland', () => {
    const now = '2027-01-01T07:30:00Z';
    expect(parseQuickAdd('x by end of the year', { now, timeZone: 'America/Los_Angeles' }).dueDate).toBe(
      '2026-12-31',
    );
    expect(parseQuickAdd('x by end of the year', { now, timeZone: 'Pacific/Auckland' }).dueDate).toBe(
      '2027-12-31',
    );
    expect(parseQuickAdd('x end of the month', { now, timeZone: 'Pacific/Auckland' }).dueDate).toBe(
      '2027-01-31',
    );
  });

  it("keeps February's length and leap years", () => {
    expect(due('x end of the month', '2028-02-03').dueDate).toBe('2028-02-29');
    expect(due('x end of next month', '2027-01-15').dueDate).toBe('2027-02-28');
  });

  it('takes the lead words into its span, so the chip covers what the title drops', () => {
    const parsed = due('Finish report by the end of the year !high', '2026-11-30');
    expect(parsed.title).toBe('Finish report');
    expect(parsed.spans.find((s) => s.kind === 'date')).toMatchObject({
      text: 'by the end of the year',
      value: { dueDate: '2026-12-31', dueAt: null },
    });
  });

  it('leaves "end of" without a period as text', () => {
    expect(due('Watch the end of the film', '2026-11-30')).toMatchObject({
      title: 'Watch the end of the film',
      dueDate: null,
      dueAt: null,
    });
  });
});
