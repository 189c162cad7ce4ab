// What one sync of an account takes and answers. The engine is written against this small input (the calendars an
// account links, with the list each is linked to, and the credentials), so that it runs and is tested on its own;
// the accounts feature (src-main/sync/accounts/) builds it from its tables.
import type { DavCredentials } from '../caldav-http.ts';
import type { SyncIssue, SyncRunResult } from '../../../src-shared/sync/engine-schemas.ts';

/** A calendar linked to a local list (sync_calendar, migration 011). */
export interface CalendarLink {
  calendarId: string;
  calendarUrl: string;
  listId: string;
  /** The calendar's last sync-collection token (RFC 6578), or null. */
  syncToken: string | null;
}

export interface SyncTarget {
  userId: string;
  accountId: string;
  credentials: DavCredentials;
  calendars: readonly CalendarLink[];
}

export interface SyncRunOptions {
  /** The user confirmed a sync that deletes more than half of a list's tasks (and more than 10). */
  confirmDeletes?: boolean;
}

/** The run's answer, and whether it stopped before deleting (issue 18 §3 delete guard). */
export interface SyncReport extends SyncRunResult {
  state: 'idle' | 'needs-confirmation';
}

/**
 * Failure injection for the crash tests: each hook may throw to stop the run at that point, as a crash would
 * (`afterPut`: the server stored a PUT, nothing local is committed yet; `afterPullCommit`: one pulled task is
 * committed, the rest of the pull and the sync token are not).
 */
export interface SyncHooks {
  afterPut?: (href: string) => void;
  afterPullCommit?: (href: string) => void;
}

export type { SyncIssue };
