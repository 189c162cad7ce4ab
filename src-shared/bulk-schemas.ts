// POST /api/{userId}/tasks/bulk: one action on many tasks, named by ids or by the same filter the list route
// takes (so "select all" means the whole view, not the rows a client happened to load). The answer says what
// changed and carries `undo`: the bulk requests (by ids) that put every changed task back, so one undo step can
// reverse the whole action. UI-free and Node-free: the API, the window, the CLI and MCP share these shapes.
import { z } from 'zod';
import { timeZone } from './schedule-schemas.ts';
import { tagName } from './tag-schemas.ts';
import { entityId, listQuery, occurrence, priority } from './task-schemas.ts';

/** At most this many tasks per bulk request (by ids or matched by a filter): the undo by ids then fits one body. */
export const BULK_MAX = 20_000;
/** The bulk route's body limit (its own, above the 64 KiB of the other task routes): BULK_MAX ids fit. */
export const BULK_BODY_MAX_BYTES = 1024 * 1024;
/** Tasks written per write-queue batch: a batch holds the event loop for milliseconds, never for the whole action. */
export const BULK_CHUNK = 200;
/** Ask for progress lines with this Accept header. */
export const NDJSON = 'application/x-ndjson';

/** The list route's filter, without paging and sorting: the tasks it would list, all pages. */
export const bulkFilter = listQuery.omit({ limit: true, cursor: true, offset: true, sort: true, order: true });
export type BulkFilter = z.output<typeof bulkFilter>;
export type BulkFilterInput = z.input<typeof bulkFilter>;

/** Where a task was, for the undo of a move: its list, its parent and its manual-order key. */
export const bulkPlace = z.strictObject({
  id: entityId,
  listId: entityId,
  parentId: entityId.nullable(),
  position: z.string().min(1).max(200),
});
export type BulkPlace = z.output<typeof bulkPlace>;

export const bulkAction = z.discriminatedUnion('type', [
  /**
   * Completes open tasks (and their open subtasks); a recurring task moves to its next occurrence. `occurrences`
   * names, per task id, the occurrence the caller saw (as `occurrence` on PATCH .../complete): a task already past
   * it is left as it is, so a repeat of the request skips no occurrence. A recurring task not named completes the
   * occurrence it had when the request was read (two concurrent requests move it once).
   */
  z.strictObject({
    type: z.literal('complete'),
    timeZone: timeZone.optional(),
    occurrences: z
      .record(entityId, occurrence)
      .refine((map) => Object.keys(map).length <= BULK_MAX, { message: `At most ${BULK_MAX} occurrences.` })
      .optional(),
  }),
  /** Reopens completed tasks; right after a recurring completion, restores that occurrence. */
  z.strictObject({ type: z.literal('uncomplete') }),
  /** Moves top-level tasks (with their subtasks) to the top of a list, in their order; a selected subtask leaves its parent. */
  z.strictObject({ type: z.literal('move'), listId: entityId }),
  z.strictObject({ type: z.literal('setPriority'), priority }),
  z.strictObject({ type: z.literal('addTag'), tag: tagName }),
  z.strictObject({ type: z.literal('removeTag'), tag: tagName }),
  /** To the trash, with their subtasks. */
  z.strictObject({ type: z.literal('delete') }),
  /** Out of the trash, with the subtasks trashed with them. */
  z.strictObject({ type: z.literal('restore') }),
  /** Puts tasks back where they were (the undo of a move); needs no ids or filter. */
  z.strictObject({ type: z.literal('place'), places: z.array(bulkPlace).min(1).max(BULK_MAX) }),
]);
export type BulkAction = z.output<typeof bulkAction>;
export type BulkActionType = BulkAction['type'];

export const bulkRequest = z
  .strictObject({
    ids: z.array(entityId).min(1).max(BULK_MAX).optional(),
    filter: bulkFilter.optional(),
    action: bulkAction,
  })
  .superRefine((body, ctx) => {
    const targets = (body.ids ? 1 : 0) + (body.filter ? 1 : 0);
    if (body.action.type === 'place') {
      if (targets) ctx.addIssue({ code: 'custom', path: ['ids'], message: 'A place action names its tasks in places: give no ids or filter.' });
    } else if (targets !== 1) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'Give ids or filter (exactly one).' });
    }
  });
export type BulkRequestInput = z.input<typeof bulkRequest>;
export type BulkRequest = z.output<typeof bulkRequest>;

/** What a bulk action did: `matched` tasks were looked at, `changed` ones written; `undo` reverses exactly those. */
export const bulkResult = z.object({
  action: z.enum(['complete', 'uncomplete', 'move', 'setPriority', 'addTag', 'removeTag', 'delete', 'restore', 'place']),
  matched: z.number().int(),
  /** Every task this action wrote, subtasks it reached included. */
  changed: z.array(z.string()),
  /** Run in order, these requests put the changed tasks back as they were (empty when nothing changed). */
  undo: z.array(
    z.object({
      ids: z.array(z.string()).optional(),
      action: bulkAction,
    }),
  ),
});
export type BulkResult = z.infer<typeof bulkResult>;

/** GET /api/{userId}/tasks/bulk/count?<filter>: how many tasks a bulk action by that filter would match. */
export const bulkCount = z.object({
  count: z.number().int(),
  /** True when the filter matches more than BULK_MAX tasks (count is then BULK_MAX + 1). */
  overLimit: z.boolean(),
});
export type BulkCount = z.infer<typeof bulkCount>;

/** One line of an `Accept: application/x-ndjson` answer: progress lines, then the result (or an error). */
export const bulkProgressLine = z.object({ progress: z.object({ done: z.number().int(), total: z.number().int() }) });
export type BulkProgress = z.infer<typeof bulkProgressLine>['progress'];
