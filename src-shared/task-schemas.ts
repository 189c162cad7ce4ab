// The task API's data shapes, declared once with zod. The HTTP API validates with them, the OpenAPI
// document is generated from them, and the renderer uses them for field-level validation.
// UI-free and Node-free: any layer may import this file.
import { z } from 'zod';
import {
  BEFORE_MINUTES_MAX,
  isoDate,
  recurrence,
  REMINDERS_MAX,
  scheduleProblems,
  timeZone,
  type ScheduleFields,
} from './schedule-schemas.ts';

export const TITLE_MAX = 500;
export const DESCRIPTION_MAX = 20_000;
export const SEARCH_MAX = 200;
export const LIST_LIMIT_MAX = 200;
export const LIST_LIMIT_DEFAULT = 50;

export const PRIORITIES = ['none', 'low', 'medium', 'high'] as const;
export const priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof priority>;

/**
 * The instants the app stores: years 0001-9999 in UTC. Outside that range `toISOString()` writes a six-digit
 * year (`+010000-...`) that ISO 8601 readers (export files, SQLite's text ordering) do not take back.
 * Shared by every instant field; all-day dates and time zones reuse `isYearInRange` / `inStorableRange`.
 */
export const INSTANT_MIN = '0001-01-01T00:00:00.000Z';
export const INSTANT_MAX = '9999-12-31T23:59:59.999Z';
const INSTANT_MIN_MS = Date.parse(INSTANT_MIN);
const INSTANT_MAX_MS = Date.parse(INSTANT_MAX);
export const INSTANT_RANGE_MESSAGE = 'Dates must fall in the years 0001 to 9999 (UTC).';

/** Whether an epoch-milliseconds value is a storable instant (years 0001-9999 UTC). */
export function isInstantInRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= INSTANT_MIN_MS && ms <= INSTANT_MAX_MS;
}

/** Whether a calendar year is in the storable range. */
export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999;
}

/**
 * Turns an ISO 8601 string schema into a storable instant: refused (one issue, the range message) outside years
 * 0001-9999 UTC, else normalised to `toISOString()` form. Every instant field (task, query, export) uses this.
 */
export function inStorableRange<S extends z.ZodType<string, string>>(schema: S) {
  return schema.transform((value, ctx) => {
    const ms = Date.parse(value);
    if (!isInstantInRange(ms)) {
      ctx.issues.push({ code: 'custom', message: INSTANT_RANGE_MESSAGE, input: value });
      return z.NEVER;
    }
    return new Date(ms).toISOString();
  });
}

/** ISO 8601 date-time with offset, or a plain date; years 0001-9999; normalised to UTC `toISOString()` form. */
export const isoInstant = inStorableRange(z.union([z.iso.datetime({ offset: true }), z.iso.date()]));

/** `{ at }`: an instant; `{ beforeMinutes }`: that long before a timed due (0 = at the due time). */
export const reminder = z.union([
  z.strictObject({ at: inStorableRange(z.iso.datetime({ offset: true })) }),
  z.strictObject({ beforeMinutes: z.number().int().min(0).max(BEFORE_MINUTES_MAX) }),
]);
export type Reminder = z.output<typeof reminder>;
export const reminders = z
  .array(reminder)
  .max(REMINDERS_MAX, `A task has at most ${REMINDERS_MAX} reminders.`);

/** Snooze a task's reminder: for some minutes from now, or until an instant. */
export const snoozeInput = z.union([
  z.strictObject({ minutes: z.number().int().min(1).max(BEFORE_MINUTES_MAX) }),
  z.strictObject({ until: inStorableRange(z.iso.datetime({ offset: true })) }),
]);
export type SnoozeInput = z.output<typeof snoozeInput>;

/**
 * Text the API stores: well-formed Unicode (no lone surrogates: SQLite would store U+FFFD instead) and no control
 * characters except tab, line feed and carriage return. NUL in particular is refused: SQLite's text functions
 * (length(), FTS5) stop at it, so a stored value would not be what was sent. Format characters (bidi marks,
 * zero-width joiners) are legitimate in text and kept as sent.
 */
const FORBIDDEN_TEXT = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;
export const TEXT_CHARACTERS_MESSAGE =
  'Must not contain control characters (other than tab and line breaks) or unpaired surrogates.';

/** Whether text is storable as sent (see FORBIDDEN_TEXT). */
export function isStorableText(value: string): boolean {
  return !FORBIDDEN_TEXT.test(value);
}

export const title = z
  .string()
  .trim()
  .min(1, 'Title must not be empty.')
  .max(TITLE_MAX, `Title must be at most ${TITLE_MAX} characters.`)
  .refine(isStorableText, TEXT_CHARACTERS_MESSAGE);
export const description = z
  .string()
  .max(DESCRIPTION_MAX, `Description must be at most ${DESCRIPTION_MAX} characters.`)
  .refine(isStorableText, TEXT_CHARACTERS_MESSAGE);

/** Adds one 422 issue per broken cross-field schedule rule (dueDate vs dueAt, recurrence needs a due, ...). */
export function refineSchedule(fields: ScheduleFields, ctx: z.RefinementCtx): void {
  for (const problem of scheduleProblems(fields)) {
    ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  }
}

/** POST /api/{userId}/tasks, and PUT (full replacement: omitted fields take these defaults). */
export const taskCreate = z
  .strictObject({
    title,
    description: description.default(''),
    priority: priority.default('none'),
    /** All-day due: a calendar date, the same wherever the user is. */
    dueDate: isoDate.nullable().default(null),
    /** Timed due: one instant; `timeZone` says the zone it was meant in (recurrence follows that zone's DST). */
    dueAt: isoInstant.nullable().default(null),
    timeZone: timeZone.nullable().default(null),
    recurrence: recurrence.nullable().default(null),
    reminders: reminders.default([]),
    completed: z.boolean().default(false),
  })
  .superRefine(refineSchedule);
export type TaskCreateInput = z.input<typeof taskCreate>;
export type TaskCreate = z.output<typeof taskCreate>;

/** PATCH /api/{userId}/tasks/{id}: any subset, at least one field. */
export const taskPatch = z
  .strictObject({
    title: title.optional(),
    description: description.optional(),
    priority: priority.optional(),
    dueDate: isoDate.nullable().optional(),
    dueAt: isoInstant.nullable().optional(),
    timeZone: timeZone.nullable().optional(),
    recurrence: recurrence.nullable().optional(),
    reminders: reminders.optional(),
    completed: z.boolean().optional(),
  })
  .refine((patch) => !(patch.dueDate != null && patch.dueAt != null), {
    message: 'Give dueDate (all day) or dueAt (a time), not both.',
    path: ['dueDate'],
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), {
    message: 'Give at least one field to change.',
  });
export type TaskPatchInput = z.input<typeof taskPatch>;
export type TaskPatch = z.output<typeof taskPatch>;

/** PATCH /api/{userId}/tasks/{id}/complete: `{ completed }`, or no body to toggle. */
export const taskComplete = z.strictObject({ completed: z.boolean() });

/** A task as the API returns it (camelCase JSON). */
export const task = z.object({
  id: z.string(),
  userId: z.string(),
  title: z.string(),
  description: z.string(),
  completed: z.boolean(),
  completedAt: z.string().nullable(),
  priority,
  dueDate: z.string().nullable(),
  dueAt: z.string().nullable(),
  timeZone: z.string().nullable(),
  recurrence: z.object({ rrule: z.string(), from: z.enum(['due', 'completion']) }).nullable(),
  reminders: z.array(reminder),
  /** A snoozed reminder fires again at this instant (POST .../snooze); null when none is snoozed. */
  snoozedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Only on tasks in the trash (status=deleted): when it was deleted; it is purged 30 days later. */
  deletedAt: z.string().optional(),
});
export type Task = z.infer<typeof task>;

export const LIST_STATUSES = ['all', 'active', 'completed', 'deleted'] as const;
export const LIST_SORTS = ['created', 'due', 'priority', 'title'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
export type ListSort = (typeof LIST_SORTS)[number];

/**
 * GET /api/{userId}/tasks query.
 * - status: all | active | completed (default all) | deleted (the trash: soft-deleted tasks, purged after 30 days)
 * - q: text search over title and description (word-prefix match)
 * - sort: created | due | priority | title; order: asc | desc (default per sort: created desc,
 *   due asc (no due date last), priority desc (high first), title asc)
 * - dueFrom / dueTo: only tasks due in [dueFrom, dueTo) ("due today", "overdue"): timed ones by dueAt, all-day
 *   ones when their whole date lies in the window in `timeZone` (the viewer's zone, default UTC)
 * - limit: 1..200 (default 50); cursor: the previous page's nextCursor; offset: plain offset paging
 */
export const listQuery = z.strictObject({
  status: z.enum(LIST_STATUSES).default('all'),
  q: z.string().trim().max(SEARCH_MAX).optional(),
  sort: z.enum(LIST_SORTS).default('created'),
  order: z.enum(['asc', 'desc']).optional(),
  dueFrom: isoInstant.optional(),
  dueTo: isoInstant.optional(),
  /** The viewer's zone: all-day tasks match a due window by their local date there (default UTC). */
  timeZone: timeZone.optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT),
  cursor: z.string().max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type ListQueryInput = z.input<typeof listQuery>;
export type ListQuery = z.output<typeof listQuery>;

export const taskList = z.object({ items: z.array(task), nextCursor: z.string().nullable() });
export type TaskList = z.infer<typeof taskList>;

/** GET /api/{userId}/tasks/counts?dayStart=ISO&dayEnd=ISO[&now=ISO]: counts for the filter tabs. */
export const countsQuery = z.strictObject({
  dayStart: isoInstant,
  dayEnd: isoInstant,
  now: isoInstant.optional(),
  /** The viewer's zone: all-day tasks count as due today / overdue by their date there (default UTC). */
  timeZone: timeZone.optional(),
});
export const taskCounts = z.object({
  all: z.number().int(),
  active: z.number().int(),
  completed: z.number().int(),
  /** Active tasks with dueAt in [dayStart, dayEnd). */
  dueToday: z.number().int(),
  /** Active tasks with dueAt before `now` (default: the server's clock). */
  overdue: z.number().int(),
});
export type TaskCounts = z.infer<typeof taskCounts>;

/** GET /api/me: who the credential belongs to. A personal access token has no email or session, but `token`. */
export const me = z.object({
  id: z.string(),
  email: z.string().nullable(),
  sessionId: z.string().nullable(),
  token: z.object({ id: z.string(), name: z.string(), scopes: z.array(z.string()) }).nullable(),
});
export type Me = z.infer<typeof me>;
