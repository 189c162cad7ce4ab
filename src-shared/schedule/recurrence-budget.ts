// A work budget for expanding one recurrence rule, so no rule the API accepts can hold the event loop: every
// expansion (validation against the task's due, each completion's next occurrence, the window's preview) runs
// under it and stops when it is spent. Deterministic (counted work, not wall time): the same rule gets the same
// answer on an idle machine and on a loaded one. UI-free and Node-free.
//
// rrule-temporal checks two caps as it goes: `maxIterations` once per period it advances (a year of a YEARLY
// rule, a month of a MONTHLY one) and `maxCandidateEvaluations` once per candidate date it evaluates. It reads
// both from the instance on every check, so a metered rule answers those reads from a meter: each read is
// counted (a period weighs what the rule's lists make it generate, see periodWeight) and once the budget is
// spent the cap reads 0 and the library stops with its own "Maximum ... exceeded" error. The plain caps are set
// too, for the rules the library derives internally. recurrence-budget.test.ts fails should a library update stop
// reading the caps this way.
import { RRuleTemporal } from 'rrule-temporal';

/**
 * Work units one expansion may spend: periods advanced (weighted) plus candidates evaluated. Calibrated with
 * bench/recurrence-budget.ts so that the worst generated rule stays well under 10 ms on an idle machine (see
 * bench/results/); a daily, weekly or monthly rule a person writes spends a few units.
 */
export const RECURRENCE_WORK_BUDGET = 400;

/**
 * Wall-clock backstop of one expansion, in ms: the weights model the library's paths only roughly, so an
 * expansion that has spent more than TIME_CHECK_FLOOR units also stops at this age. On a loaded machine that can
 * refuse a rule an idle one accepts; only rules needing dozens of periods come near it.
 */
export const RECURRENCE_TIME_BUDGET_MS = 4;

/** Units an expansion spends before the clock may stop it: a rule a person writes never comes near. */
const TIME_CHECK_FLOOR = 100;

/** Periods the library may advance in a rule it derives internally (where the meter is not attached). */
const PLAIN_MAX_PERIODS = 200;

/** Counts an expansion's work; `exceeded` once the budget ran out. */
export interface WorkMeter {
  units: number;
  exceeded: boolean;
  readonly budget: number;
  /** performance.now() past which the expansion stops. */
  readonly deadline: number;
}

export function workMeter(
  budget = RECURRENCE_WORK_BUDGET,
  timeBudgetMs = RECURRENCE_TIME_BUDGET_MS,
): WorkMeter {
  return { units: 0, exceeded: false, budget, deadline: performance.now() + timeBudgetMs };
}

const listSize = (parts: Map<string, string>, name: string): number => {
  const value = parts.get(name);
  return value === undefined ? 0 : value.split(',').length;
};

/**
 * What one period of the rule costs the library, in candidates it builds before it filters them: the product of
 * the lists that expand a period of this FREQ (RFC 5545's table: in a DAILY rule every BY part only limits, in a
 * WEEKLY one BYDAY expands, in a MONTHLY one BYMONTHDAY and BYDAY, in a YEARLY one all of them), at least 1;
 * BYSETPOS makes the library build and sort each period's whole set (bench/recurrence-budget.ts: ~10x a plain
 * period, more for a year).
 */
export function periodWeight(parts: Map<string, string>): number {
  const freq = parts.get('FREQ');
  const days = Math.max(1, listSize(parts, 'BYDAY'));
  let weight = 1;
  if (freq === 'WEEKLY') weight = days;
  else if (freq === 'MONTHLY') weight = Math.max(days, listSize(parts, 'BYMONTHDAY'));
  else if (freq === 'YEARLY') {
    const months = Math.max(1, listSize(parts, 'BYMONTH'));
    weight = Math.max(
      listSize(parts, 'BYYEARDAY'),
      listSize(parts, 'BYMONTHDAY') * months,
      listSize(parts, 'BYWEEKNO') * days,
      days * months,
    );
  }
  const setPos = parts.has('BYSETPOS') ? (freq === 'YEARLY' ? 30 : 10) : 1;
  return setPos * Math.max(1, weight);
}

/**
 * The rule built from `text` (DTSTART + RRULE lines) with its caps answered by `meter`, or null when the library
 * refuses the text. `weight` is what one period costs (periodWeight of the rule's parts).
 */
export function meteredRule(text: string, weight: number, meter: WorkMeter): RRuleTemporal | null {
  let rule: RRuleTemporal;
  try {
    rule = new RRuleTemporal({
      rruleString: text,
      maxIterations: PLAIN_MAX_PERIODS,
      maxCandidateEvaluations: meter.budget,
    });
  } catch {
    return null;
  }
  const spend = (units: number): number => {
    if (meter.exceeded) return 0;
    meter.units += units;
    if (meter.units > meter.budget) meter.exceeded = true;
    else if (meter.units > TIME_CHECK_FLOOR && performance.now() > meter.deadline) meter.exceeded = true;
    return meter.exceeded ? 0 : Number.MAX_SAFE_INTEGER;
  };
  Object.defineProperty(rule, 'maxIterations', { get: () => spend(weight), configurable: true });
  Object.defineProperty(rule, 'maxCandidateEvaluations', { get: () => spend(1), configurable: true });
  return rule;
}
