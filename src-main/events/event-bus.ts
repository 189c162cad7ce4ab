// The in-process event bus behind GET /api/{userId}/events. Routes publish after a change is committed; the bus
// numbers the event, keeps it in the user's bounded ring (for Last-Event-ID resume) and hands the pre-encoded
// SSE frame to each of that user's open streams (one encode per event, however many streams).
import { EVENT_IDS_MAX, type DataEvent, type DataEventType } from '../../src-shared/event-schemas.ts';
import type { Service } from '../core/service.ts';
import type { EventPublisher } from './event-publisher.ts';

/** Events kept per user for resuming after a short reconnect. */
export const EVENT_RING_SIZE = 512;

export interface StoredEvent {
  /** `${epoch}-${seq}`: the SSE id. */
  id: string;
  seq: number;
  event: DataEvent;
  /** The encoded SSE message (id, event, data lines). */
  frame: Uint8Array;
}

export type EventListener = (event: StoredEvent) => void;
/** Ends a stream; called when the bus stops. */
export type StreamCloser = () => void;

interface UserRing {
  events: StoredEvent[];
  /** Highest seq dropped from the ring (resuming from before it must resync). */
  evictedUpTo: number;
}

const encoder = new TextEncoder();
const ID_PATTERN = /^([a-z0-9]+)-(\d{1,15})$/;

export class EventBus implements Service, EventPublisher {
  readonly name = 'events';
  /** Differs per process start, so an id from a previous run is never mistaken for one of this run. */
  readonly epoch: string;
  private seq = 0;
  private readonly rings = new Map<string, UserRing>();
  private readonly listeners = new Map<string, Set<EventListener>>();
  private readonly streams = new Set<StreamCloser>();
  private running = false;

  constructor(
    private readonly options: { ringSize?: number; now?: () => number } = {},
  ) {
    this.epoch = Date.now().toString(36) + Math.floor(Math.random() * 36 ** 4).toString(36);
  }

  start(): Promise<void> {
    this.running = true;
    return Promise.resolve();
  }

  /** Ends every open stream (they may resume on the next start, and get `resync`). */
  stop(): Promise<void> {
    this.running = false;
    for (const close of [...this.streams]) close();
    this.streams.clear();
    this.listeners.clear();
    return Promise.resolve();
  }

  get isRunning(): boolean {
    return this.running;
  }

  publish(userId: string, type: DataEventType, ids: readonly string[]): void {
    if (!this.running) return;
    this.seq += 1;
    const now = this.options.now?.() ?? Date.now();
    const event: DataEvent = { type, ids: ids.slice(0, EVENT_IDS_MAX), at: new Date(now).toISOString() };
    if (ids.length > EVENT_IDS_MAX) event.truncated = true;
    const id = `${this.epoch}-${this.seq}`;
    const stored: StoredEvent = {
      id,
      seq: this.seq,
      event,
      frame: encoder.encode(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(event)}\n\n`),
    };
    this.remember(userId, stored);
    const listeners = this.listeners.get(userId);
    if (!listeners) return;
    for (const listener of listeners) listener(stored);
  }

  /**
   * Subscribes to the user's events. With `lastEventId`, first returns the events after it (to write before any
   * live one), or 'resync' when they are no longer all in the ring (or the id is from another run).
   */
  subscribe(
    userId: string,
    listener: EventListener,
    lastEventId?: string,
  ): { missed: StoredEvent[] | 'resync'; unsubscribe: () => void } {
    const missed = lastEventId === undefined ? [] : this.since(userId, lastEventId);
    let listeners = this.listeners.get(userId);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(userId, listeners);
    }
    listeners.add(listener);
    const unsubscribe = () => {
      const set = this.listeners.get(userId);
      if (!set) return;
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
    return { missed, unsubscribe };
  }

  /** Registers an open stream so stop() can end it. Returns the unregister function. */
  track(close: StreamCloser): () => void {
    this.streams.add(close);
    return () => this.streams.delete(close);
  }

  /** Open streams (diagnostics, tests). */
  get openStreams(): number {
    return this.streams.size;
  }

  private since(userId: string, lastEventId: string): StoredEvent[] | 'resync' {
    const match = ID_PATTERN.exec(lastEventId.trim());
    if (!match || match[1] !== this.epoch) return 'resync';
    const after = Number(match[2]);
    if (after > this.seq) return 'resync';
    const ring = this.rings.get(userId);
    if (!ring) return [];
    if (after < ring.evictedUpTo) return 'resync';
    return ring.events.filter((stored) => stored.seq > after);
  }

  private remember(userId: string, stored: StoredEvent): void {
    let ring = this.rings.get(userId);
    if (!ring) {
      ring = { events: [], evictedUpTo: 0 };
      this.rings.set(userId, ring);
    }
    ring.events.push(stored);
    if (ring.events.length > (this.options.ringSize ?? EVENT_RING_SIZE)) {
      ring.evictedUpTo = ring.events.shift()!.seq;
    }
  }
}
