// Subtask trees: ancestors, descendants and the nesting rules (no cycle, at most NESTING_MAX levels). Every walk is
// bounded (a tree is at most NESTING_MAX deep) and rides the parent_id indexes of migration 004.
import type { Statement } from 'better-sqlite3';
import { NESTING_MAX } from '../../src-shared/task-schemas.ts';
import { RuleError } from '../core/rule-error.ts';
import type { SqliteDatabase } from '../db/open-database.ts';

type Params = Record<string, string | number | null>;

/** A bound on walks, so a damaged tree (a cycle written by hand) cannot loop forever. */
const WALK_MAX = NESTING_MAX + 4;

export class TaskTree {
  private readonly ancestorsStmt: Statement<Params, string>;
  private readonly liveSubtreeStmt: Statement<Params, { id: string; depth: number }>;
  private readonly trashedSubtreeStmt: Statement<Params, string>;

  constructor(db: SqliteDatabase) {
    // The task itself, then its parent, grandparent... (live or not).
    this.ancestorsStmt = db
      .prepare<Params, string>(
        `WITH RECURSIVE up(id, parent_id, level) AS (
           SELECT id, parent_id, 0 FROM tasks WHERE id = @id AND user_id = @userId
           UNION ALL
           SELECT t.id, t.parent_id, up.level + 1 FROM tasks t JOIN up ON t.id = up.parent_id
           WHERE up.level < ${WALK_MAX})
         SELECT id FROM up ORDER BY level`,
      )
      .pluck();
    // The task and its live descendants with their depth below it (0 for the task).
    this.liveSubtreeStmt = db.prepare(
      `WITH RECURSIVE sub(id, depth) AS (
         SELECT @id, 0
         UNION ALL
         SELECT t.id, sub.depth + 1 FROM tasks t JOIN sub ON t.parent_id = sub.id
         WHERE t.deleted_at IS NULL AND sub.depth < ${WALK_MAX})
       SELECT id, depth FROM sub`,
    );
    // The task and the descendants trashed at the same moment (deleted together with it).
    this.trashedSubtreeStmt = db
      .prepare<Params, string>(
        `WITH RECURSIVE sub(id, depth) AS (
           SELECT @id, 0
           UNION ALL
           SELECT t.id, sub.depth + 1 FROM tasks t JOIN sub ON t.parent_id = sub.id
           WHERE t.deleted_at = @deletedAt AND sub.depth < ${WALK_MAX})
         SELECT id FROM sub`,
      )
      .pluck();
  }

  /** [task, parent, grandparent, ...]: the task's level is the array's length (a top-level task is level 1). */
  ancestors(userId: string, id: string): string[] {
    return this.ancestorsStmt.all({ id, userId });
  }

  /** The task and its live descendants, with depth below the task. */
  subtree(id: string): { id: string; depth: number }[] {
    return this.liveSubtreeStmt.all({ id });
  }

  /** The task and the descendants that went to the trash with it. */
  trashedWith(id: string, deletedAt: string): string[] {
    return this.trashedSubtreeStmt.all({ id, deletedAt });
  }

  /**
   * Throws NESTING_CYCLE when `parentId` is the task or below it, NESTING_TOO_DEEP when the task's subtree would end
   * below level NESTING_MAX under `parentId`.
   */
  assertCanNest(userId: string, taskId: string | null, parentId: string): void {
    const chain = this.ancestors(userId, parentId);
    if (taskId !== null && chain.includes(taskId)) {
      throw new RuleError('NESTING_CYCLE', 'A task cannot become a subtask of itself or of one of its subtasks.', [
        { path: 'parentId', message: 'This task is the task itself or one of its subtasks.' },
      ]);
    }
    const height = taskId === null ? 0 : Math.max(...this.subtree(taskId).map((s) => s.depth));
    if (chain.length + 1 + height > NESTING_MAX) {
      throw new RuleError('NESTING_TOO_DEEP', `Subtasks nest at most ${NESTING_MAX} levels deep.`, [
        { path: 'parentId', message: `This would put a task on level ${chain.length + 1 + height}.` },
      ]);
    }
  }
}
