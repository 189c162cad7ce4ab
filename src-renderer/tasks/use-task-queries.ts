// Server state: the list (cursor-paged, server-side filter/search/sort), the counts, the lists and the tags.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { OrgTask } from '../api/organize-api';
import type { CountsRange, ListParams } from '../api/tasks-api';
import { organizeKeys, taskKeys } from './query-keys';
import { useTasksContext } from './tasks-context';

const NO_PARAMS: ListParams = {};
// While the host is away the sidebar says "Lists are not available."; it asks again every few seconds, so lists
// and tags come back by themselves when the host does (they stayed missing until a navigation).
const RETRY_FAILED_MS = 3_000;
const retryWhileFailing = (query: { state: { status: string } }) => (query.state.status === 'error' ? RETRY_FAILED_MS : false);

export function useTaskList(params: ListParams | null) {
  const { api, userId } = useTasksContext();
  const query = useInfiniteQuery({
    queryKey: taskKeys.list(userId, params ?? NO_PARAMS),
    queryFn: ({ pageParam, signal }) => api.list({ ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: params !== null,
  });
  const items = useMemo<OrgTask[]>(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
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

export function useLists() {
  const { organize, userId } = useTasksContext();
  return useQuery({ queryKey: organizeKeys.lists(userId), queryFn: ({ signal }) => organize.lists(signal), retry: false, refetchInterval: retryWhileFailing });
}

export function useTags() {
  const { organize, userId } = useTasksContext();
  return useQuery({ queryKey: organizeKeys.tags(userId), queryFn: ({ signal }) => organize.tags(signal), retry: false, refetchInterval: retryWhileFailing });
}
