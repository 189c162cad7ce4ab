// Optimistic edits of every cached list of one user, with a snapshot to roll back to on error.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { OrgTask } from '../api/organize-api';
import type { ListParams } from '../api/tasks-api';
import { dueInWindow } from '../dates/due-window';
import { startFiltersAccept } from '../start/start-filters';
import { taskKeys } from './query-keys';
import { isListData, type ListData } from './task-cache';

export type Snapshot = [QueryKey, unknown][];

/**
 * The list parameters a cached query was made with (`taskKeys.list`), or null when the key is not a task list's.
 * Anything else under the prefix (an older build's entry, another feature's) is left alone, never edited.
 */
function listParamsOf(key: QueryKey): ListParams | null {
  const params = key[3];
  return key.length === 4 && key[2] === 'list' && typeof params === 'object' && params !== null ? params : null;
}

/** Applies `edit` to every cached task list of the user that has the list shape (pages of items). */
export function editLists(client: QueryClient, userId: string, edit: (data: ListData, params: ListParams) => ListData): Snapshot {
  const snapshot = client.getQueriesData<unknown>({ queryKey: taskKeys.lists(userId) });
  for (const [key, data] of snapshot) {
    const params = listParamsOf(key);
    if (params && isListData(data)) client.setQueryData<ListData>(key, edit(data, params));
  }
  return snapshot;
}

export async function applyToLists(
  client: QueryClient,
  userId: string,
  edit: (data: ListData, params: ListParams) => ListData,
): Promise<Snapshot> {
  await client.cancelQueries({ queryKey: taskKeys.lists(userId) });
  return editLists(client, userId, edit);
}

export function rollback(client: QueryClient, snapshot: Snapshot | undefined): void {
  for (const [key, data] of snapshot ?? []) client.setQueryData(key, data);
}

/** Whether a list filtered by status still shows a task that is (or is not) completed. */
export function statusAccepts(params: ListParams, completed: boolean): boolean {
  return !((params.status === 'active' && completed) || (params.status === 'completed' && !completed));
}

/** Whether a task matches a list's filters (status, list, tags, due window, search). */
export function listMatches(params: ListParams, task: OrgTask): boolean {
  if (params.status === 'deleted') return false;
  if (!statusAccepts(params, task.completed)) return false;
  if (params.listId && task.listId !== params.listId) return false;
  if (params.tag?.some((tag) => !(task.tags ?? []).some((t) => t.toLowerCase() === tag.toLowerCase()))) return false;
  if (params.parentId === 'root' && task.parentId) return false;
  if ((params.dueFrom || params.dueTo) && !dueInWindow(task, params.dueFrom, params.dueTo, params.timeZone)) return false;
  if (!startFiltersAccept(params, task)) return false;
  if (params.q) {
    const words = params.q.toLowerCase().split(/\s+/).filter(Boolean);
    const text = `${task.title} ${task.description} ${(task.tags ?? []).join(' ')}`.toLowerCase();
    if (!words.every((word) => text.includes(word))) return false;
  }
  return true;
}

/** Whether a just-created task belongs at the top of a list with these parameters (newest first, or a list's own
 * order, where a new top-level task goes first). */
export function listAccepts(params: ListParams, task: OrgTask): boolean {
  if (!listMatches(params, task)) return false;
  if (params.sort === 'manual') return !task.parentId;
  return (!params.sort || params.sort === 'created') && params.order !== 'asc';
}
