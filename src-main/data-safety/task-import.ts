// Writes an import plan in one transaction: a task whose id already exists (in this account, its trash, or
// anywhere) is skipped, so importing the same file twice adds nothing. Any failure rolls everything back.
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
  const exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM tasks WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO tasks (id, user_id, title, description, completed, completed_at, priority, due_at, created_at, updated_at,
       due_date, time_zone, recurrence_rule, recurrence_from, reminders, list_id, position)
     VALUES (@id, @userId, @title, @description, @completed, @completedAt, @priority, @dueAt, @createdAt, @updatedAt,
       @dueDate, @timeZone, @recurrenceRule, @recurrenceFrom, @reminders, @listId, @position)`,
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
      if (exists.get(task.id)) {
        skipped.push({
          id: task.sourceId,
          index: task.sourceIndex,
          reason: 'ALREADY_EXISTS',
          message: 'A task with this id already exists.',
        });
        continue;
      }
      insert.run({
        id: task.id,
        userId,
        title: task.title,
        description: task.description,
        completed: task.completed ? 1 : 0,
        completedAt: task.completedAt,
        priority: priorityToNumber(task.priority),
        dueAt: task.dueAt,
        dueDate: task.dueDate,
        timeZone: task.timeZone,
        recurrenceRule: task.recurrence?.rrule ?? null,
        recurrenceFrom: task.recurrence?.from ?? null,
        reminders: JSON.stringify(task.reminders),
        createdAt: task.createdAt,
        updatedAt: task.updatedAt,
        listId,
        position: positions.get(task)!,
      });
      imported += 1;
      importedIds.push(task.id);
    }
    skipped.sort((a, b) => a.index - b.index);
    return { imported, skipped, importedIds };
  })();
}
