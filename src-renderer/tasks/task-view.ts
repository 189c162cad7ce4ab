// What the list shows (a view from the sidebar, search, sort, "Show completed") and how it maps to GET /tasks.
import type { ListSort } from '../../src-shared/task-schemas';
import type { CountsRange, ListParams } from '../api/tasks-api';
import { dateInZone, shiftDate, startOfDate } from '../dates/zoned-day';

/** A place in the sidebar. `inbox` resolves to the account's Inbox list once the lists are known. */
export type ViewKey =
  | { kind: 'inbox' }
  | { kind: 'today' }
  | { kind: 'upcoming' }
  | { kind: 'all' }
  | { kind: 'list'; listId: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'trash' };

export type SortKey = ListSort;
export type SortOrder = 'asc' | 'desc';

export const SORTS: readonly { key: SortKey; label: string }[] = [
  { key: 'manual', label: 'My order' },
  { key: 'created', label: 'Date added' },
  { key: 'due', label: 'Due date' },
  { key: 'priority', label: 'Priority' },
  { key: 'title', label: 'Title' },
];

/** Each sort's natural direction (the API's default when `order` is left out). */
export const DEFAULT_ORDER: Record<SortKey, SortOrder> = { manual: 'asc', created: 'desc', due: 'asc', priority: 'desc', title: 'asc', completed: 'desc', start: 'asc' };

export interface TaskView {
  view: ViewKey;
  search: string;
  sort: SortKey;
  order: SortOrder;
  showCompleted: boolean;
  /** View option: leave out tasks whose start date is still ahead (available=true). */
  hideNotStarted?: boolean;
}

export const DEFAULT_VIEW: TaskView = { view: { kind: 'inbox' }, search: '', sort: 'manual', order: 'asc', showCompleted: false };
export const PAGE_SIZE = 100;

export const sameView = (a: ViewKey, b: ViewKey) => viewId(a) === viewId(b);
export function viewId(view: ViewKey): string {
  if (view.kind === 'list') return `list:${view.listId}`;
  if (view.kind === 'tag') return `tag:${view.tag}`;
  return view.kind;
}

/** Today and Upcoming have a fixed order (by due date); so does a search or the trash. */
export function sortable(view: ViewKey): boolean {
  return view.kind === 'inbox' || view.kind === 'list' || view.kind === 'tag' || view.kind === 'all';
}

/** Manual order and nesting exist inside one list only. */
export function isManual(state: TaskView): boolean {
  return (state.view.kind === 'list' || state.view.kind === 'inbox') && state.sort === 'manual' && !state.search.trim();
}

/**
 * The viewer's calendar day around `now` in their zone (its start and end instants, and the date itself), plus
 * `now` (minute resolution, so query keys stay stable) and the zone, which every "today" request sends.
 */
export function countsRange(now: Date, timeZone: string): CountsRange {
  const today = dateInZone(now, timeZone);
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return {
    dayStart: startOfDate(today, timeZone).toISOString(),
    dayEnd: startOfDate(shiftDate(today, 1), timeZone).toISOString(),
    now: minute.toISOString(),
    timeZone,
    today,
  };
}

/**
 * GET /tasks parameters for the open tasks of a view, and (with "Show completed") for its finished tasks, which
 * are listed after the open ones. `inboxId` is null until the lists are known.
 */
export function viewQueries(
  state: TaskView,
  range: CountsRange,
  inboxId: string | null,
): { open: ListParams; done: ListParams | null; starts?: ListParams } | null {
  const q = state.search.trim() || undefined;
  const { view } = state;
  const scope: Partial<ListParams> = {};
  let sort: SortKey = sortable(view) ? state.sort : 'due';
  let order: SortOrder | undefined = sortable(view) ? state.order : 'asc';
  if (view.kind === 'inbox') {
    if (!inboxId) return null;
    scope.listId = inboxId;
  } else if (view.kind === 'list') scope.listId = view.listId;
  else if (view.kind === 'tag') scope.tag = [view.tag];
  // A due window: the server reads all-day tasks' dates in the viewer's zone (defect 1: it defaulted to UTC).
  // Today: due by tonight or started by today (the server reads both in the viewer's zone).
  else if (view.kind === 'today') Object.assign(scope, { view: 'today', timeZone: range.timeZone, today: range.today });
  else if (view.kind === 'upcoming') Object.assign(scope, { dueFrom: range.dayEnd, timeZone: range.timeZone });
  else if (view.kind === 'trash') return { open: { status: 'deleted', q, limit: PAGE_SIZE }, done: null };
  // Manual order only means something inside one list; elsewhere fall back to the date added.
  if (sort === 'manual' && (!scope.listId || q)) {
    sort = 'created';
    order = undefined;
  }
  if (order === DEFAULT_ORDER[sort]) order = undefined;
  if (state.hideNotStarted) Object.assign(scope, { available: true, timeZone: range.timeZone, today: range.today });
  const base = { q, sort, order, limit: PAGE_SIZE, ...scope } satisfies ListParams;
  // Upcoming also shows each task on its start day: the open tasks starting from tomorrow, by start date.
  const starts: ListParams | undefined =
    view.kind === 'upcoming'
      ? { q, status: 'active', startFrom: shiftDate(range.today, 1), sort: 'start', limit: PAGE_SIZE, timeZone: range.timeZone }
      : undefined;
  return {
    open: { ...base, status: 'active' },
    done: state.showCompleted ? { ...base, status: 'completed', sort: 'completed', order: undefined } : null,
    ...(starts ? { starts } : {}),
  };
}

/**
 * Where a task added in this view goes, so that it shows up there. Upcoming starts tomorrow, so a task added there
 * without a date of its own is due tomorrow (in Today it is due today).
 */
export function addTarget(view: ViewKey, inboxId: string | null, range: CountsRange): { listId?: string; tags?: string[]; dueDate?: string } {
  if (view.kind === 'list') return { listId: view.listId };
  if (view.kind === 'inbox') return inboxId ? { listId: inboxId } : {};
  if (view.kind === 'tag') return { tags: [view.tag] };
  if (view.kind === 'today') return { dueDate: range.today };
  if (view.kind === 'upcoming') return { dueDate: shiftDate(range.today, 1) };
  return {};
}
