// The list's view state (filter, search, sort) and how it maps to GET /tasks and /tasks/counts parameters.
import type { ListSort, TaskCounts } from '../../src-shared/task-schemas';
import type { CountsRange, ListParams } from '../api/tasks-api';

export const FILTERS = [
  { key: 'all', label: 'All' },
  { key: 'active', label: 'Active' },
  { key: 'completed', label: 'Completed' },
  { key: 'dueToday', label: 'Due today' },
  { key: 'overdue', label: 'Overdue' },
] as const satisfies readonly { key: keyof TaskCounts; label: string }[];

export type FilterKey = (typeof FILTERS)[number]['key'];

export const SORTS: readonly { key: ListSort; label: string }[] = [
  { key: 'created', label: 'Newest first' },
  { key: 'due', label: 'Due date' },
  { key: 'priority', label: 'Priority' },
  { key: 'title', label: 'Title' },
];

export interface TaskView {
  filter: FilterKey;
  search: string;
  sort: ListSort;
}

export const DEFAULT_VIEW: TaskView = { filter: 'all', search: '', sort: 'created' };
export const PAGE_SIZE = 100;

/** Local calendar day around `now`, plus `now` itself (minute resolution, so query keys stay stable). */
export function countsRange(now: Date): CountsRange {
  const dayStart = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const dayEnd = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return { dayStart: dayStart.toISOString(), dayEnd: dayEnd.toISOString(), now: minute.toISOString() };
}

export function listParams(view: TaskView, range: CountsRange): ListParams {
  const q = view.search.trim() || undefined;
  const base = { q, sort: view.sort, limit: PAGE_SIZE };
  switch (view.filter) {
    case 'all':
      return { ...base, status: 'all' };
    case 'active':
      return { ...base, status: 'active' };
    case 'completed':
      return { ...base, status: 'completed' };
    case 'dueToday':
      return { ...base, status: 'active', dueFrom: range.dayStart, dueTo: range.dayEnd };
    case 'overdue':
      return { ...base, status: 'active', dueTo: range.now };
  }
}

/** A date-only choice (YYYY-MM-DD, local) becomes the end of that local day, so "due today" is not overdue. */
export function dueAtFromDateInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  return new Date(Number(y), Number(m) - 1, Number(d), 23, 59, 59, 999).toISOString();
}

export function dateInputFromDueAt(dueAt: string | null): string {
  if (!dueAt) return '';
  const date = new Date(dueAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
