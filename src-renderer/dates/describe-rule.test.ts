import { describe, expect, it } from 'vitest';
import { describeRule, ordinal } from './describe-rule';

const en = { locale: 'en-GB' };

describe('describeRule', () => {
  it('reads the frequencies and intervals', () => {
    expect(describeRule('FREQ=DAILY', en)).toBe('Every day');
    expect(describeRule('FREQ=DAILY;INTERVAL=3', en)).toBe('Every 3 days');
    expect(describeRule('FREQ=WEEKLY', en)).toBe('Every week');
    expect(describeRule('FREQ=MONTHLY;INTERVAL=2', en)).toBe('Every 2 months');
    expect(describeRule('FREQ=YEARLY', en)).toBe('Every year');
  });

  it('names weekdays in week order, and weekdays / weekends as such', () => {
    expect(describeRule('FREQ=WEEKLY;BYDAY=WE,MO', en)).toBe('Every week on Monday and Wednesday');
    expect(describeRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', en)).toBe('Every 2 weeks on Thursday');
    expect(describeRule('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', en)).toBe('Every weekday');
    expect(describeRule('FREQ=DAILY;BYDAY=FR,TH,WE,TU,MO', en)).toBe('Every weekday');
    expect(describeRule('FREQ=WEEKLY;BYDAY=SU,SA', en)).toBe('Every weekend day');
    expect(describeRule('FREQ=WEEKLY;BYDAY=SU,MO,SA', en)).toBe('Every week on Monday, Saturday and Sunday');
  });

  it('reads month days and the nth weekday of a month', () => {
    expect(describeRule('FREQ=MONTHLY;BYMONTHDAY=15', en)).toBe('Every month on the 15th');
    expect(describeRule('FREQ=MONTHLY;BYMONTHDAY=1,11,22,-1', en)).toBe(
      'Every month on the 1st, 11th, 22nd and last day',
    );
    expect(describeRule('FREQ=MONTHLY;BYDAY=1MO', en)).toBe('Every month on the first Monday');
    expect(describeRule('FREQ=MONTHLY;BYDAY=-1FR', en)).toBe('Every month on the last Friday');
    expect(describeRule('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2', en)).toBe('Every month on the second Tuesday');
    expect(describeRule('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=14', en)).toBe('Every year on March 14');
  });

  it('says how it ends and what it repeats from', () => {
    expect(describeRule('FREQ=DAILY;COUNT=10', en)).toBe('Every day, 10 times');
    expect(describeRule('FREQ=DAILY;COUNT=1', en)).toBe('Every day, once');
    expect(describeRule('FREQ=WEEKLY;BYDAY=FR;UNTIL=20261218', en)).toBe(
      'Every week on Friday until Fri, 18 Dec 2026',
    );
    expect(describeRule('FREQ=DAILY;INTERVAL=3', { ...en, from: 'completion' })).toBe(
      'Every 3 days after completion',
    );
  });

  it('takes the API spelling in any case, with or without RRULE:', () => {
    expect(describeRule('rrule:freq=weekly;byday=mo', en)).toBe('Every week on Monday');
  });

  it('names days in the viewer locale', () => {
    expect(describeRule('FREQ=WEEKLY;BYDAY=MO', { locale: 'de-DE' })).toBe('Every week on Montag');
  });

  it('shows an unreadable rule as it is', () => {
    expect(describeRule('FREQ=HOURLY', en)).toBe('FREQ=HOURLY');
    expect(describeRule('', en)).toBe('');
  });

  it('writes ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '31st',
      '111th',
    ]);
    expect(ordinal(-2)).toBe('2nd-to-last day');
  });
});
