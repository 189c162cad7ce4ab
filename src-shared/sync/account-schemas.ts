// CalDAV sync accounts and calendar links (issue 18 §1): the HTTP shapes of
//   POST/GET /api/{userId}/sync/accounts, GET/DELETE .../sync/accounts/{id},
//   POST .../sync/accounts/{id}/lists, DELETE .../sync/accounts/{id}/lists/{listId}
// declared once with zod (validation, types, OpenAPI, MCP). UI-free and Node-free: any layer may import this file.
// The password goes in and never comes out: no answer shape has a field for it.
import { z } from 'zod';

export const SYNC_KINDS = ['caldav'] as const;
export const SYNC_STATES = ['idle', 'syncing', 'error', 'needs-confirmation'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const SYNC_SERVER_URL_MAX = 2048;
export const SYNC_USERNAME_MAX = 256;
export const SYNC_PASSWORD_MAX = 1024;
/** At most this many sync accounts per user. */
export const SYNC_ACCOUNTS_PER_USER_MAX = 20;

/** POST /api/{userId}/sync/accounts */
export const syncAccountCreate = z.strictObject({
  kind: z.enum(SYNC_KINDS),
  serverUrl: z
    .string()
    .trim()
    .min(1, 'Give the server URL, e.g. https://cloud.example.com/remote.php/dav.')
    .max(SYNC_SERVER_URL_MAX, `The server URL must be at most ${SYNC_SERVER_URL_MAX} characters.`),
  username: z
    .string()
    .min(1, 'Give the user name.')
    .max(SYNC_USERNAME_MAX, `The user name must be at most ${SYNC_USERNAME_MAX} characters.`)
    .refine((v) => !/\p{Cc}/u.test(v), { message: 'The user name must not contain control characters.' })
    .refine((v) => !v.includes(':'), { message: 'The user name must not contain ":" (HTTP Basic cannot carry it).' }),
  password: z
    .string()
    .min(1, 'Give the password (an app password where the server offers one).')
    .max(SYNC_PASSWORD_MAX, `The password must be at most ${SYNC_PASSWORD_MAX} characters.`)
    .refine((v) => !/[\r\n\0]/.test(v), { message: 'The password must not contain line breaks or NUL.' }),
  /** false: list the calendars without linking any to a local list. */
  linkCalendars: z.boolean().default(true),
});
export type SyncAccountCreateInput = z.input<typeof syncAccountCreate>;
export type SyncAccountCreate = z.output<typeof syncAccountCreate>;

/** A server calendar that can hold tasks; listId is the local list it syncs with, or null. */
export const syncCalendar = z.object({
  url: z.string(),
  name: z.string(),
  /** "#rrggbb" from the server's calendar-color, or null. */
  color: z.string().nullable(),
  listId: z.string().nullable(),
});
export type SyncCalendar = z.infer<typeof syncCalendar>;

export const syncError = z.object({
  code: z.string(),
  message: z.string(),
  /** ISO 8601 */
  at: z.string(),
});
export type SyncErrorInfo = z.infer<typeof syncError>;

export const syncStatus = z.object({
  state: z.enum(SYNC_STATES),
  /** ISO 8601 end of the last sync that finished without error, or null. */
  lastSyncAt: z.string().nullable(),
  /** Why the last sync failed (in words, in `message`), or null once one succeeds. */
  lastError: syncError.nullable(),
  /** Local changes in linked lists not yet sent to the server. */
  pendingChanges: z.number().int().nonnegative(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const syncAccount = z.object({
  id: z.string(),
  kind: z.enum(SYNC_KINDS),
  serverUrl: z.string(),
  username: z.string(),
  calendars: z.array(syncCalendar),
  status: syncStatus,
});
export type SyncAccount = z.infer<typeof syncAccount>;

export const syncAccountList = z.object({ items: z.array(syncAccount) });
export type SyncAccountList = z.infer<typeof syncAccountList>;

const calendarUrl = z.string().trim().min(1).max(SYNC_SERVER_URL_MAX);
const listId = z.string().min(1).max(200);

/**
 * POST /api/{userId}/sync/accounts/{id}/lists:
 * `{ listId }` makes a new calendar on the server for the list (its name and colour) and links them;
 * `{ listId, calendarUrl }` links the list to an existing calendar of the account;
 * `{ calendarUrl }` makes a new local list for that calendar and links them.
 */
export const syncListLink = z
  .strictObject({ listId: listId.optional(), calendarUrl: calendarUrl.optional() })
  .refine((v) => v.listId !== undefined || v.calendarUrl !== undefined, {
    message: 'Give listId, calendarUrl, or both.',
  });
export type SyncListLink = z.output<typeof syncListLink>;
