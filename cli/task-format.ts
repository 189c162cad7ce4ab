// How tasks look on a terminal: one aligned row per task in `tasks ls`, a block of fields in `tasks show`.
import type { Task } from '../src-shared/task-schemas.ts';
import type { Output } from './output.ts';

/** A task as the API returns it, with whatever fields newer API versions add (list, tags, ...). */
export type ApiTask = Task & Record<string, unknown>;

const PRIORITY_MARK: Record<Task['priority'], string> = { none: '', low: '!', medium: '!!', high: '!!!' };

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/** The due instant in local time: "2026-12-01", or "2026-12-01 09:30" when it is not local midnight. */
export function formatDue(dueAt: string | null): string {
  if (dueAt === null) return '';
  const date = new Date(dueAt);
  if (Number.isNaN(date.getTime())) return dueAt;
  const time = date.getHours() === 0 && date.getMinutes() === 0 ? '' : ` ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
  return localDate(date) + time;
}

function dueColour(out: Output, task: Task, now: Date): string {
  const text = formatDue(task.dueAt);
  if (!text || task.completed || task.dueAt === null) return text;
  const due = new Date(task.dueAt);
  if (due < now) return out.paint('red', text);
  if (localDate(due) === localDate(now)) return out.paint('yellow', text);
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

export function printTaskTable(out: Output, tasks: ApiTask[], listNames: Map<string, string> = new Map()): void {
  const now = new Date();
  const rows = tasks.map((task) => {
    const done = task.completed ? out.paint('green', '[x]') : '[ ]';
    const title = task.completed ? out.paint('dim', task.title) : task.title;
    const listId = typeof task.listId === 'string' ? task.listId : null;
    const list = listId ? (listNames.get(listId) ?? '') : '';
    const tail = [title, list ? out.paint('cyan', `@${list}`) : '', out.paint('magenta', extras(task))]
      .filter(Boolean)
      .join(' ');
    return [out.paint('dim', task.id), done, out.paint('red', PRIORITY_MARK[task.priority]), dueColour(out, task, now), tail];
  });
  out.table(['ID', 'DONE', 'PRI', 'DUE', 'TITLE'], rows);
}

export function printTask(out: Output, task: ApiTask, listNames: Map<string, string> = new Map()): void {
  const fields: [string, string][] = [
    ['ID', task.id],
    ['Title', out.paint('bold', task.title)],
    ['Status', task.deletedAt ? out.paint('red', 'in the trash') : task.completed ? out.paint('green', 'done') : 'open'],
    ['Priority', task.priority],
    ['Due', formatDue(task.dueAt) || '-'],
  ];
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
