// Server state for the list (cursor-paged, server-side filter/search/sort) and the per-filter counts.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Task } from '../../src-shared/task-schemas';
import type { CountsRange, ListParams } from '../api/tasks-api';
import { taskKeys } from './query-keys';
import { useTasksContext } from './tasks-context';

export function useTaskList(params: ListParams) {
  const { api, userId } = useTasksContext();
  const query = useInfiniteQuery({
    queryKey: taskKeys.list(userId, params),
    queryFn: ({ pageParam, signal }) => api.list({ ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = useMemo<Task[]>(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { ...query, items };
}

export function useTaskCounts(range: CountsRange) {
  const { api, userId } = useTasksContext();
  return useQuery({
    queryKey: taskKeys.countsFor(userId, range),
    queryFn: ({ signal }) => api.counts(range, signal),
    placeholderData: keepPreviousData,
  });
}
