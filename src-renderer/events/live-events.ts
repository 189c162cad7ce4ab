// Subscribes to GET /api/{userId}/events with a fetch-based reader (EventSource cannot send the Authorization
// header) and reconnects with Last-Event-ID. Pure logic (no React): the hook below wires it to the query cache.
import { isDataEventType, RESYNC_EVENT, type DataEvent } from '../../src-shared/event-schemas';
import { SseParser } from '../../src-shared/sse-parser';
import type { HttpClient } from '../api/http-client';

export interface LiveEventHandlers {
  onEvent: (event: DataEvent) => void;
  /** Events may have been missed (first connect after a gap, `resync`): refetch everything. */
  onResync: () => void;
}

const MAX_BACKOFF_MS = 15_000;

/** Runs until `signal` aborts. Never throws. */
export async function followLiveEvents(
  http: HttpClient,
  userId: string,
  handlers: LiveEventHandlers,
  signal: AbortSignal,
  wait: (ms: number, signal: AbortSignal) => Promise<void> = sleep,
): Promise<void> {
  let lastEventId = '';
  let failures = 0;
  while (!signal.aborted) {
    try {
      const response = await http.openStream(`/api/${encodeURIComponent(userId)}/events`, {
        signal,
        ...(lastEventId ? { headers: { 'Last-Event-ID': lastEventId } } : {}),
      });
      // Connected: whatever happened while we were away is either replayed or announced with `resync`; a first
      // connection after a failure refetches anyway (the server may have restarted).
      if (failures > 0 && !lastEventId) handlers.onResync();
      failures = 0;
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const parser = new SseParser();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const message of parser.push(decoder.decode(value, { stream: true }))) {
          if (message.lastEventId) lastEventId = message.lastEventId;
          if (message.event === RESYNC_EVENT) handlers.onResync();
          else if (isDataEventType(message.event)) handlers.onEvent(JSON.parse(message.data) as DataEvent);
        }
      }
    } catch {
      if (signal.aborted) return;
      failures += 1;
    }
    if (signal.aborted) return;
    // Ended by the server (JWT expired, shutdown) or failed: reconnect (a fresh JWT is fetched), backing off.
    await wait(Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(failures, 5)), signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
