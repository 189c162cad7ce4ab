import type { Statement } from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { Completion } from '../../src-shared/schedule-schemas.ts';
import type {
  ListQuery,
  RestoredTask,
  RestoredTo,
  RestoreReason,
  Task,
  TaskCounts,
  TaskCreate,
  TaskList,
  TaskMove,
  TaskPatch,
} from '../../src-shared/task-schemas.ts';
import { listSort, NESTING_MAX } from '../../src-shared/task-schemas.ts';
import { missing, RuleError } from '../core/rule-error.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import { ListRepository } from '../lists/list-repository.ts';
import { TagRepository } from '../tags/tag-repository.ts';
import { countsParams, countsSql } from './counts-sql.ts';
import { toFtsQuery } from './fts-query.ts';
import { dueWindow, dueWindowParams } from '../schedule/due-window.ts';
import { RecurringCompletion } from '../schedule/recurring-completion.ts';
import { assertRecurrenceExpands, mergeSchedule } from '../schedule/schedule-fields.ts';
import { todayIn, todayOn, todayParams } from '../schedule/today-window.ts';
import { decodeCursor, encodeCursor } from './list-cursor.ts';
import { buildListSql, DEFAULT_ORDER, shapeKey, SORT_KEYS, type ListShape } from './list-sql.ts';
import { TaskPlacement, type Place } from './task-placement.ts';
import { priorityToNumber, TASK_COLUMNS, toTask, type TaskExtras, type TaskRow } from './task-row.ts';
import { TaskTree } from './task-tree.ts';
import type { TaskPrecondition } from './task-etag.ts';

type Params = Record<string, string | number | null>;

/** A search with at most this many FTS5 matches is driven by the matches (see ListShape.textFirst). */
export const SPARSE_SEARCH_MAX = 500;
/** A tag on at most this many tasks drives a tag-filtered query (see ListShape.tagFirst). */
export const SPARSE_TAG_MAX = 5000;
/** A list with at most this many open tasks is read through its own index and sorted (see ListShape.listFirst). */
export const SMALL_LIST_MAX = 5000;

/** What a create needs: the schema's output (tags optional for callers inside the app). */
export type NewTask = Omit<TaskCreate, 'tags'> & { tags?: string[] };

/** The content fields a write sets; completedAt follows `completed`. */
type TaskFields = Omit<TaskCreate, 'listId' | 'parentId' | 'tags'>;

/**
 * Every task query, scoped by user id: a task that belongs to someone else behaves exactly like one that does
 * not exist. Statements are prepared once and reused (the list query once per shape). Reads are synchronous;
 * every write goes through the database's write queue and resolves once it is committed (fsynced).
 */
export class TaskRepository {
  readonly lists: ListRepository;
  readonly tags: TagRepository;
  private readonly tree: TaskTree;
  private readonly placement: TaskPlacement;
  private readonly insertStmt: Statement<Params, TaskRow>;
  private readonly getStmt: Statement<Params, TaskRow>;
  private readonly getTrashedStmt: Statement<Params, TaskRow>;
  private readonly updateStmt: Statement<Params, TaskRow>;
  private readonly placeStmt: Statement<Params>;
  private readonly relistStmt: Statement<Params>;
  private readonly completeOpenStmt: Statement<Params>;
  private readonly trashStmt: Statement<Params>;
  private readonly untrashStmt: Statement<Params>;
  private readonly countsStmt: Statement<
    Params,
    Omit<TaskCounts, 'active' | 'today'> & { dueLater: number; startedOnly: number }
  >;
  private readonly subtaskCountsStmt: Statement<Params, { parent_id: string; total: number; done: number }>;
  private readonly listSizeStmt: Statement<Params, number>;
  private readonly tagSizeStmt: Statement<Params, number>;
  private readonly listStmts = new Map<string, Statement<Params, TaskRow>>();
  private readonly ftsMatchesStmt: Statement<Params, number>;
  private readonly recurring: RecurringCompletion;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly writes: WriteQueue,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.lists = new ListRepository(db, writes, now);
    this.tags = new TagRepository(db, writes, now);
    this.tree = new TaskTree(db);
    this.placement = new TaskPlacement(db);
    this.recurring = new RecurringCompletion(db, this.tree);
    this.ftsMatchesStmt = db
      .prepare<Params, number>(
        `SELECT count(*) FROM (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH @text LIMIT ${SPARSE_SEARCH_MAX + 1})`,
      )
      .pluck();
    this.insertStmt = db.prepare(
      `INSERT INTO tasks (id, user_id, title, description, completed, completed_at, priority, due_at, created_at,
         updated_at, due_date, time_zone, recurrence_rule, recurrence_from, reminders, list_id, parent_id, position,
         start_date)
       VALUES (@id, @userId, @title, @description, @completed, @completedAt, @priority, @dueAt, @now, @now,
         @dueDate, @timeZone, @recurrenceRule, @recurrenceFrom, @reminders, @listId, @parentId, @position,
         @startDate)
       RETURNING ${TASK_COLUMNS}`,
    );
    this.getStmt = db.prepare(
      `SELECT ${TASK_COLUMNS} FROM tasks WHERE id = @id AND user_id = @userId AND deleted_at IS NULL`,
    );
    this.getTrashedStmt = db.prepare(
      `SELECT ${TASK_COLUMNS} FROM tasks WHERE id = @id AND user_id = @userId AND deleted_at IS NOT NULL`,
    );
    this.updateStmt = db.prepare(
      `UPDATE tasks SET title = @title, description = @description, completed = @completed,
         completed_at = @completedAt, priority = @priority, due_at = @dueAt, updated_at = @now,
         due_date = @dueDate, time_zone = @timeZone, reminders = @reminders, start_date = @startDate,
         recurrence_done = CASE WHEN recurrence_rule IS @recurrenceRule THEN recurrence_done ELSE 0 END,
         recurrence_rule = @recurrenceRule, recurrence_from = @recurrenceFrom
       WHERE id = @id AND user_id = @userId AND deleted_at IS NULL
       RETURNING ${TASK_COLUMNS}`,
    );
    this.placeStmt = db.prepare(
      `UPDATE tasks SET list_id = @listId, parent_id = @parentId, position = @position, updated_at = @now
       WHERE id = @id AND user_id = @userId`,
    );
    this.relistStmt = db.prepare(
      `UPDATE tasks SET list_id = @listId WHERE id IN (SELECT value FROM json_each(@ids)) AND list_id != @listId`,
    );
    this.completeOpenStmt = db.prepare(
      `UPDATE tasks SET completed = 1, completed_at = @now, updated_at = @now
       WHERE id IN (SELECT value FROM json_each(@ids)) AND completed = 0 AND deleted_at IS NULL`,
    );
    // Soft delete: the task moves to the trash (status=deleted) and can be restored until it is purged.
    this.trashStmt = db.prepare(
      `UPDATE tasks SET deleted_at = @now WHERE id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NULL`,
    );
    this.untrashStmt = db.prepare(
      `UPDATE tasks SET deleted_at = NULL WHERE id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NOT NULL`,
    );
    this.countsStmt = db.prepare(countsSql());
    // Index-only over tasks_children (migration 004).
    this.subtaskCountsStmt = db.prepare(
      `SELECT parent_id, count(*) AS total, sum(completed) AS done FROM tasks
       WHERE parent_id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NULL GROUP BY parent_id`,
    );
    this.listSizeStmt = db
      .prepare<Params, number>(`SELECT active_count FROM lists WHERE id = @listId AND user_id = @userId`)
      .pluck();
    this.tagSizeStmt = db.prepare<Params, number>(`SELECT task_count FROM tags WHERE id = @tagId`).pluck();
  }

  /** Creates a task; concurrent creates share one transaction and one fsync (the write queue's group commit). */
  create(userId: string, input: NewTask): Promise<Task> {
    return this.writes.run(() => this.createNow(userId, input));
  }

  /** create() inside a write already running (sync commits a task and its sync state in one write). */
  createNow(userId: string, input: NewTask): Task {
    const place = this.placeForNew(userId, input);
    const now = this.now().toISOString();
    const id = uuidv7();
    this.insertStmt.run({
      id,
      userId,
      now,
      ...this.columns(input, null, now),
      listId: place.listId,
      parentId: place.parentId,
      position: this.placement.defaultKey(place, null),
    });
    if (input.tags?.length) this.tags.setTaskTags(userId, id, input.tags);
    return this.get(userId, id)!;
  }

  get(userId: string, id: string): Task | null {
    const row = this.getStmt.get({ id, userId });
    return row ? this.decorate([row])[0]! : null;
  }

  /** PUT: every content field replaced (omitted ones took their defaults); listId/parentId only when given. */
  replace(userId: string, id: string, input: TaskCreate, precondition?: TaskPrecondition): Promise<Task | null> {
    return this.writes.run(() =>
      this.holds(userId, id, precondition) ? this.replaceNow(userId, id, input) : null,
    );
  }

  /** replace() inside a write already running. */
  replaceNow(userId: string, id: string, input: TaskCreate): Task | null {
    const task = this.updateNow(userId, id, () => input, input.tags);
    if (!task || (input.listId === undefined && input.parentId === undefined)) return task;
    const move: TaskMove = {};
    if (input.listId !== undefined) move.listId = input.listId;
    if (input.parentId !== undefined) move.parentId = input.parentId;
    const samePlace =
      (move.listId ?? task.listId) === task.listId &&
      (move.parentId === undefined || move.parentId === task.parentId);
    return samePlace ? task : this.moveNow(userId, id, move);
  }

  patch(userId: string, id: string, patch: TaskPatch, precondition?: TaskPrecondition): Promise<Task | null> {
    return this.writes.run(() => {
      if (!this.holds(userId, id, precondition)) return null;
      const updated = this.updateNow(
        userId,
        id,
        (current) => ({
          title: patch.title ?? current.title,
          description: patch.description ?? current.description,
          priority: patch.priority ?? current.priority,
          startDate: patch.startDate === undefined ? current.startDate : patch.startDate,
          ...mergeSchedule(current, patch),
          completed: current.completed,
        }),
        patch.tags,
      );
      // `completed` last, through setCompletedNow: a recurring task moves to its next occurrence instead.
      return updated && patch.completed !== undefined
        ? this.setCompletedNow(userId, id, patch.completed)
        : updated;
    });
  }

  /**
   * Sets `completed`, or toggles it when `completed` is undefined. Completing a task completes its subtasks; a
   * recurring task moves to its next occurrence instead (schedule/recurring-completion.ts). `viewerZone` is the
   * completing client's zone.
   */
  setCompleted(
    userId: string,
    id: string,
    completed: boolean | undefined,
    viewerZone?: string,
    occurrence?: string,
    precondition?: TaskPrecondition,
  ): Promise<Task | null> {
    return this.writes.run(() =>
      this.holds(userId, id, precondition)
        ? this.setCompletedNow(userId, id, completed, viewerZone, occurrence)
        : null,
    );
  }

  /** setCompleted() inside a write already running (bulk actions). */
  setCompletedNow(
    userId: string,
    id: string,
    completed: boolean | undefined,
    viewerZone?: string,
    occurrence?: string,
  ): Task | null {
    if (this.recurring.setCompleted(userId, id, completed, this.now(), viewerZone, occurrence))
      return this.get(userId, id);
    return this.updateNow(userId, id, (current) => ({
      ...current,
      completed: completed ?? !current.completed,
    }));
  }

  /** A recurring task's completions, newest first; null when the task is not this user's. */
  completions(userId: string, id: string): Completion[] | null {
    return this.recurring.list(userId, id);
  }

  /** Moves the task and its subtasks to the trash (one timestamp, so restore brings back exactly them). */
  delete(userId: string, id: string, precondition?: TaskPrecondition): Promise<boolean> {
    return this.writes.run(() => this.holds(userId, id, precondition) && this.deleteNow(userId, id) !== null);
  }

  /**
   * Inside a write: false when the task is not live; runs `precondition` (If-Match) on it as it is now, so the
   * check and the write see the same task (the precondition throws to refuse).
   */
  private holds(userId: string, id: string, precondition: TaskPrecondition | undefined): boolean {
    if (!precondition) return true;
    const current = this.get(userId, id);
    if (!current) return false;
    precondition(current);
    return true;
  }

  /** delete() inside a write already running: the ids it trashed, or null when the task is not live. */
  deleteNow(userId: string, id: string): string[] | null {
    if (!this.getStmt.get({ id, userId })) return null;
    const ids = this.tree.subtree(id).map((s) => s.id);
    this.trashStmt.run({ ids: JSON.stringify(ids), now: this.now().toISOString() });
    return ids;
  }

  /**
   * Takes the task out of the trash with the subtasks trashed with it; null when it is not in this user's trash.
   * Under its old parent when that is live and still a valid place (no cycle, the subtree within NESTING_MAX
   * levels), else at the top level of its list (the parent's when it has one); its list gone, into the Inbox.
   * The answer says where it landed (restoredTo).
   */
  restore(userId: string, id: string): Promise<RestoredTask | null> {
    return this.writes.run(() => {
      const restored = this.restoreNow(userId, id);
      return restored ? { ...this.get(userId, id)!, restoredTo: restored.restoredTo } : null;
    });
  }

  /** restore() inside a write already running: the ids it took out of the trash and where the task landed. */
  restoreNow(userId: string, id: string): { ids: string[]; restoredTo: RestoredTo } | null {
    const row = this.getTrashedStmt.get({ id, userId });
    if (!row) return null;
    const ids = this.tree.trashedWith(id, row.deleted_at!);
    this.untrashStmt.run({ ids: JSON.stringify(ids) });
    const parent = row.parent_id === null ? null : this.getStmt.get({ id: row.parent_id, userId });
    const reason =
      row.parent_id === null
        ? 'original'
        : this.restoreReason(userId, id, row.parent_id, parent ?? undefined);
    const listId = parent
      ? parent.list_id
      : (this.lists.get(userId, row.list_id)?.id ?? this.lists.inboxId(userId));
    if (reason !== 'original') {
      const place: Place = { listId, parentId: null };
      this.placeStmt.run({
        id,
        userId,
        ...place,
        position: this.placement.top(place, id),
        now: row.updated_at,
      });
    }
    this.relistStmt.run({ listId, ids: JSON.stringify(ids) });
    return { ids, restoredTo: { parentId: reason === 'original' ? row.parent_id : null, reason } };
  }

  /** Whether a restored task may go back under its old parent, and why not. */
  private restoreReason(
    userId: string,
    id: string,
    parentId: string,
    parent: TaskRow | undefined,
  ): RestoreReason {
    if (!parent)
      return this.getTrashedStmt.get({ id: parentId, userId }) ? 'parent-in-trash' : 'parent-deleted';
    const chain = this.tree.ancestors(userId, parentId);
    if (chain.includes(id)) return 'cycle';
    const height = Math.max(...this.tree.subtree(id).map((s) => s.depth));
    return chain.length + 1 + height > NESTING_MAX ? 'too-deep' : 'original';
  }

  /** Moves a task (with its subtree) to another place and/or between two siblings. null when it is not found. */
  move(userId: string, id: string, move: TaskMove): Promise<Task | null> {
    return this.writes.run(() => this.moveNow(userId, id, move));
  }

  /** move() inside a write already running (bulk actions too). */
  moveNow(userId: string, id: string, move: TaskMove): Task | null {
    const row = this.getStmt.get({ id, userId });
    if (!row) return null;
    const before = move.beforeId === undefined ? null : this.neighbour(userId, id, move.beforeId, 'beforeId');
    const after = move.afterId === undefined ? null : this.neighbour(userId, id, move.afterId, 'afterId');
    const anchor = after ?? before;
    if (before && after && (before.parent_id !== after.parent_id || before.list_id !== after.list_id)) {
      throw conflict('beforeId', 'beforeId and afterId must be siblings (same parent and list).');
    }
    let place: Place;
    if (anchor) {
      place = { listId: anchor.list_id, parentId: anchor.parent_id };
      if (move.parentId !== undefined && move.parentId !== place.parentId) {
        throw conflict('parentId', 'parentId differs from the parent of beforeId/afterId.');
      }
    } else if (move.parentId != null) {
      place = {
        listId: this.requireTask(userId, move.parentId, 'parentId').list_id,
        parentId: move.parentId,
      };
    } else if (move.parentId === null) {
      place = { listId: move.listId ?? row.list_id, parentId: null };
    } else {
      const listId = move.listId!;
      place = { listId, parentId: listId === row.list_id ? row.parent_id : null };
    }
    if (move.listId !== undefined && move.listId !== place.listId) {
      throw conflict('listId', "A subtask lives in its parent's list: listId differs from it.");
    }
    if (place.listId !== row.list_id) this.lists.requireLive(userId, place.listId);
    if (place.parentId !== null) this.tree.assertCanNest(userId, id, place.parentId);

    const samePlace = place.listId === row.list_id && place.parentId === row.parent_id;
    let position: string;
    if (before && after) position = this.placement.between(place, id, after.position, before.position);
    else if (after) position = this.placement.after(place, id, after.position);
    else if (before) position = this.placement.before(place, id, before.position);
    else position = samePlace ? row.position : this.placement.defaultKey(place, id);

    this.placeStmt.run({ id, userId, ...place, position, now: this.now().toISOString() });
    if (place.listId !== row.list_id) {
      const ids = this.tree.subtree(id).map((s) => s.id);
      this.relistStmt.run({ listId: place.listId, ids: JSON.stringify(ids) });
    }
    return this.get(userId, id);
  }

  /** The task and its live descendants (for writes that reach a subtree). */
  subtreeIds(id: string): string[] {
    return this.tree.subtree(id).map((s) => s.id);
  }

  /**
   * Puts a task (with its subtree) exactly at `place` (the undo of a bulk move), inside a write already running.
   * False when the task is not live; the list must be live and the parent a live task in it (nesting rules apply).
   */
  placeNow(userId: string, id: string, place: Place & { position: string }): boolean {
    const row = this.getStmt.get({ id, userId });
    if (!row) return false;
    this.lists.requireLive(userId, place.listId);
    if (place.parentId !== null) {
      if (this.requireTask(userId, place.parentId, 'parentId').list_id !== place.listId) {
        throw conflict('listId', "A subtask lives in its parent's list: listId differs from it.");
      }
      this.tree.assertCanNest(userId, id, place.parentId);
    }
    this.placeStmt.run({ id, userId, ...place, now: this.now().toISOString() });
    if (place.listId !== row.list_id) {
      const ids = this.tree.subtree(id).map((s) => s.id);
      this.relistStmt.run({ listId: place.listId, ids: JSON.stringify(ids) });
    }
    return true;
  }

  list(userId: string, query: ListQuery): TaskList {
    const sort = listSort(query);
    const order = query.order ?? DEFAULT_ORDER[sort];
    const text = query.q ? toFtsQuery(query.q) : null;
    const params: Params = { userId, limit: query.limit + 1 };
    let tagIds: number[] = [];
    if (query.tag?.length) {
      const ids = this.tags.idsOf(userId, query.tag);
      if (ids === null) return { items: [], nextCursor: null };
      tagIds = ids;
      tagIds.forEach((tagId, i) => (params[`t${i}`] = tagId));
    }
    const list = query.listId !== undefined;
    const shape: ListShape = {
      status: query.status,
      sort,
      order,
      text: text !== null,
      // A cheap, capped count of the matches (all users) picks the plan: few matches -> look them up and sort
      // (100,000 tasks, 10 matches: ~0.2 ms instead of a ~10-30 ms index walk); many -> walk the index in order.
      textFirst: text !== null && this.ftsMatchesStmt.get({ text })! <= SPARSE_SEARCH_MAX,
      dueFrom: query.dueFrom !== undefined,
      dueTo: query.dueTo !== undefined,
      startFrom: query.startFrom !== undefined,
      startTo: query.startTo !== undefined,
      available: query.available === true,
      today: query.view === 'today',
      cursor: query.cursor !== undefined,
      offset: query.cursor === undefined && query.offset !== undefined && query.offset > 0,
      list,
      listFirst:
        list &&
        (sort === 'manual' ||
          (this.listSizeStmt.get({ listId: query.listId!, userId }) ?? 0) <= SMALL_LIST_MAX),
      parent: query.parentId === undefined ? 'none' : query.parentId === 'root' ? 'root' : 'task',
      tags: tagIds.length,
      tagFirst: tagIds.length > 0 && this.tagSizeStmt.get({ tagId: tagIds[0]! })! <= SPARSE_TAG_MAX,
    };
    if (shape.textFirst && shape.tagFirst) shape.tagFirst = false;
    const keys = SORT_KEYS[sort];
    if (text !== null) params.text = text;
    const zone = query.timeZone ?? 'UTC';
    Object.assign(params, dueWindowParams(dueWindow(query.dueFrom, query.dueTo, zone)));
    if (query.startFrom !== undefined) params.startFrom = query.startFrom;
    if (query.startTo !== undefined) params.startTo = query.startTo;
    if (shape.available || shape.today) {
      const today = query.today !== undefined ? todayOn(query.today, zone) : todayIn(this.now(), zone);
      Object.assign(params, todayParams(today, zone));
    }
    if (query.listId !== undefined) params.listId = query.listId;
    if (shape.parent === 'task') params.parentId = query.parentId!;
    if (shape.offset) params.offset = query.offset ?? 0;
    if (query.cursor !== undefined) {
      decodeCursor(query.cursor, sort, order, keys.exprs.length).forEach((value, i) => {
        params[`c${i}`] = value;
      });
    }
    const rows = this.listStatement(shape).all(params);
    const hasMore = rows.length > query.limit;
    if (hasMore) rows.pop();
    const last = rows[rows.length - 1];
    return {
      items: this.decorate(rows),
      nextCursor: hasMore && last ? encodeCursor(sort, order, keys.values(last)) : null,
    };
  }

  /** Counts; due today and overdue in the viewer's zone (`timeZone`, default UTC) for all-day tasks. */
  counts(
    userId: string,
    window: { dayStart: string; dayEnd: string; now?: string; timeZone?: string },
  ): TaskCounts {
    const counts = this.countsStmt.get(
      countsParams(userId, {
        dayStart: window.dayStart,
        dayEnd: window.dayEnd,
        now: window.now ?? this.now().toISOString(),
        timeZone: window.timeZone ?? 'UTC',
      }),
    )!;
    const { dueLater, startedOnly, ...rest } = counts;
    return { ...rest, active: rest.all - rest.completed, today: rest.overdue + dueLater + startedOnly };
  }

  /** Tasks with their tags and subtask progress: two queries for the whole page. */
  private decorate(rows: TaskRow[]): Task[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const names = this.tags.namesFor(ids);
    const progress = new Map<string, TaskExtras>();
    for (const c of this.subtaskCountsStmt.all({ ids: JSON.stringify(ids) })) {
      progress.set(c.parent_id, { tags: [], subtaskCount: c.total, subtasksDone: c.done });
    }
    return rows.map((row) =>
      toTask(row, {
        tags: names.get(row.id) ?? [],
        subtaskCount: progress.get(row.id)?.subtaskCount ?? 0,
        subtasksDone: progress.get(row.id)?.subtasksDone ?? 0,
      }),
    );
  }

  private placeForNew(userId: string, input: NewTask): Place {
    if (input.parentId != null) {
      const parent = this.requireTask(userId, input.parentId, 'parentId');
      if (input.listId !== undefined && input.listId !== parent.list_id) {
        throw conflict('listId', "A subtask lives in its parent's list: listId differs from it.");
      }
      this.tree.assertCanNest(userId, null, parent.id);
      return { listId: parent.list_id, parentId: parent.id };
    }
    const listId =
      input.listId === undefined
        ? this.lists.inboxId(userId)
        : this.lists.requireLive(userId, input.listId).id;
    return { listId, parentId: null };
  }

  private requireTask(userId: string, id: string, path: string): TaskRow {
    const row = this.getStmt.get({ id, userId });
    if (!row) throw missing('Task', path);
    return row;
  }

  private neighbour(userId: string, self: string, id: string, path: string): TaskRow {
    if (id === self) throw conflict(path, 'A task cannot be placed next to itself.');
    return this.requireTask(userId, id, path);
  }

  private update(
    userId: string,
    id: string,
    next: (current: Task) => TaskFields,
    tags?: readonly string[],
  ): Promise<Task | null> {
    return this.writes.run(() => this.updateNow(userId, id, next, tags));
  }

  /** update() inside a write already running. */
  private updateNow(
    userId: string,
    id: string,
    next: (current: Task) => TaskFields,
    tags?: readonly string[],
  ): Task | null {
    const currentRow = this.getStmt.get({ id, userId });
    if (!currentRow) return null;
    const current = toTask(currentRow);
    const now = this.now().toISOString();
    const fields = next(current);
    const row = this.updateStmt.get({ id, userId, now, ...this.columns(fields, current, now) });
    if (!row) return null;
    if (tags !== undefined) this.tags.setTaskTags(userId, id, tags);
    if (fields.completed && !current.completed) {
      const ids = this.tree.subtree(id).map((s) => s.id);
      this.completeOpenStmt.run({ ids: JSON.stringify(ids), now });
    }
    return this.get(userId, id);
  }

  /** Column values for a write; completedAt is kept while a task stays completed. */
  private columns(fields: TaskFields, current: Task | null, now: string): Params {
    assertRecurrenceExpands(fields, current, new Date(now));
    const completedAt = fields.completed ? (current?.completed ? current.completedAt : now) : null;
    return {
      title: fields.title,
      description: fields.description,
      completed: fields.completed ? 1 : 0,
      completedAt,
      priority: priorityToNumber(fields.priority),
      dueAt: fields.dueAt,
      dueDate: fields.dueDate,
      startDate: fields.startDate,
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

function conflict(path: string, message: string): RuleError {
  return new RuleError('VALIDATION_FAILED', message, [{ path, message }]);
}
