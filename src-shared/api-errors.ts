// The HTTP API's one error shape and its stable codes. Clients switch on `code`, never on `message`.

export const API_ERROR_CODES = {
  AUTH_MISSING: 401,
  AUTH_MALFORMED: 401,
  AUTH_INVALID: 401,
  AUTH_EXPIRED: 401,
  FORBIDDEN: 403,
  /** A personal access token was sent to a route only a signed-in session (its JWT) may use. */
  SESSION_REQUIRED: 403,
  /** A personal access token without the scope the route needs; the message names the scope. */
  INSUFFICIENT_SCOPE: 403,
  HOST_NOT_ALLOWED: 403,
  ORIGIN_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  /** If-Match names a version of the task that is no longer current: read it again (its ETag) and retry. */
  PRECONDITION_FAILED: 412,
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  /** Import: the file is another account's export and the request did not name it with ?fromUser. */
  IMPORT_USER_MISMATCH: 409,
  /** Import: this account already has an import running; one at a time per account. */
  IMPORT_IN_PROGRESS: 409,
  /** Import: the server is running its maximum of concurrent imports; retry after `Retry-After` seconds. */
  IMPORT_BUSY: 503,
  /** Import: the body arrived too slowly (under 1 KiB/s for 10 s) and was dropped; nothing was imported. */
  IMPORT_STALLED: 408,
  /** Import: the file's format version is newer than this app reads. */
  IMPORT_UNSUPPORTED_VERSION: 422,
  /** Lists: another list of this account already has this name (ignoring case). */
  LIST_NAME_TAKEN: 409,
  /** Lists: the Inbox cannot be deleted or renamed. */
  INBOX_PROTECTED: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  /**
   * Recurrence: the rule can match, but finding its next date after the due takes more work than one expansion may
   * spend (docs/schedule.md, "Rules the API refuses"); a simpler rule will do.
   */
  RECURRENCE_TOO_COMPLEX: 422,
  /** Subtasks: the new parent is the task itself or one of its subtasks. */
  NESTING_CYCLE: 422,
  /** Subtasks: the move would put a task (or its deepest subtask) below the fourth level. */
  NESTING_TOO_DEEP: 422,
  /** Sync: the CalDAV server refused the user name or password (it answered 401/403). */
  SYNC_AUTH_FAILED: 422,
  /** Sync: the server could not be reached; the message says why (refused, DNS, TLS, timeout, redirect). */
  SYNC_UNREACHABLE: 422,
  /** Sync: the URL answers, but no CalDAV calendar home was found for the user there. */
  SYNC_NOT_CALDAV: 422,
  /** Sync: plain http:// to anything but this machine, refused before any connection. */
  SYNC_INSECURE_URL: 422,
  /** Sync: the server answered but refused the request (e.g. MKCALENDAR); the message has its status. */
  SYNC_SERVER_REFUSED: 422,
  /** Sync: this account already has this login on this server. */
  SYNC_ACCOUNT_EXISTS: 409,
  /** Sync: the list already syncs with a calendar (unlink it first). */
  SYNC_LIST_LINKED: 409,
  /** Sync: the calendar already syncs with another list (unlink it first). */
  SYNC_CALENDAR_LINKED: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export interface ApiFieldIssue {
  /** Dotted path of the offending field, e.g. "title" or "dueAt". Empty for the whole body. */
  path: string;
  message: string;
}

export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** VALIDATION_FAILED: one entry per field issue. */
    details?: ApiFieldIssue[];
    /** INTERNAL: the id under which the server logged the failure. */
    requestId?: string;
  };
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
  );
}
