// GET /api/{userId}/tasks/counts: one statement, each count a range of an index (EXPLAIN tests in
// start-date-plans.test.ts and search-plans.test.ts), and its named parameters.
import { dueWindow, dueWindowParams, dueWindowSql } from '../schedule/due-window.ts';

type Params = Record<string, string>;

/** The due-window conditions with their parameters renamed `@<prefix>_...` (several windows in one statement). */
function prefixed(sql: string[], prefix: string): string {
  return sql.join(' AND ').replace(/@(keyFrom|keyTo|dueFrom|dueTo|dateFrom|dateTo)\b/g, `@${prefix}_$1`);
}

function prefixParams(params: Params, prefix: string): Params {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [`${prefix}_${k}`, v]));
}

/**
 * Each count is an index-only range of tasks_user_live_counts (migration 003); one pass over every row with
 * sum(...) read each row from the table and took ~0.2 s at 100,000 tasks. The due counts are ranges of
 * (user_id, completed, due_key) (migration 005), all-day tasks by local date. Today's count is the tasks due before
 * the day ends (a range of that index) plus the started ones not among them (a range of tasks_user_live_start,
 * migration 007, each checked against its due): every task once.
 */
export function countsSql(): string {
  const live = 'FROM tasks WHERE user_id = @userId AND deleted_at IS NULL';
  const today = prefixed(dueWindowSql(true, true, 'due_key'), 'd');
  const overdue = prefixed(dueWindowSql(false, true, 'due_key'), 'o');
  const dueByTonight = prefixed(dueWindowSql(false, true, 'due_key'), 't');
  return `SELECT (SELECT count(*) ${live}) AS "all",
              (SELECT count(*) ${live} AND completed = 1) AS completed,
              (SELECT count(*) ${live} AND completed = 0 AND ${today}) AS dueToday,
              (SELECT count(*) ${live} AND completed = 0 AND ${overdue}) AS overdue,
              (SELECT count(*) ${live} AND completed = 0 AND ${dueByTonight})
                + (SELECT count(*) ${live} AND completed = 0 AND start_date <= @startedBy
                   AND NOT ifnull(${dueByTonight}, 0)) AS today`;
}

/** The parameters of countsSql for a viewer's day [dayStart, dayEnd), `now` and zone. */
export function countsParams(
  userId: string,
  window: { dayStart: string; dayEnd: string; now: string; timeZone: string },
): Params {
  const day = dueWindow(window.dayStart, window.dayEnd, window.timeZone);
  return {
    userId,
    ...prefixParams(dueWindowParams(day), 'd'),
    ...prefixParams(dueWindowParams(dueWindow(undefined, window.now, window.timeZone)), 'o'),
    ...prefixParams(dueWindowParams(dueWindow(undefined, window.dayEnd, window.timeZone)), 't'),
    // The day the window covers (its first whole local day): a start date on or before it has come.
    startedBy: day.dateFrom!,
  };
}
