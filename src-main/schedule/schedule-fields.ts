// How a write's schedule fields combine with the task's current ones, and the cross-field rules on the result.
import { scheduleProblems, type ScheduleFields } from '../../src-shared/schedule-schemas.ts';
import type { TaskPatch } from '../../src-shared/task-schemas.ts';
import { recurrenceBudgetProblem, type RecurringDue } from '../../src-shared/schedule/recurrence.ts';
import { RuleError } from '../core/rule-error.ts';

/** A write whose schedule fields break a cross-field rule: answered as 422 VALIDATION_FAILED with the details. */
export class ScheduleRuleError extends Error {
  override readonly name = 'ScheduleRuleError';
  constructor(readonly details: { path: string; message: string }[]) {
    super(details.map((d) => d.message).join(' '));
  }
}

/** Throws ScheduleRuleError when the fields do not fit together. */
export function assertSchedule(fields: ScheduleFields): void {
  const problems = scheduleProblems(fields);
  if (problems.length > 0) throw new ScheduleRuleError(problems);
}

/**
 * A patch over the current fields. Due is one concept: setting `dueDate` replaces a timed due (and its zone),
 * setting `dueAt` replaces an all-day date; clearing `dueAt` clears its zone. Fields the patch names win.
 */
export function mergeSchedule(current: ScheduleFields, patch: TaskPatch): ScheduleFields {
  let { dueDate, dueAt, timeZone } = current;
  if (patch.dueDate !== undefined && patch.dueDate !== null) {
    dueDate = patch.dueDate;
    if (patch.dueAt === undefined) dueAt = null;
    if (patch.timeZone === undefined) timeZone = null;
  } else if (patch.dueDate === null) {
    dueDate = null;
  }
  if (patch.dueAt !== undefined) {
    dueAt = patch.dueAt;
    if (patch.dueAt !== null && patch.dueDate === undefined) dueDate = null;
    if (patch.dueAt === null && patch.timeZone === undefined) timeZone = null;
  }
  if (patch.timeZone !== undefined) timeZone = patch.timeZone;
  const merged: ScheduleFields = {
    dueDate,
    dueAt,
    timeZone,
    recurrence: patch.recurrence === undefined ? current.recurrence : patch.recurrence,
    reminders: patch.reminders ?? current.reminders,
  };
  assertSchedule(merged);
  return merged;
}

/**
 * Throws RuleError RECURRENCE_TOO_COMPLEX when the rule would be written with a due it cannot expand from within
 * the budget (src-shared/schedule/recurrence-budget.ts). Only when the rule or the due changes: an edit of the
 * title re-checks nothing.
 */
export function assertRecurrenceExpands(fields: RecurringDue, current: RecurringDue | null, now: Date): void {
  if (fields.recurrence === null) return;
  if (
    current !== null &&
    current.recurrence?.rrule === fields.recurrence.rrule &&
    current.dueDate === fields.dueDate &&
    current.dueAt === fields.dueAt &&
    current.timeZone === fields.timeZone
  ) {
    return;
  }
  const problem = recurrenceBudgetProblem(fields, now);
  if (problem !== null) {
    throw new RuleError('RECURRENCE_TOO_COMPLEX', problem, [{ path: 'recurrence.rrule', message: problem }]);
  }
}
