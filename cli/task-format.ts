// How tasks look on a terminal: one aligned row per task in `tasks ls`, a block of fields in `tasks show`.
import type { Task } from '../src-shared/task-schemas.ts';
import { localDate } from './due-input.ts';
import type { Output } from './output.ts';

/** A task as the API returns it, with whatever fields newer API versions add (list, tags, ...). */
export type ApiTask = Task & Record<string, unknown>;

const PRIORITY_MARK: Record<Task['priority'], string> = { none: '', low: '!', medium: '!!', high: '!!!' };

/** All day: "2026-12-01"; timed: "2026-12-01 09:30" in local time. */
export function formatDue(task: Pick<Task, 'dueDate' | 'dueAt'>): string {
  if (task.dueDate) return task.dueDate;
  if (!task.dueAt) return '';
  const date = new Date(task.dueAt);
  if (Number.isNaN(date.getTime())) return task.dueAt;
  return `${localDate(date)} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Overdue in red, due today in yellow (open tasks only). */
function dueColour(out: Output, task: Task, now: Date): string {
  const text = formatDue(task);
  if (!text || task.completed) return text;
  const today = localDate(now);
  const day = task.dueDate ?? localDate(new Date(task.dueAt!));
  if (day < today || (task.dueAt !== null && new Date(task.dueAt) < now)) return out.paint('red', text);
  if (day === today) return out.paint('yellow', text);
  return text;
}

/** Names of the task's tags and list when the API sends them (organize feature), else empty. */
function extras(task: ApiTask): string {
  const parts: string[] = [];
  const tags = task.tags;
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      const name = typeof tag === 'string' ? tag : (tag as { name?: unknown }).name;
      if (typeof name === 'string') parts.push(`#${name}`);
    }
  }
  return parts.join(' ');
}

export function printTaskTable(
  out: Output,
  tasks: ApiTask[],
  listNames: Map<string, string> = new Map(),
): void {
  const now = new Date();
  const rows = tasks.map((task) => {
    const done = task.completed ? out.paint('green', '[x]') : '[ ]';
    const title = task.completed ? out.paint('dim', task.title) : task.title;
    const listId = typeof task.listId === 'string' ? task.listId : null;
    const list = listId ? (listNames.get(listId) ?? '') : '';
    const tail = [title, list ? out.paint('cyan', `@${list}`) : '', out.paint('magenta', extras(task))]
      .filter(Boolean)
      .join(' ');
    return [
      out.paint('dim', task.id),
      done,
      out.paint('red', PRIORITY_MARK[task.priority]),
      dueColour(out, task, now),
      tail,
    ];
  });
  out.table(['ID', 'DONE', 'PRI', 'DUE', 'TITLE'], rows);
}

export function printTask(out: Output, task: ApiTask, listNames: Map<string, string> = new Map()): void {
  const fields: [string, string][] = [
    ['ID', task.id],
    ['Title', out.paint('bold', task.title)],
    [
      'Status',
      task.deletedAt
        ? out.paint('red', 'in the trash')
        : task.completed
          ? out.paint('green', 'done')
          : 'open',
    ],
    ['Priority', task.priority],
    ['Due', formatDue(task) || '-'],
  ];
  if (task.startDate) fields.push(['Starts', task.startDate]);
  const listId = typeof task.listId === 'string' ? task.listId : null;
  if (listId) fields.push(['List', listNames.get(listId) ?? listId]);
  const tags = extras(task);
  if (tags) fields.push(['Tags', tags]);
  if (task.completedAt) fields.push(['Completed', task.completedAt]);
  fields.push(['Created', task.createdAt], ['Updated', task.updatedAt]);
  if (task.deletedAt) fields.push(['Deleted', task.deletedAt]);
  const width = Math.max(...fields.map(([name]) => name.length));
  for (const [name, value] of fields) out.line(`${out.paint('dim', name.padEnd(width))}  ${value}`);
  if (task.description) {
    out.line();
    out.line(task.description);
  }
}
