// One open text/event-stream response: missed events (or `resync`) first, then live ones, a heartbeat comment
// every 15 s, and an `end` event before the server closes it (credential expired or revoked, shutdown, or a
// client that stopped reading).
import {
  END_EVENT,
  HEARTBEAT_SECONDS,
  RESYNC_EVENT,
  type StreamEndReason,
} from '../../src-shared/event-schemas.ts';
import type { EventBus, StoredEvent } from './event-bus.ts';

/** Frames queued for a client that does not read before the stream is dropped (it can resume). */
export const MAX_QUEUED_FRAMES = 2_000;
/** Bytes queued for a client that does not read before the stream is dropped: frames differ in size (1 to 1,000 ids). */
export const MAX_QUEUED_BYTES = 1024 * 1024;

export interface EventStreamOptions {
  bus: EventBus;
  userId: string;
  lastEventId?: string;
  /**
   * Watches what ends the stream (expiry, revocation): calls `end` with the reason; returns the unwatch function.
   */
  watchEnd: (end: (reason: StreamEndReason) => void) => () => void;
  heartbeatMs?: number;
  /** Bytes queued before the stream is dropped (default MAX_QUEUED_BYTES; tests pass small ones). */
  maxQueuedBytes?: number;
}

const encoder = new TextEncoder();
const HEARTBEAT = encoder.encode(': heartbeat\n\n');

export const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-store, no-transform',
  'X-Accel-Buffering': 'no',
} as const;

function control(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export function openEventStream(options: EventStreamOptions): Response {
  const { bus } = options;
  let cleanup: (() => void) | null = null;
  const maxQueuedBytes = options.maxQueuedBytes ?? MAX_QUEUED_BYTES;
  // Bytes and frames the client has not taken yet (the socket stops pulling while its own buffer is full).
  let queuedBytes = 0;
  let queuedFrames = 0;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const finish = (reason: StreamEndReason | null) => {
        if (!open) return;
        open = false;
        cleanup?.();
        if (reason === null) return;
        try {
          if (reason === 'too-slow') controller.error(new Error('client too slow'));
          else {
            controller.enqueue(control(END_EVENT, { reason }));
            controller.close();
          }
        } catch {
          // already cancelled by the client
        }
      };
      const enqueue = (frame: Uint8Array) => {
        queuedBytes += frame.byteLength;
        queuedFrames += 1;
        controller.enqueue(frame);
      };
      const write = (frame: Uint8Array) => {
        if (!open) return;
        if (queuedFrames >= MAX_QUEUED_FRAMES || queuedBytes + frame.byteLength > maxQueuedBytes) {
          return finish('too-slow');
        }
        enqueue(frame);
      };

      // Subscribe and replay in the same tick: nothing published in between can be lost or doubled.
      const { missed, unsubscribe } = bus.subscribe(
        options.userId,
        (stored: StoredEvent) => write(stored.frame),
        options.lastEventId,
      );
      enqueue(encoder.encode(`retry: 2000\n: connected\n\n`));
      if (missed === 'resync') enqueue(control(RESYNC_EVENT, { reason: 'Last-Event-ID is too old' }));
      else for (const stored of missed) enqueue(stored.frame);

      const heartbeat = setInterval(() => write(HEARTBEAT), options.heartbeatMs ?? HEARTBEAT_SECONDS * 1000);
      heartbeat.unref();
      const untrack = bus.track(options.userId, (reason) => finish(reason));
      const unwatch = options.watchEnd((reason) => finish(reason));
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        untrack();
        unwatch();
      };
      if (!bus.isRunning) finish('shutdown');
    },
    pull() {
      // The client took everything queued (pull runs once the queue is empty).
      queuedBytes = 0;
      queuedFrames = 0;
    },
    cancel() {
      // The client went away.
      cleanup?.();
      cleanup = null;
    },
  });
  return new Response(body, { status: 200, headers: EVENT_STREAM_HEADERS });
}
