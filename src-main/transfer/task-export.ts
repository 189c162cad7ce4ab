// Reads one user's tasks (not the trash) for export, oldest first, in the export file's shape.
import type { ExportFile, ExportTask } from '../../src-shared/export-schema.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../src-shared/export-schema.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import { TASK_COLUMNS, toTask, type TaskRow } from '../tasks/task-row.ts';

export function exportTasks(db: SqliteDatabase, userId: string): ExportTask[] {
  const rows = db
    .prepare<[string], TaskRow>(
      `SELECT ${TASK_COLUMNS} FROM tasks WHERE user_id = ? AND deleted_at IS NULL ORDER BY created_at, id`,
    )
    .all(userId);
  return rows.map((row) => {
    const {
      userId: _owner,
      deletedAt: _deleted,
      snoozedUntil: _snoozed,
      listId: _list,
      parentId: _parent,
      position: _position,
      tags: _tags,
      subtaskCount: _subtasks,
      subtasksDone: _done,
      ...task
    } = toTask(row);
    return task;
  });
}

export function buildExportFile(db: SqliteDatabase, userId: string, now: Date = new Date()): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    userId,
    tasks: exportTasks(db, userId),
  };
}
