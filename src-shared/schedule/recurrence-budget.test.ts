// No rule the API accepts expands without bound: over generated rules (every BY* part, large lists, COUNT and
// UNTIL), each check and each next-occurrence spends at most the budget plus one period's weight. Work is
// counted (the meter), never timed; bench/recurrence-budget.ts records the times.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeRrule, ruleParts, rruleProblem } from '../recurrence-rule.ts';
import { findNextOccurrence, recurrenceBudgetProblem } from './recurrence.ts';
import { periodWeight, RECURRENCE_WORK_BUDGET, workMeter } from './recurrence-budget.ts';
import { ruleArbitrary } from './test-support/rule-arbitrary.ts';

const ALL_DAY = { dueDate: '2026-12-04', dueAt: null, timeZone: null };
const TIMED = { dueDate: null, dueAt: '2026-12-04T08:00:00.000Z', timeZone: 'Europe/Berlin' };
const completedAt = new Date('2026-12-04T10:00:00Z');

/** A meter whose clock never stops it: what is asserted is the counted work alone. */
const countedMeter = () => workMeter(RECURRENCE_WORK_BUDGET, Number.POSITIVE_INFINITY);

describe('recurrence work budget', () => {
  it('refuses the review rule without expanding it, even with COUNT and without a due', () => {
    const hostile = `FREQ=YEARLY;BYMONTH=12;BYYEARDAY=${Array.from({ length: 80 }, (_, i) => i + 1).join(',')}`;
    expect(hostile.length).toBe(263);
    expect(rruleProblem(hostile)).toMatch(/never matches/);
    expect(rruleProblem(`${hostile};COUNT=5`)).toMatch(/never matches/);
  });

  it('stops a rule that can match but never does from the due, and says so', () => {
    // Every fourth year from 2026 is never a leap year: February 29th never comes.
    const rule = 'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29';
    expect(rruleProblem(rule)).toBeNull();
    const meter = countedMeter();
    const result = findNextOccurrence(
      { rrule: rule, from: 'due', due: ALL_DAY, completedAt, done: 0 },
      meter,
    );
    expect(result).toEqual({ kind: 'over-budget' });
    // The library reads its caps from the instance (recurrence-budget.ts): a spent meter is what stopped it.
    expect(meter.exceeded).toBe(true);
    expect(meter.units).toBeLessThanOrEqual(RECURRENCE_WORK_BUDGET + periodWeight(ruleParts(rule)));
    const fields = { ...ALL_DAY, recurrence: { rrule: rule, from: 'due' as const } };
    expect(recurrenceBudgetProblem(fields, completedAt)).toMatch(/too long/);
    // From a due in a leap year's cycle the same rule is fine.
    expect(recurrenceBudgetProblem({ ...fields, dueDate: '2024-02-29' }, completedAt)).toBeNull();
  });

  it('finds everyday rules with a few units', () => {
    for (const rule of [
      'FREQ=DAILY',
      'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      'FREQ=MONTHLY;BYDAY=-1FR',
      'FREQ=YEARLY',
    ]) {
      const meter = countedMeter();
      const result = findNextOccurrence(
        { rrule: rule, from: 'due', due: TIMED, completedAt, done: 0 },
        meter,
      );
      expect(result.kind, rule).toBe('next');
      expect(meter.units, rule).toBeLessThan(100);
    }
  });

  it('spends at most the budget plus one period on any accepted rule (fast-check)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        ruleArbitrary,
        fc.boolean(),
        fc.constantFrom<'due' | 'completion'>('due', 'completion'),
        (text, timed, from) => {
          if (rruleProblem(text) !== null) return;
          accepted++;
          const rrule = normalizeRrule(text);
          const meter = countedMeter();
          const result = findNextOccurrence(
            { rrule, from, due: timed ? TIMED : ALL_DAY, completedAt, done: 0 },
            meter,
          );
          expect(['next', 'end', 'over-budget']).toContain(result.kind);
          expect(meter.units, rrule).toBeLessThanOrEqual(
            RECURRENCE_WORK_BUDGET + periodWeight(ruleParts(rrule)),
          );
          expect(result.kind === 'over-budget', rrule).toBe(meter.exceeded);
        },
      ),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(40);
  });
});
