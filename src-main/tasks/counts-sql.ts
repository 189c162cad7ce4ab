// GET /api/{userId}/tasks/counts: one statement, each count a range of an index (EXPLAIN tests in
// start-date-plans.test.ts and search-plans.test.ts), and its named parameters.
import { localDate } from '../../src-shared/schedule/zoned-time.ts';
import { dueWindow, dueWindowParams, dueWindowSql, type DueWindow } from '../schedule/due-window.ts';

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
 * (user_id, completed, due_key) (migration 005), all-day tasks by local date. Today's count (`today` = overdue +
 * dueLater + startedOnly, summed by the caller) reuses the overdue count, adds what is due from now until the day
 * ends (a short range of the same index) and the started tasks not due by then (a range of tasks_user_live_start,
 * migration 007, each checked against its due): every task once, and no second pass over the overdue range
 * (counting "due before tonight" again took the counts from ~0.3 s to ~1.3 s at 100,000 tasks, bench S3).
 */
export function countsSql(): string {
  const live = 'FROM tasks WHERE user_id = @userId AND deleted_at IS NULL';
  const today = prefixed(dueWindowSql(true, true, 'due_key'), 'd');
  const overdue = prefixed(dueWindowSql(false, true, 'due_key'), 'o');
  const dueLater = prefixed(dueWindowSql(true, true, 'due_key'), 'n');
  const dueByTonight = prefixed(dueWindowSql(false, true, 'due_key'), 't');
  return `SELECT (SELECT count(*) ${live}) AS "all",
              (SELECT count(*) ${live} AND completed = 1) AS completed,
              (SELECT count(*) ${live} AND completed = 0 AND ${today}) AS dueToday,
              (SELECT count(*) ${live} AND completed = 0 AND ${overdue}) AS overdue,
              (SELECT count(*) ${live} AND completed = 0 AND ${dueLater}) AS dueLater,
              (SELECT count(*) ${live} AND completed = 0 AND start_date <= @startedBy
                 AND NOT ifnull(${dueByTonight}, 0)) AS startedOnly`;
}

/** [now, dayEnd) for timed dues and [now's date, dayEnd's date) for all-day ones: the complement of overdue. */
function laterToday(now: string, dayEnd: string, timeZone: string): DueWindow {
  const window = dueWindow(now, dayEnd, timeZone);
  window.dateFrom = localDate(new Date(now), timeZone);
  window.keyFrom = window.dateFrom < now ? window.dateFrom : now;
  return window;
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
    // Not overdue yet but due before the day ends: timed from `now`, all-day from now's date on.
    ...prefixParams(dueWindowParams(laterToday(window.now, window.dayEnd, window.timeZone)), 'n'),
    // The day the window covers (its first whole local day): a start date on or before it has come.
    startedBy: day.dateFrom!,
  };
}
