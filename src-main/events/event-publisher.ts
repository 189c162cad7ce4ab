// The one thing feature code needs to announce a change: call publish() after the change is committed.
//   events.publish(userId, 'list.created', [list.id]);
// Delivery to the user's open streams is synchronous and cheap (an enqueue per stream); it never throws.
import type { DataEventType } from '../../src-shared/event-schemas.ts';

export interface EventPublisher {
  publish(userId: string, type: DataEventType, ids: readonly string[]): void;
}

/** For code paths (and tests) without live events. */
export const noEvents: EventPublisher = { publish: () => {} };
