// A due window [from, to) as the viewer sees it: timed tasks by instant, all-day tasks by the local days that lie
// wholly inside the window in the viewer's zone (so "due today" is today's date, "overdue" is before today).
import { ceilDate, localDate } from '../../src-shared/schedule/zoned-time.ts';

export interface DueWindow {
  /** Instant bounds for timed tasks. */
  from?: string;
  to?: string;
  /** Date bounds for all-day tasks: dateFrom <= dueDate < dateTo. */
  dateFrom?: string;
  dateTo?: string;
  /** Bounds on due_key (the index) that contain both: the least lower and the greatest upper bound. */
  keyFrom?: string;
  keyTo?: string;
}

export function dueWindow(from: string | undefined, to: string | undefined, timeZone: string): DueWindow {
  const window: DueWindow = {};
  if (from !== undefined) {
    window.from = from;
    window.dateFrom = ceilDate(new Date(from), timeZone);
    window.keyFrom = window.dateFrom < from ? window.dateFrom : from;
  }
  if (to !== undefined) {
    window.to = to;
    // The local day containing `to` ends after `to` unless `to` is its midnight; either way it is excluded.
    window.dateTo = localDate(new Date(to), timeZone);
    window.keyTo = window.dateTo > to ? window.dateTo : to;
  }
  return window;
}

/**
 * SQL conditions (named parameters @keyFrom @keyTo @dueFrom @dueTo @dateFrom @dateTo) for a window; `key` is the
 * indexed expression the range is written on (the list index's ifnull(due_key, '~') or the counts index's due_key).
 */
export function dueWindowSql(hasFrom: boolean, hasTo: boolean, key = `ifnull(due_key, '~')`): string[] {
  const where: string[] = [];
  // On the indexed expression, so a window is an index range (see migration 005).
  if (hasFrom) {
    where.push(`${key} >= @keyFrom`);
    where.push('(CASE WHEN due_date IS NULL THEN due_at >= @dueFrom ELSE due_date >= @dateFrom END)');
  }
  if (hasTo) {
    where.push(`${key} < @keyTo`);
    where.push('(CASE WHEN due_date IS NULL THEN due_at < @dueTo ELSE due_date < @dateTo END)');
  }
  return where;
}

/** Named parameters for dueWindowSql. */
export function dueWindowParams(window: DueWindow): Record<string, string> {
  const params: Record<string, string> = {};
  if (window.from !== undefined) {
    params.keyFrom = window.keyFrom!;
    params.dueFrom = window.from;
    params.dateFrom = window.dateFrom!;
  }
  if (window.to !== undefined) {
    params.keyTo = window.keyTo!;
    params.dueTo = window.to;
    params.dateTo = window.dateTo!;
  }
  return params;
}
