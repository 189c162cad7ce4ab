// Live events (GET /api/{userId}/events, text/event-stream): the event names and the data each carries,
// declared once for main, the renderer and the CLI. UI-free and Node-free.
//
// Wire format (one SSE message per change):
//   id: <epoch>-<seq>
//   event: task.created
//   data: {"type":"task.created","ids":["0193..."],"at":"2026-06-01T12:00:00.000Z"}
// A comment line (": heartbeat") every 15 s; `event: resync` when a Last-Event-ID is too old to resume from
// (refetch everything); `event: end` with {"reason"} just before the server ends the stream.

export const DATA_EVENT_TYPES = [
  'task.created',
  'task.updated',
  'task.deleted',
  'task.restored',
  'tasks.imported',
  'list.created',
  'list.updated',
  'list.deleted',
  'tag.created',
  'tag.updated',
  'tag.deleted',
  'reminder.due',
] as const;
export type DataEventType = (typeof DATA_EVENT_TYPES)[number];

/** At most this many ids in one event; a bigger change (an import) sets `truncated` and clients refetch. */
export const EVENT_IDS_MAX = 1_000;

export interface DataEvent {
  type: DataEventType;
  /** The ids involved: task ids for task.*, list ids for list.*, tag ids for tag.*, task ids for reminder.due. */
  ids: string[];
  /** Set when more ids were involved than EVENT_IDS_MAX. */
  truncated?: true;
  /** When the change was committed (ISO 8601 UTC). */
  at: string;
}

export const RESYNC_EVENT = 'resync';
export const END_EVENT = 'end';
/**
 * Why the server ended a stream: the credential expired or was revoked, the server stops, the client read too
 * slowly (its queue passed the bound), or the user opened more streams than allowed (the oldest ends).
 */
export type StreamEndReason = 'expired' | 'revoked' | 'shutdown' | 'too-slow' | 'too-many-streams';

/** Open streams per user; opening one more ends the oldest with `too-many-streams`. */
export const MAX_STREAMS_PER_USER = 20;

/** Seconds between heartbeats (SSE comment lines). */
export const HEARTBEAT_SECONDS = 15;

export function isDataEventType(value: string): value is DataEventType {
  return (DATA_EVENT_TYPES as readonly string[]).includes(value);
}
