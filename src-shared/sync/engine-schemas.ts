// The sync engine's routes (issue 18 §1, §3), declared once with zod for validation, types and the OpenAPI document:
//   POST /api/{userId}/sync/accounts/{id}/sync  { confirmDeletes? } -> { pulled, pushed, deleted, conflicts, errors }
//   GET  /api/{userId}/sync/conflicts                              -> { items: [{ id, taskId, field, kept, lost, keptFrom, at }] }
// UI-free and Node-free: any layer may import this file.
import { z } from 'zod';

/** Per-task problems a sync reports without stopping (the rest of the calendar still syncs). */
export const SYNC_ISSUE_CODES = [
  'SYNC_RESOURCE_UNREADABLE',
  'SYNC_RESOURCE_TOO_LARGE',
  'SYNC_TASK_REFUSED',
  'SYNC_PUSH_FAILED',
  'SYNC_AUTH_FAILED',
  'SYNC_UNREACHABLE',
  'SYNC_NOT_CALDAV',
  'SYNC_INSECURE_URL',
  'SYNC_SERVER_REFUSED',
] as const;
export type SyncIssueCode = (typeof SYNC_ISSUE_CODES)[number];

export const syncIssue = z.object({
  taskId: z.string().optional(),
  href: z.string().optional(),
  code: z.enum(SYNC_ISSUE_CODES),
  message: z.string(),
});
export type SyncIssue = z.infer<typeof syncIssue>;

export const syncRunInput = z.strictObject({
  /** Go ahead with a sync that deletes more than half of a list's tasks (and more than 10). */
  confirmDeletes: z.boolean().optional(),
});
export type SyncRunInput = z.infer<typeof syncRunInput>;

export const syncRunResult = z.object({
  /** Local tasks created or changed from the server. */
  pulled: z.number().int(),
  /** Resources written to the server. */
  pushed: z.number().int(),
  /** Tasks deleted: local ones moved to the Trash, and resources deleted on the server. */
  deleted: z.number().int(),
  /** Values that lost a merge in this run (kept in GET .../sync/conflicts). */
  conflicts: z.number().int(),
  errors: z.array(syncIssue),
});
export type SyncRunResult = z.infer<typeof syncRunResult>;

/** A value that lost a merge: the field (the API's name), the value kept and the one that lost, and which side won. */
export const syncConflict = z.object({
  id: z.string(),
  taskId: z.string(),
  field: z.string(),
  kept: z.unknown(),
  lost: z.unknown(),
  keptFrom: z.enum(['local', 'remote']),
  at: z.string(),
});
export type SyncConflict = z.infer<typeof syncConflict>;

export const CONFLICTS_LIMIT_MAX = 500;
export const conflictsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(CONFLICTS_LIMIT_MAX).default(100),
});

export const syncConflicts = z.object({ items: z.array(syncConflict) });
