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
import { tagName, TAGS_PER_TASK_MAX, taskTags } from './tag-schemas.ts';

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

/** An id in a path, body or query (tasks and lists): what the server issues, or an imported id. */
export const ID_MAX = 100;
export const entityId = z
  .string()
  .min(1)
  .max(ID_MAX)
  .regex(/^[A-Za-z0-9_-]+$/, 'Ids are letters, digits, "-" and "_".');

/** Subtasks nest at most this deep: a top-level task is level 1. */
export const NESTING_MAX = 4;

/** Adds one 422 issue per broken cross-field schedule rule (dueDate vs dueAt, recurrence needs a due, ...). */
export function refineSchedule(fields: ScheduleFields, ctx: z.RefinementCtx): void {
  for (const problem of scheduleProblems(fields)) {
    ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  }
}

/**
 * POST /api/{userId}/tasks, and PUT (full replacement: omitted fields take these defaults).
 * - listId: omitted = the Inbox on create, unchanged on PUT. A subtask always lives in its root's list.
 * - parentId: a task of the same account (the new task becomes its last subtask); omitted = top level on create,
 *   unchanged on PUT; null = top level.
 * - tags: names (see tag-schemas.ts); unknown ones are created, duplicates ignoring case collapse.
 * A new top-level task goes first in its list; a new subtask last among its parent's subtasks.
 */
export const taskCreate = z
  .strictObject({
    title,
    description: description.default(''),
    priority: priority.default('none'),
    /** The day the task becomes workable (it shows in Today from then on); independent of the due date. */
    startDate: isoDate.nullable().default(null),
    /** All-day due: a calendar date, the same wherever the user is. */
    dueDate: isoDate.nullable().default(null),
    /** Timed due: one instant; `timeZone` says the zone it was meant in (recurrence follows that zone's DST). */
    dueAt: isoInstant.nullable().default(null),
    timeZone: timeZone.nullable().default(null),
    recurrence: recurrence.nullable().default(null),
    reminders: reminders.default([]),
    completed: z.boolean().default(false),
    listId: entityId.optional(),
    parentId: entityId.nullable().optional(),
    tags: taskTags.default([]),
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
    startDate: isoDate.nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    dueAt: isoInstant.nullable().optional(),
    timeZone: timeZone.nullable().optional(),
    recurrence: recurrence.nullable().optional(),
    reminders: reminders.optional(),
    completed: z.boolean().optional(),
    /** Replaces the task's tags. */
    tags: taskTags.optional(),
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

/** A recurring task's occurrence as a client saw it: its `dueDate`, or its `dueAt` (any offset). */
export const occurrence = z.union([isoDate, isoInstant]);

/** PATCH /api/{userId}/tasks/{id}/complete: `{ completed }`, or no body to toggle. */
export const taskComplete = z.strictObject({
  completed: z.boolean().optional(),
  /** The client's zone: "today" when an all-day task repeats from completion (default UTC). */
  timeZone: timeZone.optional(),
  /**
   * The occurrence being completed: the task's due as the client saw it (`dueDate`, or `dueAt` as an instant).
   * When a recurring task has already moved past it (a retry, a double click, a second client), completing it
   * again changes nothing and answers the task as it is.
   */
  occurrence: occurrence.optional(),
});

/**
 * POST /api/{userId}/tasks/{id}/move: where the task goes. beforeId / afterId name a task the moved one is put
 * right before / after (it becomes that task's sibling: same parent, same list); both: between the two. parentId
 * (null = top level) and listId say where it goes without a neighbour: a top-level task goes first in its list, a
 * subtask last under its parent. The task's subtasks move with it. At least one field.
 */
export const taskMove = z
  .strictObject({
    listId: entityId.optional(),
    parentId: entityId.nullable().optional(),
    beforeId: entityId.optional(),
    afterId: entityId.optional(),
  })
  .refine((move) => Object.values(move).some((v) => v !== undefined), {
    message: 'Give listId, parentId, beforeId or afterId.',
  });
export type TaskMoveInput = z.input<typeof taskMove>;
export type TaskMove = z.output<typeof taskMove>;

/** A task as the API returns it (camelCase JSON). */
export const task = z.object({
  id: z.string(),
  userId: z.string(),
  title: z.string(),
  description: z.string(),
  completed: z.boolean(),
  completedAt: z.string().nullable(),
  priority,
  /** "YYYY-MM-DD": the day the task becomes workable; null when it always is. */
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  dueAt: z.string().nullable(),
  timeZone: z.string().nullable(),
  recurrence: z.object({ rrule: z.string(), from: z.enum(['due', 'completion']) }).nullable(),
  reminders: z.array(reminder),
  /** A snoozed reminder fires again at this instant (POST .../snooze); null when none is snoozed. */
  snoozedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The list the task is in (a subtask: its root's list). */
  listId: z.string(),
  /** The parent task, or null at top level. */
  parentId: z.string().nullable(),
  /** Manual order among its siblings (same list and parent): sort by (position, id), ascending. */
  position: z.string(),
  /** Tag names, in the account's spelling, sorted ignoring case. */
  tags: z.array(z.string()),
  /** Direct subtasks not in the trash, and how many of them are completed. */
  subtaskCount: z.number().int(),
  subtasksDone: z.number().int(),
  /** Only on tasks in the trash (status=deleted): when it was deleted; it is purged 30 days later. */
  deletedAt: z.string().optional(),
});
export type Task = z.infer<typeof task>;

/**
 * Where a restored task landed (POST .../tasks/{id}/restore): `original` = back where it was (under its parent, or
 * at the top level); otherwise at the top level of its list because its parent is in the trash
 * (`parent-in-trash`), deleted for good (`parent-deleted`), or would put the subtree below level NESTING_MAX
 * (`too-deep`) or under itself (`cycle`).
 */
export const RESTORE_REASONS = ['original', 'parent-in-trash', 'parent-deleted', 'too-deep', 'cycle'] as const;
export type RestoreReason = (typeof RESTORE_REASONS)[number];
export const restoredTo = z.object({ parentId: z.string().nullable(), reason: z.enum(RESTORE_REASONS) });
export type RestoredTo = z.infer<typeof restoredTo>;
/** The restore answer: the task as it is now, and where it landed. */
export const restoredTask = task.extend({ restoredTo });
export type RestoredTask = z.infer<typeof restoredTask>;

export const LIST_STATUSES = ['all', 'active', 'completed', 'deleted'] as const;
export const LIST_SORTS = ['created', 'due', 'priority', 'title', 'manual', 'completed', 'start'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
export type ListSort = (typeof LIST_SORTS)[number];

/** The `parentId` filter's value for top-level tasks. */
export const ROOT_PARENT = 'root';

/**
 * GET /api/{userId}/tasks query.
 * - status: all | active | completed (default all) | deleted (the trash: soft-deleted tasks, purged after 30 days)
 * - q: text search over title, description and tag names (word-prefix match)
 * - listId: only this list's tasks (subtasks included unless parentId says otherwise)
 * - tag: only tasks with this tag; repeat it (`tag=a&tag=b`) for tasks that have all of them
 * - parentId: a task id (its direct subtasks), or `root` (top-level tasks only)
 * - sort: created | due | priority | title | manual (position) | completed (completion time) | start (start date);
 *   default manual when listId or parentId is given, created otherwise. order: asc | desc (default per sort:
 *   created desc, due asc (no due date last), priority desc (high first), title asc, manual asc, completed desc
 *   (not completed last), start asc (no start date last))
 * - dueFrom / dueTo: only tasks due in [dueFrom, dueTo) ("due today", "overdue"): timed ones by dueAt, all-day
 *   ones when their whole date lies in the window in `timeZone` (the viewer's zone, default UTC)
 * - startFrom / startTo: only tasks whose start date lies in [startFrom, startTo] (dates, both inclusive)
 * - available=true: only tasks that can be worked on: no start date, or one on or before today in `timeZone`
 * - view=today: what Today shows: tasks due before the end of today (overdue included) or whose start date is on
 *   or before today, both in `timeZone`; combines with every other filter (status=active for the open ones)
 * - today: the viewer's date for view=today and available=true (default: the server's today in `timeZone`)
 * - limit: 1..200 (default 50); cursor: the previous page's nextCursor; offset: plain offset paging
 */
export const listQuery = z.strictObject({
  status: z.enum(LIST_STATUSES).default('all'),
  q: z.string().trim().max(SEARCH_MAX).optional(),
  listId: entityId.optional(),
  tag: z
    .union([tagName, z.array(tagName).max(TAGS_PER_TASK_MAX)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  parentId: z.union([z.literal(ROOT_PARENT), entityId]).optional(),
  sort: z.enum(LIST_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  dueFrom: isoInstant.optional(),
  dueTo: isoInstant.optional(),
  /** Start dates from this date on (inclusive). */
  startFrom: isoDate.optional(),
  /** Start dates up to this date (inclusive). */
  startTo: isoDate.optional(),
  /** `true`: only tasks with no start date or one on or before today (in `timeZone`); `false`: no filter. */
  available: z
    .union([
      z.boolean(),
      z.enum(['true', 'false']).transform((value) => value === 'true'),
    ])
    .optional(),
  /** `today`: due before the end of today or started by today, in `timeZone` (what the Today view shows). */
  view: z.enum(['today']).optional(),
  /**
   * The viewer's date ("YYYY-MM-DD") for view=today and available=true; default: today in `timeZone` by the server's
   * clock. The window sends its own, so Today agrees with its day groups and counts.
   */
  today: isoDate.optional(),
  /** The viewer's zone: all-day due dates and "today" are read there (default UTC). */
  timeZone: timeZone.optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT),
  cursor: z.string().max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type ListQueryInput = z.input<typeof listQuery>;
export type ListQuery = z.output<typeof listQuery>;

/** The sort a list query uses: the one it names, else manual inside a list or under a parent, else created. */
export function listSort(query: Pick<ListQuery, 'sort' | 'listId' | 'parentId'>): ListSort {
  return query.sort ?? (query.listId !== undefined || query.parentId !== undefined ? 'manual' : 'created');
}

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
  /**
   * Active tasks the Today view shows: due before `dayEnd` (overdue included) or with a start date on or before
   * the day of `dayStart` in `timeZone`. Each task counted once.
   */
  today: z.number().int(),
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
