// Reads one user's lists and tasks (not the trash) for export, in the export file's shape (version 2). Each task is
// the API's Task (so a field added there is exported) without what only describes this account or this moment.
import type { ExportFile, ExportList, ExportTask } from '../../src-shared/export-schema.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../src-shared/export-schema.ts';
import type { Completion } from '../../src-shared/schedule-schemas.ts';
import type { Task } from '../../src-shared/task-schemas.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import { TASK_COLUMNS, toTask, type TaskRow } from '../tasks/task-row.ts';

/**
 * API task fields export leaves out: the owner (the file names it once), the subtask counts (derived), the trash
 * time (the trash is not exported) and a snoozed reminder's next time (transient: it is for this machine's clock).
 */
export const NOT_EXPORTED = ['userId', 'subtaskCount', 'subtasksDone', 'deletedAt', 'snoozedUntil'] as const;
type NotExported = (typeof NOT_EXPORTED)[number];

function exportedFields(task: Task): Omit<Task, NotExported> {
  const copy: Partial<Task> = { ...task };
  for (const key of NOT_EXPORTED) delete copy[key];
  return copy as Omit<Task, NotExported>;
}

export function exportLists(db: SqliteDatabase, userId: string): ExportList[] {
  return db
    .prepare<[string], { id: string; name: string; color: string | null; position: string; is_inbox: number }>(
      'SELECT id, name, color, position, is_inbox FROM lists WHERE user_id = ? AND deleted_at IS NULL ORDER BY position, id',
    )
    .all(userId)
    .map((row) => ({ id: row.id, name: row.name, color: row.color, position: row.position, isInbox: row.is_inbox === 1 }));
}

export function exportTasks(db: SqliteDatabase, userId: string): ExportTask[] {
  const rows = db
    .prepare<[string], TaskRow>(
      `SELECT ${TASK_COLUMNS} FROM tasks WHERE user_id = ? AND deleted_at IS NULL ORDER BY created_at, id`,
    )
    .all(userId);
  const tags = new Map<string, string[]>();
  const tagRows = db
    .prepare<[string], { task_id: string; name: string }>(
      `SELECT tt.task_id, g.name FROM task_tags tt JOIN tags g ON g.id = tt.tag_id
       WHERE g.user_id = ? ORDER BY g.name_key`,
    )
    .all(userId);
  for (const row of tagRows) {
    const names = tags.get(row.task_id);
    if (names) names.push(row.name);
    else tags.set(row.task_id, [row.name]);
  }
  const completions = new Map<string, Completion[]>();
  const completionRows = db
    .prepare<[string], { task_id: string; completed_at: string; due_date: string | null; due_at: string | null; time_zone: string | null }>(
      `SELECT c.task_id, c.completed_at, c.due_date, c.due_at, c.time_zone FROM task_completions c
       JOIN tasks t ON t.id = c.task_id WHERE t.user_id = ? AND t.deleted_at IS NULL ORDER BY c.task_id, c.id`,
    )
    .all(userId);
  for (const row of completionRows) {
    const done = { completedAt: row.completed_at, dueDate: row.due_date, dueAt: row.due_at, timeZone: row.time_zone };
    const list = completions.get(row.task_id);
    if (list) list.push(done);
    else completions.set(row.task_id, [done]);
  }
  return rows.map((row) => ({
    ...exportedFields(toTask(row, { tags: tags.get(row.id) ?? [], subtaskCount: 0, subtasksDone: 0 })),
    completions: completions.get(row.id) ?? [],
  }));
}

export function buildExportFile(db: SqliteDatabase, userId: string, now: Date = new Date()): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    userId,
    lists: exportLists(db, userId),
    tasks: exportTasks(db, userId),
  };
}
