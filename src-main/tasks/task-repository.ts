import type { Statement } from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type {
  ListQuery,
  Task,
  TaskCounts,
  TaskCreate,
  TaskList,
  TaskPatch,
} from '../../src-shared/task-schemas.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import { toFtsQuery } from './fts-query.ts';
import { dueWindow, dueWindowParams, dueWindowSql } from '../schedule/due-window.ts';
import { mergeSchedule } from '../schedule/schedule-fields.ts';
import { decodeCursor, encodeCursor } from './list-cursor.ts';
import { buildListSql, DEFAULT_ORDER, shapeKey, SORT_KEYS, type ListShape } from './list-sql.ts';
import { priorityToNumber, TASK_COLUMNS, toTask, type TaskRow } from './task-row.ts';

type Params = Record<string, string | number | null>;

/** A search with at most this many FTS5 matches is driven by the matches (see ListShape.textFirst). */
export const SPARSE_SEARCH_MAX = 500;

/** The fields a write sets; completedAt follows `completed`. */
type TaskFields = Omit<TaskCreate, never>;

/**
 * Every task query, scoped by user id: a task that belongs to someone else behaves exactly like one that does
 * not exist. Statements are prepared once and reused (the list query once per shape). Reads are synchronous;
 * every write goes through the database's write queue and resolves once it is committed (fsynced).
 */
export class TaskRepository {
  private readonly insertStmt: Statement<Params, TaskRow>;
  private readonly getStmt: Statement<Params, TaskRow>;
  private readonly updateStmt: Statement<Params, TaskRow>;
  private readonly deleteStmt: Statement<Params>;
  private readonly restoreStmt: Statement<Params, TaskRow>;
  private readonly countsStmt: Statement<Params, Omit<TaskCounts, 'active'>>;
  private readonly listStmts = new Map<string, Statement<Params, TaskRow>>();
  private readonly ftsMatchesStmt: Statement<Params, number>;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly writes: WriteQueue,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ftsMatchesStmt = db
      .prepare<Params, number>(
        `SELECT count(*) FROM (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH @text LIMIT ${SPARSE_SEARCH_MAX + 1})`,
      )
      .pluck();
    this.insertStmt = db.prepare(
      `INSERT INTO tasks (id, user_id, title, description, completed, completed_at, priority, due_at, created_at, updated_at,
         due_date, time_zone, recurrence_rule, recurrence_from, reminders)
       VALUES (@id, @userId, @title, @description, @completed, @completedAt, @priority, @dueAt, @now, @now,
         @dueDate, @timeZone, @recurrenceRule, @recurrenceFrom, @reminders)
       RETURNING ${TASK_COLUMNS}`,
    );
    this.getStmt = db.prepare(
      `SELECT ${TASK_COLUMNS} FROM tasks WHERE id = @id AND user_id = @userId AND deleted_at IS NULL`,
    );
    this.updateStmt = db.prepare(
      `UPDATE tasks SET title = @title, description = @description, completed = @completed,
         completed_at = @completedAt, priority = @priority, due_at = @dueAt, updated_at = @now,
         due_date = @dueDate, time_zone = @timeZone, reminders = @reminders,
         recurrence_done = CASE WHEN recurrence_rule IS @recurrenceRule THEN recurrence_done ELSE 0 END,
         recurrence_rule = @recurrenceRule, recurrence_from = @recurrenceFrom
       WHERE id = @id AND user_id = @userId AND deleted_at IS NULL
       RETURNING ${TASK_COLUMNS}`,
    );
    // Soft delete: the task moves to the trash (status=deleted) and can be restored until it is purged.
    this.deleteStmt = db.prepare(
      `UPDATE tasks SET deleted_at = @now WHERE id = @id AND user_id = @userId AND deleted_at IS NULL`,
    );
    this.restoreStmt = db.prepare(
      `UPDATE tasks SET deleted_at = NULL WHERE id = @id AND user_id = @userId AND deleted_at IS NOT NULL
       RETURNING ${TASK_COLUMNS}`,
    );
    // Each count is an index-only range of tasks_user_live_counts (migration 003); one pass over every row
    // with sum(...) read each row from the table and took ~0.2 s at 100,000 tasks.
    // The due counts are ranges of (user_id, completed, due_key) (migration 005), all-day tasks by local date.
    const live = 'FROM tasks WHERE user_id = @userId AND deleted_at IS NULL';
    const today = dueWindowSql(true, true, 'due_key').join(' AND ');
    const overdue = dueWindowSql(false, true, 'due_key')
      .join(' AND ')
      .replace(/@(keyTo|dueTo|dateTo)\b/g, '@o_$1');
    this.countsStmt = db.prepare(
      `SELECT (SELECT count(*) ${live}) AS "all",
              (SELECT count(*) ${live} AND completed = 1) AS completed,
              (SELECT count(*) ${live} AND completed = 0 AND ${today}) AS dueToday,
              (SELECT count(*) ${live} AND completed = 0 AND ${overdue}) AS overdue`,
    );
  }

  create(userId: string, input: TaskCreate): Promise<Task> {
    return this.writes.run(() => {
      const now = this.now().toISOString();
      const row = this.insertStmt.get({ id: uuidv7(), userId, now, ...this.columns(input, null, now) });
      return toTask(row!);
    });
  }

  get(userId: string, id: string): Task | null {
    const row = this.getStmt.get({ id, userId });
    return row ? toTask(row) : null;
  }

  /** PUT: every field replaced (omitted ones took their defaults in the schema). */
  replace(userId: string, id: string, input: TaskCreate): Promise<Task | null> {
    return this.update(userId, id, () => input);
  }

  patch(userId: string, id: string, patch: TaskPatch): Promise<Task | null> {
    return this.update(userId, id, (current) => ({
      title: patch.title ?? current.title,
      description: patch.description ?? current.description,
      priority: patch.priority ?? current.priority,
      ...mergeSchedule(current, patch),
      completed: patch.completed ?? current.completed,
    }));
  }

  /** Sets `completed`, or toggles it when `completed` is undefined. */
  setCompleted(userId: string, id: string, completed: boolean | undefined): Promise<Task | null> {
    return this.update(userId, id, (current) => ({ ...current, completed: completed ?? !current.completed }));
  }

  /** Moves the task to the trash. */
  delete(userId: string, id: string): Promise<boolean> {
    return this.writes.run(() => this.deleteStmt.run({ id, userId, now: this.now().toISOString() }).changes === 1);
  }

  /** Takes the task out of the trash; null when it is not in this user's trash. */
  restore(userId: string, id: string): Promise<Task | null> {
    return this.writes.run(() => {
      const row = this.restoreStmt.get({ id, userId });
      return row ? toTask(row) : null;
    });
  }

  list(userId: string, query: ListQuery): TaskList {
    const order = query.order ?? DEFAULT_ORDER[query.sort];
    const text = query.q ? toFtsQuery(query.q) : null;
    const shape: ListShape = {
      status: query.status,
      sort: query.sort,
      order,
      text: text !== null,
      // A cheap, capped count of the matches (all users) picks the plan: few matches -> look them up and sort
      // (100,000 tasks, 10 matches: ~0.2 ms instead of a ~10-30 ms index walk); many -> walk the index in order.
      textFirst: text !== null && this.ftsMatchesStmt.get({ text })! <= SPARSE_SEARCH_MAX,
      dueFrom: query.dueFrom !== undefined,
      dueTo: query.dueTo !== undefined,
      cursor: query.cursor !== undefined,
      offset: query.cursor === undefined && query.offset !== undefined && query.offset > 0,
    };
    const keys = SORT_KEYS[query.sort];
    const params: Params = { userId, limit: query.limit + 1 };
    if (text !== null) params.text = text;
    Object.assign(params, dueWindowParams(dueWindow(query.dueFrom, query.dueTo, query.timeZone ?? 'UTC')));
    if (shape.offset) params.offset = query.offset ?? 0;
    if (query.cursor !== undefined) {
      decodeCursor(query.cursor, query.sort, order, keys.exprs.length).forEach((value, i) => {
        params[`c${i}`] = value;
      });
    }
    const rows = this.listStatement(shape).all(params);
    const hasMore = rows.length > query.limit;
    if (hasMore) rows.pop();
    const last = rows[rows.length - 1];
    return {
      items: rows.map(toTask),
      nextCursor: hasMore && last ? encodeCursor(query.sort, order, keys.values(last)) : null,
    };
  }

  /** Counts; due today and overdue in the viewer's zone (`timeZone`, default UTC) for all-day tasks. */
  counts(
    userId: string,
    window: { dayStart: string; dayEnd: string; now?: string; timeZone?: string },
  ): TaskCounts {
    const now = window.now ?? this.now().toISOString();
    const zone = window.timeZone ?? 'UTC';
    const overdue: Params = {};
    for (const [k, v] of Object.entries(dueWindowParams(dueWindow(undefined, now, zone)))) overdue[`o_${k}`] = v;
    const counts = this.countsStmt.get({
      userId,
      ...dueWindowParams(dueWindow(window.dayStart, window.dayEnd, zone)),
      ...overdue,
    })!;
    return { ...counts, active: counts.all - counts.completed };
  }

  private update(userId: string, id: string, next: (current: Task) => TaskFields): Promise<Task | null> {
    return this.writes.run(() => {
      const currentRow = this.getStmt.get({ id, userId });
      if (!currentRow) return null;
      const current = toTask(currentRow);
      const now = this.now().toISOString();
      const row = this.updateStmt.get({ id, userId, now, ...this.columns(next(current), current, now) });
      return row ? toTask(row) : null;
    });
  }

  /** Column values for a write; completedAt is kept while a task stays completed. */
  private columns(fields: TaskFields, current: Task | null, now: string): Params {
    const completedAt = fields.completed ? (current?.completed ? current.completedAt : now) : null;
    return {
      title: fields.title,
      description: fields.description,
      completed: fields.completed ? 1 : 0,
      completedAt,
      priority: priorityToNumber(fields.priority),
      dueAt: fields.dueAt,
      dueDate: fields.dueDate,
      timeZone: fields.timeZone,
      recurrenceRule: fields.recurrence?.rrule ?? null,
      recurrenceFrom: fields.recurrence?.from ?? null,
      reminders: JSON.stringify(fields.reminders),
    };
  }

  private listStatement(shape: ListShape): Statement<Params, TaskRow> {
    const key = shapeKey(shape);
    let stmt = this.listStmts.get(key);
    if (!stmt) {
      stmt = this.db.prepare(buildListSql(shape));
      this.listStmts.set(key, stmt);
    }
    return stmt;
  }
}
