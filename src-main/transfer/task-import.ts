// Writes an import plan in one transaction: a task already in this account (live or in its trash), under the file's
// id (its own export) or the id an earlier import derived from it, is skipped, so importing the same file twice adds
// nothing. Only this account's rows are looked at: the answer never depends on other accounts. Any failure rolls
// everything back.
import type { ImportResult, ImportSkip } from '../../src-shared/export-schema.ts';
import { generateNKeysBetween } from 'fractional-indexing';
import type { SqliteDatabase } from '../db/open-database.ts';
import { ensureInbox } from '../lists/list-repository.ts';
import { priorityToNumber } from '../tasks/task-row.ts';
import type { ImportPlan } from './import-plan.ts';

/** The import's result, plus the ids of the tasks it inserted (for the live `tasks.imported` event). */
export function applyImport(
  db: SqliteDatabase,
  userId: string,
  plan: ImportPlan,
): ImportResult & { importedIds: string[] } {
  const exists = db.prepare<{ userId: string; sourceId: string; id: string }, { one: number }>(
    // `+user_id`: looked up by primary key, then filtered; an index on user_id would scan the account's rows for each
    // task (quadratic: 20,000 tasks took 100 s).
    'SELECT 1 AS one FROM tasks WHERE id IN (@sourceId, @id) AND +user_id = @userId',
  );
  // A derived id cannot belong to another account short of a hash collision; should one ever collide, the task is
  // reported as already there rather than failing the whole import.
  const insert = db.prepare(
    `INSERT INTO tasks (id, user_id, title, description, completed, completed_at, priority, due_at, created_at, updated_at,
       due_date, time_zone, recurrence_rule, recurrence_from, reminders, list_id, position, start_date)
     VALUES (@id, @userId, @title, @description, @completed, @completedAt, @priority, @dueAt, @createdAt, @updatedAt,
       @dueDate, @timeZone, @recurrenceRule, @recurrenceFrom, @reminders, @listId, @position, @startDate)
     ON CONFLICT (id) DO NOTHING`,
  );
  const lastRoot = db
    .prepare<[string], string>(
      'SELECT position FROM tasks WHERE list_id = ? AND parent_id IS NULL AND deleted_at IS NULL ORDER BY position DESC, id DESC LIMIT 1',
    )
    .pluck();
  return db.transaction((): ImportResult & { importedIds: string[] } => {
    const skipped: ImportSkip[] = [...plan.skipped];
    const importedIds: string[] = [];
    let imported = 0;
    // Imported tasks land in the Inbox after its tasks, newest first (as the app lists them).
    const listId = ensureInbox(db, userId, new Date());
    const ordered = [...plan.tasks].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    const keys = generateNKeysBetween(lastRoot.get(listId) ?? null, null, ordered.length);
    const positions = new Map(ordered.map((task, i) => [task, keys[i]!]));
    for (const task of plan.tasks) {
      const alreadyThere = (): void => {
        skipped.push({
          id: task.sourceId,
          index: task.sourceIndex,
          reason: 'ALREADY_EXISTS',
          message: 'This task is already in this account.',
        });
      };
      if (exists.get({ userId, sourceId: task.sourceId, id: task.id })) {
        alreadyThere();
        continue;
      }
      const { changes } = insert.run({
        id: task.id,
        userId,
        title: task.title,
        description: task.description,
        completed: task.completed ? 1 : 0,
        completedAt: task.completedAt,
        priority: priorityToNumber(task.priority),
        dueAt: task.dueAt,
        dueDate: task.dueDate,
        startDate: task.startDate,
        timeZone: task.timeZone,
        recurrenceRule: task.recurrence?.rrule ?? null,
        recurrenceFrom: task.recurrence?.from ?? null,
        reminders: JSON.stringify(task.reminders),
        createdAt: task.createdAt,
        updatedAt: task.updatedAt,
        listId,
        position: positions.get(task)!,
      });
      if (changes === 0) {
        alreadyThere();
        continue;
      }
      imported += 1;
      importedIds.push(task.id);
    }
    skipped.sort((a, b) => a.index - b.index);
    return { imported, skipped, importedIds };
  })();
}
