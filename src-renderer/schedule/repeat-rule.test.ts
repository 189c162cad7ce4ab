import { describe, expect, it } from 'vitest';
import { rruleProblem } from '../../src-shared/recurrence-rule';
import { draftOf, nthOf, presetDraft, ruleOf, weekdayOf, type RepeatDraft } from './repeat-rule';

// 2030-01-07 is a Monday; 2030-01-31 the fifth Thursday of January.
const monday = '2030-01-07';

describe('repeat picker model', () => {
  it('anchors the presets on the due date', () => {
    expect(ruleOf(presetDraft('daily', monday))).toBe('FREQ=DAILY');
    expect(ruleOf(presetDraft('weekdays', monday))).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
    expect(ruleOf(presetDraft('weekly', monday))).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(ruleOf(presetDraft('weekly', '2030-01-11'))).toBe('FREQ=WEEKLY;BYDAY=FR');
    expect(ruleOf(presetDraft('monthly', '2030-01-31'))).toBe('FREQ=MONTHLY;BYMONTHDAY=31');
    expect(ruleOf(presetDraft('yearly', monday))).toBe('FREQ=YEARLY');
  });

  it('writes custom rules with interval, weekdays in week order, nth weekday and an end', () => {
    const base = presetDraft('weekly', monday);
    const custom: RepeatDraft = { ...base, preset: 'custom', interval: 2, weekdays: ['WE', 'MO'], end: { kind: 'count', count: 5 } };
    expect(ruleOf(custom)).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=5');
    const firstMonday: RepeatDraft = { ...base, preset: 'custom', freq: 'MONTHLY', monthly: { kind: 'weekday', nth: 1, weekday: 'MO' }, end: { kind: 'until', date: '2030-06-30' } };
    expect(ruleOf(firstMonday)).toBe('FREQ=MONTHLY;BYDAY=1MO;UNTIL=20300630');
    const lastFriday: RepeatDraft = { ...firstMonday, monthly: { kind: 'weekday', nth: -1, weekday: 'FR' }, end: { kind: 'never' } };
    expect(ruleOf(lastFriday)).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    for (const draft of [custom, firstMonday, lastFriday]) expect(rruleProblem(ruleOf(draft))).toBeNull();
  });

  it('reads stored rules back into the picker, recognising presets', () => {
    expect(draftOf('FREQ=WEEKLY;BYDAY=MO', 'due', monday)?.preset).toBe('weekly');
    expect(draftOf('FREQ=WEEKLY;BYDAY=TU', 'due', monday)?.preset).toBe('custom');
    expect(draftOf('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'completion', monday)).toMatchObject({ preset: 'weekdays', from: 'completion' });
    expect(draftOf('FREQ=DAILY;COUNT=3', 'due', monday)).toMatchObject({ preset: 'daily', end: { kind: 'count', count: 3 } });
    expect(draftOf('FREQ=MONTHLY;BYDAY=-1FR', 'due', monday)).toMatchObject({ preset: 'custom', monthly: { kind: 'weekday', nth: -1, weekday: 'FR' } });
    expect(draftOf('FREQ=YEARLY;UNTIL=20301231T225959Z', 'due', monday)?.end).toEqual({ kind: 'until', date: '2030-12-31' });
    for (const rule of ['FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR;COUNT=4', 'FREQ=MONTHLY;BYMONTHDAY=15', 'FREQ=MONTHLY;BYDAY=2TH', 'FREQ=DAILY;INTERVAL=10;UNTIL=20300101']) {
      const draft = draftOf(rule, 'due', monday);
      expect(draft && ruleOf(draft)).toBe(rule);
    }
  });

  it('leaves rules it has no controls for to a note (null)', () => {
    expect(draftOf('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'due', monday)).toBeNull();
    expect(draftOf('FREQ=YEARLY;BYWEEKNO=20', 'due', monday)).toBeNull();
    expect(draftOf('FREQ=MONTHLY;BYMONTHDAY=-1', 'due', monday)).toBeNull();
  });

  it('knows a date’s weekday and which one of its month it is', () => {
    expect(weekdayOf(monday)).toBe('MO');
    expect(weekdayOf('2030-01-13')).toBe('SU');
    expect(nthOf('2030-01-07')).toBe(1);
    expect(nthOf('2030-01-22')).toBe(4);
    expect(nthOf('2030-01-31')).toBe(-1);
  });
});
