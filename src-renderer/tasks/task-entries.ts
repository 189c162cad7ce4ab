// The rows of the list: tasks (indented under their parent in a list's own order) and group headers (Today's
// overdue/today, Upcoming's days, the completed section). Pure, so it is cheap to test and to memoize.
import type { OrgTask } from '../api/organize-api';
import type { ViewKey } from './task-view';

export type Entry =
  | {
      kind: 'task';
      key: string;
      task: OrgTask;
      depth: number;
      /** Subtasks loaded under this row (for collapse/expand), and the progress the API reports. */
      hasChildren: boolean;
      progress: { done: number; total: number } | null;
      collapsed: boolean;
    }
  | { kind: 'header'; key: string; label: string };

export interface EntryInput {
  view: ViewKey;
  open: readonly OrgTask[];
  done: readonly OrgTask[] | null;
  now: Date;
  /** Indent subtasks under their parents (a list in manual order). */
  tree: boolean;
  collapsed: ReadonlySet<string>;
}

const DAY = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'short', day: 'numeric' });
const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
export const UPCOMING_DAYS = 14;

function taskEntry(task: OrgTask, depth: number, hasChildren: boolean, collapsed: boolean): Entry {
  const total = task.subtaskCount ?? 0;
  return {
    kind: 'task',
    key: task.id,
    task,
    depth,
    hasChildren,
    progress: total > 0 ? { done: task.subtasksDone ?? 0, total } : null,
    collapsed,
  };
}

/** Parents before their subtasks, siblings in their own order (position), collapsed subtrees left out. */
export function treeEntries(tasks: readonly OrgTask[], collapsed: ReadonlySet<string>): Entry[] {
  const ids = new Set(tasks.map((t) => t.id));
  const children = new Map<string, OrgTask[]>();
  const roots: OrgTask[] = [];
  for (const task of tasks) {
    const parent = task.parentId ?? null;
    // A subtask whose parent is not shown (finished, or not loaded yet) is listed at the top level: never hidden.
    if (parent && ids.has(parent)) {
      const siblings = children.get(parent) ?? [];
      siblings.push(task);
      children.set(parent, siblings);
    } else roots.push(task);
  }
  const byPosition = (a: OrgTask, b: OrgTask) => ((a.position ?? '') < (b.position ?? '') ? -1 : (a.position ?? '') > (b.position ?? '') ? 1 : 0);
  const out: Entry[] = [];
  const visit = (task: OrgTask, depth: number) => {
    const kids = children.get(task.id);
    const isCollapsed = collapsed.has(task.id);
    out.push(taskEntry(task, depth, Boolean(kids?.length), isCollapsed));
    if (!kids || isCollapsed) return;
    for (const kid of kids.sort(byPosition)) visit(kid, depth + 1);
  };
  // Top-level rows in their order too: a move changes a position in the cache before the server answers, and a
  // long list is not refetched after every move.
  for (const root of roots.sort(byPosition)) visit(root, 0);
  return out;
}

function grouped(tasks: readonly OrgTask[], groupOf: (task: OrgTask) => string): Entry[] {
  const out: Entry[] = [];
  let current: string | null = null;
  for (const task of tasks) {
    const group = groupOf(task);
    if (group !== current) {
      out.push({ kind: 'header', key: `header:${group}`, label: group });
      current = group;
    }
    out.push(taskEntry(task, 0, false, false));
  }
  return out;
}

/** Upcoming's group for a due date: one per day for the next 14 days, then "Later". */
export function upcomingGroup(dueAt: string | null, now: Date): string {
  if (!dueAt) return 'No date';
  const due = new Date(dueAt);
  const days = Math.round((startOfDay(due) - startOfDay(now)) / 86_400_000);
  if (days <= 0) return 'Today';
  if (days > UPCOMING_DAYS) return 'Later';
  return days === 1 ? `Tomorrow · ${DAY.format(due)}` : DAY.format(due);
}

export function buildEntries({ view, open, done, now, tree, collapsed }: EntryInput): Entry[] {
  let entries: Entry[];
  if (view.kind === 'today') entries = grouped(open, (t) => (t.dueAt && t.dueAt < now.toISOString() ? 'Overdue' : 'Today'));
  else if (view.kind === 'upcoming') entries = grouped(open, (t) => upcomingGroup(t.dueAt, now));
  else if (tree) entries = treeEntries(open, collapsed);
  else entries = open.map((task) => taskEntry(task, 0, false, false));
  if (done && done.length > 0) {
    // Finished tasks last, most recently completed first.
    const sorted = [...done].sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''));
    entries.push({ kind: 'header', key: 'header:completed', label: 'Completed' });
    for (const task of sorted) entries.push(taskEntry(task, 0, false, false));
  }
  return entries;
}

export const taskEntries = (entries: readonly Entry[]) =>
  entries.filter((entry): entry is Extract<Entry, { kind: 'task' }> => entry.kind === 'task');
