import type { ListSort, ListStatus } from '../../src-shared/task-schemas.ts';
import { dueWindowSql } from '../schedule/due-window.ts';
import type { SortOrder } from './list-cursor.ts';
import { TASK_COLUMNS, type TaskRow } from './task-row.ts';

/**
 * Per sort: the ORDER BY key expressions (each index in migration 001 matches one), and how to read the
 * same key values back from a row for the next page's cursor. `id` is always last: it makes keys unique.
 */
export const SORT_KEYS: Record<ListSort, { exprs: string[]; values: (row: TaskRow) => (string | number)[] }> =
  {
    created: { exprs: ['created_at', 'id'], values: (r) => [r.created_at, r.id] },
    // due_key: the timed instant or the all-day date (migration 005); a date sorts before that UTC day's times.
    due: { exprs: [`ifnull(due_key, '~')`, 'id'], values: (r) => [r.due_key ?? '~', r.id] },
    priority: { exprs: ['priority', 'created_at', 'id'], values: (r) => [r.priority, r.created_at, r.id] },
    title: { exprs: ['title COLLATE NOCASE', 'id'], values: (r) => [r.title, r.id] },
  };

export const DEFAULT_ORDER: Record<ListSort, SortOrder> = {
  created: 'desc',
  due: 'asc',
  priority: 'desc',
  title: 'asc',
};

/** Which optional clauses a list query has. Each distinct shape compiles to one cached prepared statement. */
export interface ListShape {
  status: ListStatus;
  sort: ListSort;
  order: SortOrder;
  text: boolean;
  /**
   * The search matches few tasks: start from the FTS5 matches (look each up by rowid, then sort them) instead of
   * walking the user's index in sort order and testing every task against the match list.
   */
  textFirst: boolean;
  dueFrom: boolean;
  dueTo: boolean;
  cursor: boolean;
  offset: boolean;
}

export function shapeKey(shape: ListShape): string {
  return [
    shape.status,
    shape.sort,
    shape.order,
    +shape.text,
    +shape.textFirst,
    +shape.dueFrom,
    +shape.dueTo,
    +shape.cursor,
    +shape.offset,
  ].join(':');
}

/** SQL with named parameters: @userId @limit [@text] [@dueFrom] [@dueTo] [@c0..@cN] [@offset]. */
export function buildListSql(shape: ListShape): string {
  const { exprs } = SORT_KEYS[shape.sort];
  // `+user_id` keeps SQLite from using the user's indexes, so a sparse search is driven by the FTS5 rowids.
  const where = [
    shape.text && shape.textFirst ? '+user_id = @userId' : 'user_id = @userId',
    shape.status === 'deleted' ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL',
  ];
  if (shape.status === 'active') where.push('completed = 0');
  if (shape.status === 'completed') where.push('completed = 1');
  // Due-date bounds are written on the expression tasks_user_due_key indexes (ifnull(due_key, '~')) so a window is
  // an index range, not a walk past every earlier task (100,000 tasks: 265 ms -> under 1 ms). A missing due date
  // sorts as '~', above every ISO date. All-day tasks match by local date in the viewer's zone (due-window.ts).
  where.push(...dueWindowSql(shape.dueFrom, shape.dueTo));
  if (shape.text) where.push('rowid IN (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH @text)');
  if (shape.cursor) {
    const params = exprs.map((_, i) => `@c${i}`).join(', ');
    where.push(`(${exprs.join(', ')}) ${shape.order === 'asc' ? '>' : '<'} (${params})`);
  }
  const dir = shape.order === 'asc' ? 'ASC' : 'DESC';
  const orderBy = exprs.map((e) => `${e} ${dir}`).join(', ');
  return (
    `SELECT ${TASK_COLUMNS} FROM tasks WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT @limit` +
    (shape.offset ? ' OFFSET @offset' : '')
  );
}
