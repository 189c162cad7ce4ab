// Query keys, per user, so one user's cached tasks can never be shown to another.
import type { CountsRange, ListParams } from '../api/tasks-api';

export const taskKeys = {
  user: (userId: string) => ['tasks', userId] as const,
  lists: (userId: string) => ['tasks', userId, 'list'] as const,
  list: (userId: string, params: ListParams) => ['tasks', userId, 'list', params] as const,
  counts: (userId: string) => ['tasks', userId, 'counts'] as const,
  countsFor: (userId: string, range: CountsRange) => ['tasks', userId, 'counts', range] as const,
};

/** The command palette's task search: its own key space, apart from the task lists the optimistic edits update. */
export const paletteKeys = {
  search: (userId: string, params: ListParams) => ['palette', userId, 'search', params] as const,
};

export const organizeKeys = {
  user: (userId: string) => ['organize', userId] as const,
  lists: (userId: string) => ['organize', userId, 'lists'] as const,
  tags: (userId: string) => ['organize', userId, 'tags'] as const,
};
