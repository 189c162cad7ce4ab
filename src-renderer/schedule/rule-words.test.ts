import { describe, expect, it } from 'vitest';
import { describeRule } from './rule-words';

describe('rules in words', () => {
  it('words the rules the pickers and quick add make', () => {
    expect(describeRule('FREQ=DAILY')).toBe('Every day');
    expect(describeRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE')).toBe('Every 2 weeks on Mon and Wed');
    expect(describeRule('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR')).toBe('Every weekday');
    expect(describeRule('FREQ=WEEKLY;BYDAY=SA,SU')).toBe('Every weekend day');
    expect(describeRule('FREQ=MONTHLY;BYMONTHDAY=-1')).toBe('Every month on the last day');
    expect(describeRule('FREQ=MONTHLY;BYMONTHDAY=22')).toBe('Every month on the 22nd');
    expect(describeRule('FREQ=MONTHLY;BYMONTHDAY=11')).toBe('Every month on the 11th');
    expect(describeRule('FREQ=MONTHLY;BYDAY=1MO')).toBe('Every month on the first Mon');
    expect(describeRule('FREQ=MONTHLY;BYDAY=-1FR')).toBe('Every month on the last Fri');
    expect(describeRule('FREQ=DAILY;INTERVAL=3', 'completion')).toBe('Every 3 days after completion');
  });

  it('takes the day from the due when the rule does not name it', () => {
    expect(describeRule('FREQ=MONTHLY', 'due', '2030-01-07')).toBe('Every month on the 7th');
    expect(describeRule('FREQ=YEARLY', 'due', '2030-12-06')).toMatch(/^Every year on (6 December|December 6)$/);
    expect(describeRule('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1')).toMatch(/^Every year on (1 March|March 1)$/);
  });

  it('says how it ends', () => {
    expect(describeRule('FREQ=DAILY;COUNT=5')).toBe('Every day, 5 times');
    expect(describeRule('FREQ=DAILY;COUNT=1')).toBe('Every day, once');
    expect(describeRule('FREQ=WEEKLY;BYDAY=FR;UNTIL=20300630')).toMatch(/^Every week on Fri, until (30 Jun 2030|Jun 30, 2030)$/);
  });

  it('falls back to the library’s words for rules it does not word', () => {
    expect(describeRule('FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR', 'due', '2030-01-07')).toMatch(/^Every month on Monday/);
  });
});
