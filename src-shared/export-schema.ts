// The export file format (`GET /api/{userId}/export`) and what `POST /api/{userId}/import` accepts as `format=json`.
// Versioned: `format` names the file type, `version` its layout; a reader refuses versions it does not know.
// Version 2 (written since #17) carries every list and every field the API has; version 1 (tasks only, no lists,
// tags, nesting or order) is still read. UI-free and Node-free: any layer may import this file. The JSON Schema in
// docs/data-safety.md is generated from it (a test keeps them in step).
import { z } from 'zod';
import { importedCompletion } from './import-schemas.ts';
import { listColor, listName, LISTS_MAX, orderKey } from './list-schemas.ts';
import { isoDate, recurrence, timeZone } from './schedule-schemas.ts';
import {
  description,
  entityId,
  inStorableRange,
  priority,
  refineSchedule,
  reminders,
  taskCreate,
  title,
} from './task-schemas.ts';

export const EXPORT_FORMAT = 'tasks-desktop.export';

/** GET /api/{userId}/export: `format` json (this file), csv, or ical (text/calendar); `listId` one list (ical only). */
export const EXPORT_FILE_FORMATS = ['json', 'csv', 'ical'] as const;
export const exportQuery = z
  .strictObject({
    format: z.enum(EXPORT_FILE_FORMATS).default('json'),
    listId: entityId.optional(),
  })
  .refine((query) => query.listId === undefined || query.format === 'ical', {
    message: 'listId applies to format=ical (the JSON and CSV exports hold every list).',
    path: ['listId'],
  });
/** The version export writes. */
export const EXPORT_VERSION = 2;
/** Every version import reads. */
export const EXPORT_VERSIONS = [1, 2] as const;
export type ExportVersion = (typeof EXPORT_VERSIONS)[number];
/** Largest import body accepted (bytes). The API's general 64 KiB body limit does not apply to import. */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;
/** Most tasks one import may carry. */
export const IMPORT_MAX_TASKS = 50_000;
/** Most lists one export file may carry (an account's limit). */
export const IMPORT_MAX_LISTS = LISTS_MAX;
const ID_MAX = 100;

/** An ISO 8601 date-time with offset, years 0001-9999, normalised to UTC `toISOString()` form (what export writes). */
const instant = inStorableRange(z.iso.datetime({ offset: true }));
const fileId = z
  .string()
  .min(1)
  .max(ID_MAX)
  .regex(/^[A-Za-z0-9_-]+$/, 'Ids are letters, digits, "-" and "_".');

/** Version 1's task: the API's Task of its time, without `userId` (the file names its user once). */
export const exportTaskV1 = z
  .strictObject({
    id: fileId,
    title,
    description,
    completed: z.boolean(),
    completedAt: instant.nullable(),
    priority,
    /** Absent in files written before the start date (migration 007), meaning none. */
    startDate: isoDate.nullable().default(null),
    dueAt: instant.nullable(),
    /** Schedule fields (issue 11); absent in older files, meaning none. */
    dueDate: isoDate.nullable().default(null),
    timeZone: timeZone.nullable().default(null),
    recurrence: recurrence.nullable().default(null),
    reminders: reminders.default([]),
    createdAt: instant,
    updatedAt: instant,
  })
  .superRefine(refineSchedule);
export type ExportTaskV1 = z.output<typeof exportTaskV1>;

/** One list of the account; the Inbox (`isInbox`) is the importing account's Inbox, whatever its name. */
export const exportList = z
  .strictObject({
    id: fileId,
    name: listName,
    color: listColor.nullable(),
    position: orderKey,
    isInbox: z.boolean(),
  })
  .meta({
    description: 'A list. Import matches it to a list of the same name (ignoring case), else creates it.',
  });
export type ExportList = z.output<typeof exportList>;

/** A completion of a recurring task (GET /api/{userId}/tasks/{id}/completions). */
export const exportCompletion = importedCompletion;

const { listId: _listId, parentId: _parentId, ...createFields } = taskCreate.shape;

/**
 * Version 2's task: every field POST /tasks takes (so a field added there is exported and imported too), plus its
 * place (list, parent, position), completion time, timestamps and its completions.
 */
export const exportTask = z
  .strictObject({
    id: fileId,
    ...createFields,
    completedAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
    /** The `id` of its list in this file's `lists`. */
    listId: fileId,
    /** The `id` of its parent in this file's `tasks`, or null at top level. */
    parentId: fileId.nullable(),
    /** Order among its siblings (same list and parent): a fractional-indexing key, compared byte by byte. */
    position: orderKey,
    completions: z.array(exportCompletion).max(5000).default([]),
  })
  .superRefine(refineSchedule)
  .meta({
    description:
      'A task. Import stores it under an id derived from (the importing account, this id), so importing the same file twice adds nothing.',
  });
export type ExportTaskInput = z.input<typeof exportTask>;
export type ExportTask = z.output<typeof exportTask>;

/** The file's envelope, checked before any task is looked at (`lists` only in version 2). */
export const exportEnvelope = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.union(EXPORT_VERSIONS.map((v) => z.literal(v))),
  exportedAt: instant,
  userId: z.string().min(1).max(ID_MAX).meta({ description: 'The account the tasks were exported from.' }),
  lists: z.array(z.unknown()).max(IMPORT_MAX_LISTS).optional(),
  tasks: z.array(z.unknown()).max(IMPORT_MAX_TASKS, `An import may carry at most ${IMPORT_MAX_TASKS} tasks.`),
});

/** The whole file as export writes it (version 2), documented in docs/data-safety.md. */
export const exportFile = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: instant,
    userId: z.string().min(1).max(ID_MAX).meta({ description: 'The account the tasks were exported from.' }),
    lists: z.array(exportList).max(IMPORT_MAX_LISTS),
    tasks: z.array(exportTask).max(IMPORT_MAX_TASKS),
  })
  .meta({
    title: 'Tasks Desktop export',
    description: "One user's lists and tasks, as written by GET /api/{userId}/export.",
  });
export type ExportFile = z.output<typeof exportFile>;

/** The JSON Schema (draft 2020-12) of the export file, generated from the zod schema above. */
export function exportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(exportFile, {
    io: 'input',
    target: 'draft-2020-12',
    // `format: date-time` says it; zod's long equivalent regex would only obscure the document.
    override: (ctx) => {
      if (ctx.jsonSchema.format === 'date-time') delete ctx.jsonSchema.pattern;
    },
  });
}
