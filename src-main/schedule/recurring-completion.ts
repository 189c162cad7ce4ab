// Completing a recurring task: the same task stays open and moves to its next occurrence, its subtasks reopen,
// and the completion is recorded (task_completions). Un-completing right after restores the occurrence exactly.
import type { Statement } from 'better-sqlite3';
import type { Completion } from '../../src-shared/schedule-schemas.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { TaskTree } from '../tasks/task-tree.ts';
import { nextOccurrence, type NextDue } from '../../src-shared/schedule/recurrence.ts';
import { shiftStart } from './start-shift.ts';

type Params = Record<string, string | number | null>;

interface RecurringRow {
  completed: number;
  start_date: string | null;
  due_date: string | null;
  due_at: string | null;
  time_zone: string | null;
  recurrence_rule: string | null;
  recurrence_from: string | null;
  recurrence_done: number;
  snoozed_until: string | null;
}

/** A subtask's state before a completion changed it. */
interface SubtaskState {
  id: string;
  completed: number;
  completedAt: string | null;
}

/** What undo needs: the state before the completion, the due it moved to, and the subtasks it changed. */
interface UndoRecord {
  done: number;
  /** The start date before (absent in records written before migration 007: the start is left as it is). */
  startDate?: string | null;
  snoozedUntil: string | null;
  next: NextDue | null;
  subtasks: SubtaskState[];
}

interface CompletionRow {
  id: number;
  due_date: string | null;
  due_at: string | null;
  time_zone: string | null;
  undo: string;
}

export const COMPLETIONS_LIMIT_MAX = 1000;

/**
 * Sets `completed` on a recurring task (undefined = toggle). Returns false when the task is not a live recurring
 * task of this user (the caller then completes it as a plain task), true when it handled the write.
 */
export class RecurringCompletion {
  private readonly getStmt: Statement<Params, RecurringRow>;
  private readonly advanceStmt: Statement<Params>;
  private readonly finishStmt: Statement<Params>;
  private readonly restoreStmt: Statement<Params>;
  private readonly insertCompletionStmt: Statement<Params>;
  private readonly lastCompletionStmt: Statement<Params, CompletionRow>;
  private readonly deleteCompletionStmt: Statement<Params>;
  private readonly listStmt: Statement<Params, Omit<CompletionRow, 'id' | 'undo'> & { completed_at: string }>;
  private readonly subtasksStmt: Statement<Params, SubtaskState>;
  private readonly setSubtasksStmt: Statement<Params>;

  constructor(
    db: SqliteDatabase,
    private readonly tree: TaskTree,
  ) {
    this.getStmt = db.prepare(
      `SELECT completed, start_date, due_date, due_at, time_zone, recurrence_rule, recurrence_from, recurrence_done,
         snoozed_until FROM tasks WHERE id = @id AND user_id = @userId AND deleted_at IS NULL`,
    );
    this.advanceStmt = db.prepare(
      `UPDATE tasks SET due_date = @dueDate, due_at = @dueAt, start_date = @startDate,
         recurrence_done = recurrence_done + 1, snoozed_until = NULL, completed = 0, completed_at = NULL, updated_at = @now
       WHERE id = @id AND user_id = @userId`,
    );
    this.finishStmt = db.prepare(
      `UPDATE tasks SET recurrence_done = recurrence_done + 1, completed = 1, completed_at = @now, updated_at = @now
       WHERE id = @id AND user_id = @userId`,
    );
    this.restoreStmt = db.prepare(
      `UPDATE tasks SET due_date = @dueDate, due_at = @dueAt, start_date = @startDate, recurrence_done = @done,
         snoozed_until = @snoozedUntil, completed = 0, completed_at = NULL, updated_at = @now
       WHERE id = @id AND user_id = @userId`,
    );
    this.insertCompletionStmt = db.prepare(
      `INSERT INTO task_completions (task_id, completed_at, due_date, due_at, time_zone, undo)
       VALUES (@id, @now, @dueDate, @dueAt, @timeZone, @undo)`,
    );
    this.lastCompletionStmt = db.prepare(
      `SELECT id, due_date, due_at, time_zone, undo FROM task_completions WHERE task_id = @id ORDER BY id DESC LIMIT 1`,
    );
    this.deleteCompletionStmt = db.prepare(`DELETE FROM task_completions WHERE id = @completionId`);
    this.listStmt = db.prepare(
      `SELECT completed_at, due_date, due_at, time_zone FROM task_completions WHERE task_id = @id
       ORDER BY id DESC LIMIT @limit`,
    );
    // Of the listed subtasks, those whose state differs from @completed (the ones a completion changes).
    this.subtasksStmt = db.prepare(
      `SELECT id, completed, completed_at AS completedAt FROM tasks
       WHERE id IN (SELECT value FROM json_each(@ids)) AND user_id = @userId AND completed <> @completed`,
    );
    // Sets each listed subtask's state (a JSON array of SubtaskState).
    this.setSubtasksStmt = db.prepare(
      `UPDATE tasks SET completed = s.completed, completed_at = s.completedAt, updated_at = @now
       FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.completed') AS completed,
                    json_extract(value, '$.completedAt') AS completedAt FROM json_each(@states)) AS s
       WHERE tasks.id = s.id AND tasks.user_id = @userId AND tasks.deleted_at IS NULL`,
    );
  }

  /**
   * See the class comment. Runs inside a queued write (the caller's). `occurrence` (the due the client completes):
   * when the task is no longer at it, that occurrence is done already and nothing changes (idempotent retries).
   */
  setCompleted(
    userId: string,
    id: string,
    completed: boolean | undefined,
    now: Date,
    viewerZone: string | undefined,
    occurrence?: string,
  ): boolean {
    const row = this.getStmt.get({ id, userId });
    if (!row || row.recurrence_rule === null) return false;
    const target = completed ?? row.completed === 0;
    if (target && occurrence !== undefined && !isCurrentOccurrence(row, occurrence)) return true;
    if (target && row.completed === 0) this.complete(userId, id, row, now, viewerZone);
    else if (!target) this.undo(userId, id, row, now.toISOString());
    return true;
  }

  /** The task's completions, newest first; null when the task is not this user's. */
  list(userId: string, id: string, limit = COMPLETIONS_LIMIT_MAX): Completion[] | null {
    if (!this.getStmt.get({ id, userId })) return null;
    return this.listStmt.all({ id, limit }).map((r) => ({
      completedAt: r.completed_at,
      dueDate: r.due_date,
      dueAt: r.due_at,
      timeZone: r.time_zone,
    }));
  }

  private complete(
    userId: string,
    id: string,
    row: RecurringRow,
    now: Date,
    viewerZone: string | undefined,
  ): void {
    const at = now.toISOString();
    const next = nextOccurrence({
      rrule: row.recurrence_rule!,
      from: row.recurrence_from === 'completion' ? 'completion' : 'due',
      due: { dueDate: row.due_date, dueAt: row.due_at, timeZone: row.time_zone },
      completedAt: now,
      done: row.recurrence_done,
      ...(viewerZone ? { viewerZone } : {}),
    });
    // The next occurrence starts with its subtasks open; the last one completes them with it.
    const ids = this.tree
      .subtree(id)
      .filter((t) => t.depth > 0)
      .map((t) => t.id);
    const subtasks =
      ids.length === 0
        ? []
        : this.subtasksStmt.all({ ids: JSON.stringify(ids), userId, completed: next ? 0 : 1 });
    const target = subtasks.map((s) => ({
      id: s.id,
      completed: next ? 0 : 1,
      completedAt: next ? null : at,
    }));
    if (target.length > 0) this.setSubtasksStmt.run({ states: JSON.stringify(target), userId, now: at });
    const undo: UndoRecord = {
      done: row.recurrence_done,
      startDate: row.start_date,
      snoozedUntil: row.snoozed_until,
      next,
      subtasks,
    };
    this.insertCompletionStmt.run({
      id,
      now: at,
      dueDate: row.due_date,
      dueAt: row.due_at,
      timeZone: row.time_zone,
      undo: JSON.stringify(undo),
    });
    if (next) {
      const startDate = shiftStart(
        row.start_date,
        { dueDate: row.due_date, dueAt: row.due_at },
        next,
        row.time_zone,
      );
      this.advanceStmt.run({ id, userId, now: at, dueDate: next.dueDate, dueAt: next.dueAt, startDate });
    }
    else this.finishStmt.run({ id, userId, now: at });
  }

  /**
   * Un-complete. Right after a completion (the task still where that completion left it) this restores the
   * completed occurrence exactly: due, COUNT progress, snooze, and its subtasks' states. Otherwise it only
   * reopens a task that completed for good, or leaves an open one as it is.
   */
  private undo(userId: string, id: string, row: RecurringRow, at: string): void {
    const last = this.lastCompletionStmt.get({ id });
    const undo = last ? (JSON.parse(last.undo) as UndoRecord) : null;
    const untouched =
      undo !== null &&
      (undo.next === null
        ? row.completed === 1
        : row.completed === 0 && row.due_date === undo.next.dueDate && row.due_at === undo.next.dueAt);
    if (last && undo && untouched) {
      this.restoreStmt.run({
        id,
        userId,
        now: at,
        dueDate: last.due_date,
        dueAt: last.due_at,
        startDate: undo.startDate === undefined ? row.start_date : undo.startDate,
        done: undo.done,
        snoozedUntil: undo.snoozedUntil,
      });
      if (undo.subtasks.length > 0) {
        this.setSubtasksStmt.run({ states: JSON.stringify(undo.subtasks), userId, now: at });
      }
      this.deleteCompletionStmt.run({ completionId: last.id });
    } else if (row.completed === 1) {
      this.restoreStmt.run({
        id,
        userId,
        now: at,
        dueDate: row.due_date,
        dueAt: row.due_at,
        startDate: row.start_date,
        done: row.recurrence_done,
        snoozedUntil: row.snoozed_until,
      });
    }
  }
}

/** Whether `occurrence` (a date or an instant, as a client sent it) is the task's current due. */
export function isCurrentOccurrence(row: Pick<RecurringRow, 'due_date' | 'due_at'>, occurrence: string): boolean {
  if (row.due_date !== null) return occurrence === row.due_date;
  if (row.due_at !== null) return Date.parse(occurrence) === Date.parse(row.due_at);
  return true;
}
