// Test support (not a test): reads GET /api/{userId}/events with fetch like any script would.
import { SseParser, type SseMessage } from '../../src-shared/sse-parser.ts';

export interface TestEventStream {
  response: Response;
  /** The next message (rejects after `timeoutMs`, or when the stream ended first). */
  next(timeoutMs?: number): Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

export async function openEventStream(
  url: string,
  headers: Record<string, string>,
  lastEventId?: string,
): Promise<TestEventStream> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { ...headers, Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
    signal: abort.signal,
  });
  const queue: SseMessage[] = [];
  const waiters: (() => void)[] = [];
  let done = false;
  const wake = () => waiters.splice(0).forEach((wake) => wake());
  const ended = (async () => {
    if (!response.body) return;
    const parser = new SseParser();
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body) {
        queue.push(...parser.push(decoder.decode(chunk as Uint8Array, { stream: true })));
        wake();
      }
    } catch {
      // aborted by close()
    } finally {
      done = true;
      wake();
    }
  })();
  return {
    response,
    ended,
    async next(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (queue.length === 0) {
        if (done) throw new Error('the stream ended');
        if (Date.now() >= deadline) throw new Error('no event in time');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, deadline - Date.now());
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return queue.shift()!;
    },
    close: () => abort.abort(),
  };
}
