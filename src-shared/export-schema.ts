// The export file format (`GET /api/{userId}/export`) and what `POST /api/{userId}/import` accepts.
// Versioned: `format` names the file type, `version` its layout; a reader refuses versions it does not know.
// UI-free and Node-free: any layer may import this file. The JSON Schema in the README is generated from it.
import { z } from 'zod';
import { isoDate, recurrence, timeZone } from './schedule-schemas.ts';
import { description, inStorableRange, priority, refineSchedule, reminders, title } from './task-schemas.ts';

export const EXPORT_FORMAT = 'tasks-desktop.export';
export const EXPORT_VERSION = 1;
/** Largest import body accepted (bytes). The API's general 64 KiB body limit does not apply to import. */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;
/** Most tasks one import may carry. */
export const IMPORT_MAX_TASKS = 50_000;
const ID_MAX = 100;

/** An ISO 8601 date-time with offset, years 0001-9999, normalised to UTC `toISOString()` form (what export writes). */
const instant = inStorableRange(z.iso.datetime({ offset: true }));

/** One task in an export file: the API's Task without `userId` (the file names its user once). */
export const exportTask = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .max(ID_MAX)
      .regex(/^[A-Za-z0-9_-]+$/, 'Task ids are letters, digits, "-" and "_".'),
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
  .superRefine(refineSchedule)
  .meta({
    description:
      'A task. Import stores it under an id derived from (the importing account, this id), so importing the same file twice adds nothing.',
  });
export type ExportTaskInput = z.input<typeof exportTask>;
export type ExportTask = z.output<typeof exportTask>;

/** The file's envelope, checked before any task is looked at. */
export const exportEnvelope = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: instant,
  userId: z.string().min(1).max(ID_MAX).meta({ description: 'The account the tasks were exported from.' }),
  tasks: z.array(z.unknown()).max(IMPORT_MAX_TASKS, `An import may carry at most ${IMPORT_MAX_TASKS} tasks.`),
});

/** The whole file, as written by export and documented in the README. */
export const exportFile = exportEnvelope.extend({ tasks: z.array(exportTask).max(IMPORT_MAX_TASKS) }).meta({
  title: 'Tasks Desktop export',
  description: "One user's tasks, as written by GET /api/{userId}/export.",
});
export type ExportFile = z.output<typeof exportFile>;

/** Stable reasons an import skips a task. */
export const IMPORT_SKIP_REASONS = ['ALREADY_EXISTS', 'DUPLICATE_IN_FILE', 'INVALID'] as const;
export type ImportSkipReason = (typeof IMPORT_SKIP_REASONS)[number];

export const importSkip = z.object({
  /** The task's id, or null when the entry had no usable id. */
  id: z.string().nullable(),
  /** Position in the file's `tasks` array. */
  index: z.number().int(),
  reason: z.enum(IMPORT_SKIP_REASONS),
  message: z.string(),
});
export type ImportSkip = z.infer<typeof importSkip>;

/** POST /api/{userId}/import response. */
export const importResult = z.object({ imported: z.number().int(), skipped: z.array(importSkip) });
export type ImportResult = z.infer<typeof importResult>;

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
