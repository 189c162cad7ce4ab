// "Never matches" decided by calendar arithmetic: the contradictions it must catch, and (the property) that it
// never refuses a rule built around a real date, whatever else the rule's lists hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleParts } from '../recurrence-rule.ts';
import { ruleNeverMatches } from './rule-feasibility.ts';

const never = (rule: string) => ruleNeverMatches(ruleParts(rule));
const days = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => i + from).join(',');

describe('ruleNeverMatches', () => {
  it('catches filters that cannot meet', () => {
    expect(never(`FREQ=YEARLY;BYMONTH=12;BYYEARDAY=${days(1, 80)}`)).toBe(true); // the review's rule
    expect(never('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30')).toBe(true);
    expect(never('FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31')).toBe(true);
    expect(never('FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6')).toBe(true);
    expect(never('FREQ=YEARLY;BYWEEKNO=1;BYMONTHDAY=15')).toBe(true);
    expect(never('FREQ=YEARLY;BYYEARDAY=366;BYMONTHDAY=30')).toBe(true);
    expect(never('FREQ=DAILY;BYYEARDAY=-1;BYMONTH=1')).toBe(true);
    expect(never('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-30')).toBe(true);
  });

  it('passes rare but real dates', () => {
    expect(never('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29')).toBe(false);
    expect(never('FREQ=YEARLY;BYYEARDAY=366;BYMONTH=12;BYMONTHDAY=31')).toBe(false);
    expect(never('FREQ=YEARLY;BYYEARDAY=60;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO')).toBe(false);
    expect(never('FREQ=YEARLY;BYWEEKNO=53')).toBe(false);
    expect(never('FREQ=YEARLY;BYWEEKNO=-1;BYMONTH=1')).toBe(false); // the last week can hold January 1st
    expect(never('FREQ=YEARLY;BYWEEKNO=1;BYMONTH=12')).toBe(false); // and week 1 December 29th
    expect(never('FREQ=YEARLY;BYWEEKNO=53;BYMONTH=1;BYDAY=SU;BYMONTHDAY=1,2,3')).toBe(false);
    expect(never('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13')).toBe(false);
    expect(never('FREQ=WEEKLY;BYDAY=MO')).toBe(false);
  });

  it('never refuses a rule built around a real date (fast-check)', () => {
    const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2399-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'),
        fc.record({
          month: fc.boolean(),
          monthDay: fc.boolean(),
          fromEnd: fc.boolean(),
          yearDay: fc.boolean(),
          weekNo: fc.boolean(),
          weekday: fc.boolean(),
        }),
        fc.array(fc.integer({ min: 1, max: 28 }), { maxLength: 5 }),
        (date, wkst, use, extra) => {
          const y = date.getUTCFullYear();
          const m = date.getUTCMonth() + 1;
          const d = date.getUTCDate();
          const monthLength = new Date(Date.UTC(y, m, 0)).getUTCDate();
          const yearDay = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
          const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7]!;
          // The date's week number with weeks starting on wkst (week 1 holds January 4th), as RFC 5545 counts it.
          const wk = WEEKDAYS.indexOf(wkst);
          const weekOneStart = (year: number) => {
            const jan4 = Date.UTC(year, 0, 4);
            const jan4Day = (new Date(jan4).getUTCDay() + 6) % 7;
            return jan4 - ((jan4Day - wk + 7) % 7) * 86_400_000;
          };
          const t = Date.UTC(y, m - 1, d);
          const weekYear = t >= weekOneStart(y + 1) ? y + 1 : t >= weekOneStart(y) ? y : y - 1;
          const weekNo = Math.floor((t - weekOneStart(weekYear)) / (7 * 86_400_000)) + 1;
          const parts = ['FREQ=YEARLY', `WKST=${wkst}`];
          const withExtra = (v: number, max = 28) =>
            [v, ...extra.filter((e) => e !== v && e <= max)].join(',');
          if (use.month) parts.push(`BYMONTH=${withExtra(m, 12)}`);
          if (use.monthDay) parts.push(`BYMONTHDAY=${withExtra(use.fromEnd ? d - monthLength - 1 : d)}`);
          if (use.yearDay) parts.push(`BYYEARDAY=${withExtra(yearDay)}`);
          if (use.weekNo) parts.push(`BYWEEKNO=${withExtra(weekNo)}`);
          if (use.weekday) parts.push(`BYDAY=${weekday}`);
          expect(never(parts.join(';')), parts.join(';')).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
