// What every step of one account's sync shares: who, which calendar and list, the client, the repositories, the
// counts and problems so far, and the failure hooks of the crash tests.
import type { TaskRepository } from '../../tasks/task-repository.ts';
import type { WriteQueue } from '../../db/write-queue.ts';
import type { EventPublisher } from '../../events/event-publisher.ts';
import type { CalendarClient } from './calendar-client.ts';
import type { StateRepository } from './state-repository.ts';
import type { CalendarLink, SyncHooks, SyncIssue } from './sync-types.ts';

export interface RunCounts {
  pulled: number;
  pushed: number;
  deleted: number;
  conflicts: number;
  errors: SyncIssue[];
}

export interface AccountRun {
  userId: string;
  accountId: string;
  /** Every calendar link of the account by list id (a task moved to one of those lists goes to its calendar). */
  calendarOfList: ReadonlyMap<string, string>;
  repo: TaskRepository;
  state: StateRepository;
  writes: WriteQueue;
  events: EventPublisher;
  hooks: SyncHooks;
  now: () => Date;
  counts: RunCounts;
  confirmDeletes: boolean;
  /** Set when a list's deletions were held back for the user's confirmation. */
  heldDeletes: boolean;
}

export interface CalendarRun extends AccountRun {
  link: CalendarLink;
  client: CalendarClient;
  /** The client of another linked calendar, by link id (a task moved away leaves its old copy there). */
  clientFor: (calendarId: string) => CalendarClient;
}
