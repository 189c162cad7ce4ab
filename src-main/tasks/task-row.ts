import type { Selectable } from 'kysely';
import type { Reminder } from '../../src-shared/task-schemas.ts';
import { PRIORITIES, type Priority, type Task } from '../../src-shared/task-schemas.ts';
import type { TasksTable } from '../db/app-schema.ts';

export type TaskRow = Selectable<Omit<TasksTable, 'rowid' | 'tag_names' | 'import_run_id'>>;

export const TASK_COLUMNS =
  'id, user_id, title, description, completed, completed_at, priority, due_at, created_at, updated_at, deleted_at, ' +
  'due_date, time_zone, recurrence_rule, recurrence_from, recurrence_done, reminders, snoozed_until, due_key, start_date, ' +
  'list_id, parent_id, position';

/** What a task answer carries besides its row: its tags and its direct subtasks' progress. */
export interface TaskExtras {
  tags: string[];
  subtaskCount: number;
  subtasksDone: number;
}

export const NO_EXTRAS: TaskExtras = { tags: [], subtaskCount: 0, subtasksDone: 0 };

export function priorityToNumber(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

export function toTask(row: TaskRow, extras: TaskExtras = NO_EXTRAS): Task {
  return {
    id: row.id,
    userId: row.user_id,
    title: row.title,
    description: row.description,
    completed: row.completed === 1,
    completedAt: row.completed_at,
    priority: PRIORITIES[row.priority] ?? 'none',
    startDate: row.start_date,
    dueDate: row.due_date,
    dueAt: row.due_at,
    timeZone: row.time_zone,
    recurrence:
      row.recurrence_rule === null
        ? null
        : { rrule: row.recurrence_rule, from: row.recurrence_from === 'completion' ? 'completion' : 'due' },
    reminders: row.reminders === '[]' ? [] : (JSON.parse(row.reminders) as Reminder[]),
    snoozedUntil: row.snoozed_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    listId: row.list_id,
    parentId: row.parent_id,
    position: row.position,
    tags: extras.tags,
    subtaskCount: extras.subtaskCount,
    subtasksDone: extras.subtasksDone,
    ...(row.deleted_at ? { deletedAt: row.deleted_at } : {}),
  };
}
