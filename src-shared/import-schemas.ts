// The import route's contract (POST /api/{userId}/import?format=F[&dryRun=true][&listName=NAME][&fromUser=ID]):
// its query, the one answer every format gives, and the task fields a format reader hands to the import.
// UI-free and Node-free: any layer may import this file.
import { z } from 'zod';
import { listName } from './list-schemas.ts';
import { refineSchedule, taskCreate } from './task-schemas.ts';
import { inStorableRange } from './task-schemas.ts';

/** The formats the import route reads; `json` is this app's own export (versions 1 and 2). */
export const IMPORT_FORMATS = ['json', 'todoist-csv', 'ticktick-csv', 'google-tasks', 'todo-txt', 'ical'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Media types an import body may be sent as (any format in any of them: the format is `?format` or sniffed). */
export const IMPORT_MEDIA_TYPES = [
  'application/json',
  'text/csv',
  'text/calendar',
  'text/plain',
  'application/zip',
  'application/octet-stream',
] as const;

export const importQuery = z.strictObject({
  /** The file's format; omitted: recognised by its first bytes. */
  format: z.enum(IMPORT_FORMATS).optional(),
  /** `true`: answer exactly what the import would do, write nothing. */
  dryRun: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  /** The list for tasks of formats that name none (default: the Inbox). "Inbox" (any case) is the Inbox. */
  listName: listName.optional(),
  /** Consent to import another account's own export (`json` only): must equal the file's `userId`. */
  fromUser: z.string().min(1).max(100).optional(),
});
export type ImportQuery = z.output<typeof importQuery>;

/** Stable reasons an import skips an entry. */
export const IMPORT_SKIP_REASONS = [
  /** Already in this account (an earlier import of the same file, or the account's own export). */
  'ALREADY_EXISTS',
  /** The same id appears earlier in the file. */
  'DUPLICATE_IN_FILE',
  /** The entry was read but its fields are not a valid task. */
  'INVALID',
  /** The entry could not be read at all (a broken row or line). */
  'UNREADABLE',
  /** A kind of entry this app has no place for (a VEVENT, a Todoist comment on a project...). */
  'UNSUPPORTED',
] as const;
export type ImportSkipReason = (typeof IMPORT_SKIP_REASONS)[number];

export const importSkip = z.object({
  /** Position of the entry in the file (0-based: array index, row or component number). */
  index: z.number().int(),
  reason: z.enum(IMPORT_SKIP_REASONS),
  message: z.string(),
  /** The entry's id in the file, when it has one. */
  id: z.string().nullable().optional(),
  /** 1-based line in the file, for line-based formats. */
  line: z.number().int().optional(),
});
export type ImportSkip = z.infer<typeof importSkip>;

export const importListResult = z.object({
  id: z.string(),
  name: z.string(),
  /** false for the Inbox and for a list the account already had (matched by name, ignoring case). */
  created: z.boolean(),
  /** Tasks placed in it by this import, subtasks included. */
  imported: z.number().int(),
});
export type ImportListResult = z.infer<typeof importListResult>;

/** POST /api/{userId}/import response, the same for every format; a dry run's equals the real import's. */
export const importResult = z.object({
  imported: z.number().int(),
  skipped: z.array(importSkip),
  lists: z.array(importListResult),
  dryRun: z.boolean(),
  /** The import's id, to undo it with DELETE /api/{userId}/imports/{importId}; null for a dry run or when nothing was written. */
  importId: z.string().nullable(),
});
export type ImportResult = z.infer<typeof importResult>;

const instant = inStorableRange(z.iso.datetime({ offset: true }));

/** One completion of a recurring task, as files carry it. */
export const importedCompletion = z.strictObject({
  completedAt: instant,
  dueDate: z.iso.date().nullable().default(null),
  dueAt: instant.nullable().default(null),
  timeZone: z.string().max(64).nullable().default(null),
});
export const COMPLETIONS_PER_TASK_MAX = 5000;

const { listId: _listId, parentId: _parentId, ...taskFields } = taskCreate.shape;

/**
 * The task fields a reader produces for one entry: what POST /tasks accepts (so fields added there flow into every
 * format), plus the history a file may carry. Validated by the import; a failing entry is skipped as INVALID.
 */
export const importedTask = z
  .strictObject({
    ...taskFields,
    completedAt: instant.nullable().default(null),
    createdAt: instant.optional(),
    updatedAt: instant.optional(),
    completions: z.array(importedCompletion).max(COMPLETIONS_PER_TASK_MAX).default([]),
  })
  .superRefine(refineSchedule);
export type ImportedTaskInput = z.input<typeof importedTask>;
export type ImportedTask = z.output<typeof importedTask>;
