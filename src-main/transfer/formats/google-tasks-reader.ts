// format=google-tasks: Google Takeout's Tasks.json: { kind: "tasks#taskLists", items: [{ title, items: [task] }] },
// each task { id, title, notes, status ("needsAction" | "completed"), due, completed, parent, position, updated }
// (the Google Tasks API's Task resource). One list per task list, named by its title ("My Tasks" is a list of that
// name); `due` carries a date only (Google keeps no time for it), so it is an all-day due; subtasks by `parent`,
// order by `position`; deleted tasks are skipped with the reason.
import { decodeText, FileUnreadable, type FormatReader, type ImportListSpec, type ImportRow } from './format-reader.ts';
import type { ImportSkip } from '../../../src-shared/import-schemas.ts';

type Json = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function iso(value: unknown): string | null {
  const ms = Date.parse(text(value));
  return text(value) !== '' && Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

export const googleTasksReader: FormatReader = {
  format: 'google-tasks',
  sniff: (head) => /"kind"\s*:\s*"tasks#taskLists"/.test(head),
  read({ bytes }) {
    let file: unknown;
    try {
      file = JSON.parse(decodeText(bytes));
    } catch (error) {
      if (error instanceof FileUnreadable) throw error;
      throw new FileUnreadable('The file is not valid JSON.');
    }
    if (!isObject(file) || file.kind !== 'tasks#taskLists' || !Array.isArray(file.items)) {
      throw new FileUnreadable('This is not a Google Tasks export (expected { "kind": "tasks#taskLists", "items": [...] }).', [
        { path: 'kind', message: 'Expected "tasks#taskLists".' },
      ]);
    }
    const rows: ImportRow[] = [];
    const skipped: ImportSkip[] = [];
    const lists: ImportListSpec[] = [];
    let index = 0;
    for (const list of file.items) {
      const name = isObject(list) ? text(list.title).trim() || 'Google Tasks' : 'Google Tasks';
      lists.push({ name });
      const tasks: unknown[] = isObject(list) && Array.isArray(list.items) ? (list.items as unknown[]) : [];
      for (const task of tasks) {
        const at = index++;
        if (!isObject(task) || text(task.id) === '') {
          skipped.push({ index: at, reason: 'UNREADABLE', message: 'A task without an id.' });
          continue;
        }
        if (task.deleted === true) {
          skipped.push({ index: at, id: text(task.id), reason: 'UNSUPPORTED', message: 'Deleted in Google Tasks.' });
          continue;
        }
        const completed = task.status === 'completed';
        const due = iso(task.due);
        const updated = iso(task.updated);
        rows.push({
          index: at,
          key: text(task.id),
          listName: name,
          parentKey: text(task.parent) || null,
          order: text(task.position) || at,
          task: {
            title: text(task.title),
            description: text(task.notes),
            completed,
            completedAt: completed ? iso(task.completed) : null,
            ...(due === null ? {} : { dueDate: due.slice(0, 10) }),
            ...(updated === null ? {} : { updatedAt: updated, createdAt: updated }),
          },
        });
      }
    }
    return { rows, skipped, lists };
  },
};
