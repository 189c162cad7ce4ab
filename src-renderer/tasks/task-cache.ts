// Pure edits of the cached list pages (TanStack Query infinite data), used by optimistic updates.
import type { InfiniteData } from '@tanstack/react-query';
import type { Task, TaskList } from '../../src-shared/task-schemas';
import type { OrgTask } from '../api/organize-api';

export type ListData = InfiniteData<TaskList, string | undefined>;

/** Whether cached data has the task lists' shape (infinite pages of `{ items }`): the only shape edited here. */
export function isListData(data: unknown): data is ListData {
  if (typeof data !== 'object' || data === null) return false;
  const pages = (data as { pages?: unknown }).pages;
  return Array.isArray(pages) && pages.every((page: unknown) => typeof page === 'object' && page !== null && Array.isArray((page as { items?: unknown }).items));
}

export function mapTask(data: ListData, id: string, update: (task: OrgTask) => OrgTask): ListData {
  let changed = false;
  const pages = data.pages.map((page) => {
    const index = page.items.findIndex((item) => item.id === id);
    if (index < 0) return page;
    changed = true;
    const items = page.items.slice();
    items[index] = update(items[index] as Task);
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

export function removeTask(data: ListData, id: string): ListData {
  let changed = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some((item) => item.id === id)) return page;
    changed = true;
    return { ...page, items: page.items.filter((item) => item.id !== id) };
  });
  return changed ? { ...data, pages } : data;
}

export function prependTask(data: ListData, task: Task): ListData {
  const [first, ...rest] = data.pages;
  if (!first) return { ...data, pages: [{ items: [task], nextCursor: null }] };
  return { ...data, pages: [{ ...first, items: [task, ...first.items] }, ...rest] };
}

export function replaceTask(data: ListData, id: string, task: Task): ListData {
  return mapTask(data, id, () => task);
}
