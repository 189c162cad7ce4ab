// The in-process event bus behind GET /api/{userId}/events. Routes publish after a change is committed; the bus
// numbers the event in the user's own sequence (no server-wide counter: a Last-Event-ID says nothing about other
// accounts), keeps it in the user's bounded ring (for Last-Event-ID resume) and hands the pre-encoded SSE frame to
// each of that user's open streams (one encode per event, however many streams). A user has at most
// MAX_STREAMS_PER_USER open streams: a new one ends the oldest.
import {
  EVENT_IDS_MAX,
  MAX_STREAMS_PER_USER,
  type DataEvent,
  type DataEventType,
  type StreamEndReason,
} from '../../src-shared/event-schemas.ts';
import type { Service } from '../core/service.ts';
import type { EventPublisher } from './event-publisher.ts';

/** Events kept per user for resuming after a short reconnect. */
export const EVENT_RING_SIZE = 512;

export interface StoredEvent {
  /** `${epoch}-${seq}`: the SSE id, seq counted per user. */
  id: string;
  seq: number;
  event: DataEvent;
  /** The encoded SSE message (id, event, data lines). */
  frame: Uint8Array;
}

export type EventListener = (event: StoredEvent) => void;
/** Ends a stream with a reason (the bus stops; the user opened too many). */
export type StreamCloser = (reason: StreamEndReason) => void;

interface UserRing {
  /** The user's last event number. */
  seq: number;
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
  private readonly rings = new Map<string, UserRing>();
  private readonly listeners = new Map<string, Set<EventListener>>();
  /** Open streams by user, oldest first (a Set keeps insertion order). */
  private readonly streams = new Map<string, Set<StreamCloser>>();
  private running = false;

  constructor(
    private readonly options: { ringSize?: number; now?: () => number; maxStreamsPerUser?: number } = {},
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
    const all = [...this.streams.values()].flatMap((set) => [...set]);
    this.streams.clear();
    for (const close of all) close('shutdown');
    this.listeners.clear();
    return Promise.resolve();
  }

  get isRunning(): boolean {
    return this.running;
  }

  publish(userId: string, type: DataEventType, ids: readonly string[]): void {
    if (!this.running) return;
    const ring = this.ringOf(userId);
    ring.seq += 1;
    const now = this.options.now?.() ?? Date.now();
    const event: DataEvent = { type, ids: ids.slice(0, EVENT_IDS_MAX), at: new Date(now).toISOString() };
    if (ids.length > EVENT_IDS_MAX) event.truncated = true;
    const id = `${this.epoch}-${ring.seq}`;
    const stored: StoredEvent = {
      id,
      seq: ring.seq,
      event,
      frame: encoder.encode(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(event)}\n\n`),
    };
    this.remember(ring, stored);
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

  /**
   * Registers an open stream of the user so stop() can end it; past the per-user cap the oldest is ended with
   * `too-many-streams`. Returns the unregister function.
   */
  track(userId: string, close: StreamCloser): () => void {
    let set = this.streams.get(userId);
    if (!set) {
      set = new Set();
      this.streams.set(userId, set);
    }
    set.add(close);
    const max = this.options.maxStreamsPerUser ?? MAX_STREAMS_PER_USER;
    while (set.size > max) {
      const oldest = set.values().next().value as StreamCloser;
      set.delete(oldest);
      oldest('too-many-streams');
    }
    return () => {
      const own = this.streams.get(userId);
      if (!own) return;
      own.delete(close);
      if (own.size === 0) this.streams.delete(userId);
    };
  }

  /** Open streams (diagnostics, tests). */
  get openStreams(): number {
    let count = 0;
    for (const set of this.streams.values()) count += set.size;
    return count;
  }

  /** Open streams of one user (diagnostics, tests). */
  streamsOf(userId: string): number {
    return this.streams.get(userId)?.size ?? 0;
  }

  private since(userId: string, lastEventId: string): StoredEvent[] | 'resync' {
    const match = ID_PATTERN.exec(lastEventId.trim());
    if (!match || match[1] !== this.epoch) return 'resync';
    const after = Number(match[2]);
    // Compared with this user's own numbers only: an id past them is refused like any unknown one.
    const ring = this.rings.get(userId);
    if (after > (ring?.seq ?? 0)) return 'resync';
    if (!ring) return [];
    if (after < ring.evictedUpTo) return 'resync';
    return ring.events.filter((stored) => stored.seq > after);
  }

  private ringOf(userId: string): UserRing {
    let ring = this.rings.get(userId);
    if (!ring) {
      ring = { seq: 0, events: [], evictedUpTo: 0 };
      this.rings.set(userId, ring);
    }
    return ring;
  }

  private remember(ring: UserRing, stored: StoredEvent): void {
    ring.events.push(stored);
    if (ring.events.length > (this.options.ringSize ?? EVENT_RING_SIZE)) {
      ring.evictedUpTo = ring.events.shift()!.seq;
    }
  }
}
