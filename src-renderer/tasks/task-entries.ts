// The rows of the list: tasks (indented under their parent in a list's own order) and group headers (Today's
// overdue/today, Upcoming's days, the completed section). Pure, so it is cheap to test and to memoize.
import type { OrgTask } from '../api/organize-api';
import type { DueFormat } from '../dates/due-format';
import { daysBetween, dateInZone } from '../dates/zoned-day';
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
  | { kind: 'header'; key: string; label: string }
  /** Upcoming: a task on its start day, when its own row is on its due day (one row per task keeps selection simple). */
  | { kind: 'start'; key: string; task: OrgTask };

export interface EntryInput {
  view: ViewKey;
  open: readonly OrgTask[];
  done: readonly OrgTask[] | null;
  /** Upcoming: open tasks starting after today (GET /tasks?startFrom=tomorrow&sort=start). */
  starts?: readonly OrgTask[] | null;
  now: Date;
  /** The viewer's zone and formats: day groups are the viewer's calendar days. */
  format: DueFormat;
  /** Indent subtasks under their parents (a list in manual order). */
  tree: boolean;
  collapsed: ReadonlySet<string>;
}

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

interface Group {
  key: string;
  label: string;
  rank: string;
}

/**
 * Rows under headings, each heading once, in the groups' order (a group's rows keep the order they came in). The
 * server's due order is by instant or date in UTC, which in a zone far from UTC interleaves days: grouping by
 * sorting, not by runs, is what keeps "Today, Overdue, Today" from happening (defect 4).
 */
function groupedEntries(items: readonly { group: Group; entry: Entry }[]): Entry[] {
  const groups = new Map<string, { label: string; rank: string; entries: Entry[] }>();
  for (const { group, entry } of items) {
    const found = groups.get(group.key) ?? { label: group.label, rank: group.rank, entries: [] };
    found.entries.push(entry);
    groups.set(group.key, found);
  }
  const out: Entry[] = [];
  for (const [key, group] of [...groups].sort(([, a], [, b]) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))) {
    out.push({ kind: 'header', key: `header:${key}`, label: group.label }, ...group.entries);
  }
  return out;
}

function grouped(tasks: readonly OrgTask[], groupOf: (task: OrgTask) => Group): Entry[] {
  return groupedEntries(tasks.map((task) => ({ group: groupOf(task), entry: taskEntry(task, 0, false, false) })));
}

/** Today's groups: Overdue first, then Today (a task shown because its start date has come is under Today). */
export function todayGroup(task: OrgTask, now: Date, format: DueFormat): Group {
  const shown = format.display(task, now);
  return shown?.tone === 'overdue' ? { key: 'overdue', label: 'Overdue', rank: '0' } : { key: 'today', label: 'Today', rank: '1' };
}

/** One group per day of the viewer's calendar, labelled "Tomorrow · Sat, Dec 5", "Mon, Dec 7". */
function dayGroup(date: string, now: Date, format: DueFormat): Group {
  const today = dateInZone(now, format.viewerZone);
  const days = daysBetween(today, date);
  const day = format.day(date, today);
  const label = days === 0 ? `Today · ${day}` : days === 1 ? `Tomorrow · ${day}` : day;
  return { key: date, label, rank: date };
}

/** Upcoming's group: the day of the task's due, in the viewer's calendar. */
export function upcomingGroup(task: OrgTask, now: Date, format: DueFormat): Group {
  const shown = format.display(task, now);
  if (!shown) return { key: 'no-date', label: 'No date', rank: '~' };
  return dayGroup(shown.date, now, format);
}

/**
 * Upcoming (issue 15 §3): each task on its due day, and on its start day too. A task due after today keeps its row
 * on its due day and gets a "starts" line on its start day (none when both fall on one day); a task that only
 * starts ahead (no due, or one already past) has its row on its start day. Within a day: starts first, then
 * all-day tasks, then timed ones by time.
 */
function upcomingEntries(open: readonly OrgTask[], starts: readonly OrgTask[], now: Date, format: DueFormat): Entry[] {
  const due = byDayOrder(open);
  const dueDay = new Map(due.map((t) => [t.id, upcomingGroup(t, now, format).key]));
  const items: { group: Group; entry: Entry }[] = [];
  for (const task of starts) {
    if (!task.startDate || dueDay.get(task.id) === task.startDate) continue;
    const entry: Entry = dueDay.has(task.id) ? { kind: 'start', key: `start:${task.id}`, task } : taskEntry(task, 0, false, false);
    items.push({ group: dayGroup(task.startDate, now, format), entry });
  }
  for (const task of due) items.push({ group: upcomingGroup(task, now, format), entry: taskEntry(task, 0, false, false) });
  return groupedEntries(items);
}

/** Within a day: all-day tasks first (in the order they came), then timed ones by time. */
function byDayOrder(tasks: readonly OrgTask[]): OrgTask[] {
  const allDay = tasks.filter((t) => !t.dueAt);
  const timed = tasks.filter((t) => t.dueAt).sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!));
  return [...allDay, ...timed];
}

export function buildEntries({ view, open, done, starts, now, format, tree, collapsed }: EntryInput): Entry[] {
  let entries: Entry[];
  if (view.kind === 'today') entries = grouped(open, (t) => todayGroup(t, now, format));
  else if (view.kind === 'upcoming') entries = upcomingEntries(open, starts ?? [], now, format);
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
