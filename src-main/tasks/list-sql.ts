import type { ListSort, ListStatus } from '../../src-shared/task-schemas.ts';
import { dueWindowSql } from '../schedule/due-window.ts';
import type { SortOrder } from './list-cursor.ts';
import { TASK_COLUMNS, type TaskRow } from './task-row.ts';

/**
 * Per sort: the ORDER BY key expressions (each index in migrations 001 and 004 matches one), and how to read the
 * same key values back from a row for the next page's cursor. `id` is always last: it makes keys unique.
 */
export const SORT_KEYS: Record<ListSort, { exprs: string[]; values: (row: TaskRow) => (string | number)[] }> = {
  created: { exprs: ['created_at', 'id'], values: (r) => [r.created_at, r.id] },
  // due_key: the timed instant or the all-day date (migration 005); a date sorts before that UTC day's times.
  due: { exprs: [`ifnull(due_key, '~')`, 'id'], values: (r) => [r.due_key ?? '~', r.id] },
  priority: { exprs: ['priority', 'created_at', 'id'], values: (r) => [r.priority, r.created_at, r.id] },
  title: { exprs: ['title COLLATE NOCASE', 'id'], values: (r) => [r.title, r.id] },
  manual: { exprs: ['position', 'id'], values: (r) => [r.position, r.id] },
  completed: { exprs: [`ifnull(completed_at, '')`, 'id'], values: (r) => [r.completed_at ?? '', r.id] },
  // start_date (migration 007, tasks_user_start); no start date sorts last ('~').
  start: { exprs: [`ifnull(start_date, '~')`, 'id'], values: (r) => [r.start_date ?? '~', r.id] },
};

export const DEFAULT_ORDER: Record<ListSort, SortOrder> = {
  created: 'desc',
  due: 'asc',
  priority: 'desc',
  title: 'asc',
  manual: 'asc',
  completed: 'desc',
  start: 'asc',
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
  /** startFrom / startTo bounds (inclusive dates). */
  startFrom: boolean;
  startTo: boolean;
  /** available=true: no start date, or one on or before @today. */
  available: boolean;
  /** view=today: due before the end of today (@today_keyTo @today_dueTo @today_dateTo) or started by @today. */
  today: boolean;
  cursor: boolean;
  offset: boolean;
  /** listId filter. */
  list: boolean;
  /**
   * The list is small enough to read whole and sort (its index, tasks_list_order), instead of walking the user's
   * index in sort order and skipping other lists' tasks. Always true for sort=manual (the index is in that order).
   */
  listFirst: boolean;
  /** parentId filter: top level only, or one task's subtasks. */
  parent: 'none' | 'root' | 'task';
  /** How many tags must all match (0 = no tag filter). */
  tags: number;
  /** The first tag is on few tasks: start from its task_tags rows (then sort) instead of walking an index. */
  tagFirst: boolean;
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
    +shape.startFrom,
    +shape.startTo,
    +shape.available,
    +shape.today,
    +shape.cursor,
    +shape.offset,
    +shape.list,
    +shape.listFirst,
    shape.parent,
    shape.tags,
    +shape.tagFirst,
  ].join(':');
}

/**
 * SQL with named parameters: @userId @limit [@text] [@dueFrom] [@dueTo] [@startFrom] [@startTo] [@today] [@listId]
 * [@parentId] [@t0..@tN] [@c0..@cN] [@offset].
 */
export function buildListSql(shape: ListShape): string {
  const { exprs } = SORT_KEYS[shape.sort];
  // A leading `+` keeps SQLite from using an index on that column, which steers it to the plan the shape chose:
  // `+user_id` when the FTS5 matches, a tag's rows or a list's index drive the query.
  const otherDriver = (shape.text && shape.textFirst) || shape.tagFirst || (shape.list && shape.listFirst);
  const where = [
    otherDriver ? '+user_id = @userId' : 'user_id = @userId',
    shape.status === 'deleted' ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL',
  ];
  if (shape.status === 'active') where.push('completed = 0');
  if (shape.status === 'completed') where.push('completed = 1');
  if (shape.list) where.push(shape.listFirst && !shape.tagFirst ? 'list_id = @listId' : '+list_id = @listId');
  if (shape.parent === 'root') where.push('parent_id IS NULL');
  if (shape.parent === 'task') where.push('parent_id = @parentId');
  // Due-date bounds are written on the expression tasks_user_due_key indexes (ifnull(due_key, '~')) so a window is
  // an index range, not a walk past every earlier task (100,000 tasks: 265 ms -> under 1 ms). A missing due date
  // sorts as '~', above every ISO date. All-day tasks match by local date in the viewer's zone (due-window.ts).
  where.push(...dueWindowSql(shape.dueFrom, shape.dueTo));
  // Start-date bounds. A task without a start date matches neither bound. Sorted by start, they are written on the
  // expression tasks_user_start indexes, so they are a range of it; in any other sort the column is prefixed with
  // `+` so the bound does not pull the query off the sort's index (onto a start index, then a sort).
  const startKey = shape.sort === 'start';
  if (shape.startFrom) {
    where.push(startKey ? `ifnull(start_date, '~') >= @startFrom AND start_date >= @startFrom` : '+start_date >= @startFrom');
  }
  if (shape.startTo) where.push(startKey ? `ifnull(start_date, '~') <= @startTo` : '+start_date <= @startTo');
  if (shape.available) where.push('(start_date IS NULL OR start_date <= @today)');
  // Today: one walk of the sort's index; rows are tested against either condition (no range bound, so no second
  // pass and no sort). In due order (the window's order) the due rows come first.
  if (shape.today) {
    const dueByTonight = dueWindowSql(false, true)
      .join(' AND ')
      .replace(/@(keyTo|dueTo|dateTo)\b/g, '@today_$1');
    where.push(`((${dueByTonight}) OR start_date <= @today)`);
  }
  if (shape.text) where.push('tasks.rowid IN (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH @text)');
  for (let i = shape.tagFirst ? 1 : 0; i < shape.tags; i++) {
    where.push(`EXISTS (SELECT 1 FROM task_tags WHERE tag_id = @t${i} AND task_id = tasks.id)`);
  }
  if (shape.cursor) {
    const params = exprs.map((_, i) => `@c${i}`).join(', ');
    where.push(`(${exprs.join(', ')}) ${shape.order === 'asc' ? '>' : '<'} (${params})`);
  }
  const dir = shape.order === 'asc' ? 'ASC' : 'DESC';
  const orderBy = exprs.map((e) => `${e} ${dir}`).join(', ');
  // Tag first: the tag's task_tags rows (primary key order) drive the join; CROSS JOIN fixes that order.
  const from = shape.tagFirst ? 'task_tags tt CROSS JOIN tasks ON tasks.id = tt.task_id' : 'tasks';
  if (shape.tagFirst) where.unshift('tt.tag_id = @t0');
  const columns = TASK_COLUMNS.split(', ')
    .map((c) => `tasks.${c}`)
    .join(', ');
  return (
    `SELECT ${columns} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT @limit` +
    (shape.offset ? ' OFFSET @offset' : '')
  );
}
