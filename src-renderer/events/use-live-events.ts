// Keeps the open window current: every change announced on the user's event stream (a script, the CLI, the
// MCP server, another window) refetches the affected queries, batched over 100 ms.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { HttpClient } from '../api/http-client';
import { followLiveEvents } from './live-events';

const BATCH_MS = 100;

export function useLiveEvents(http: HttpClient, userId: string | null): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!userId) return undefined;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Every query of this user (tasks, counts, lists, tags) carries the user id in its key.
    const refresh = () => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        void client.invalidateQueries({ predicate: (query) => query.queryKey.includes(userId) });
      }, BATCH_MS);
    };
    void followLiveEvents(http, userId, { onEvent: refresh, onResync: refresh }, abort.signal);
    return () => {
      abort.abort();
      if (timer !== null) clearTimeout(timer);
    };
  }, [client, http, userId]);
}
