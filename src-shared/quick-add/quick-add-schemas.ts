// The quick-add contract, declared once with zod: the request body of the two quick-add routes and the
// `parsed` result the parser returns (the API sends it as is, the renderer draws chips from it).
// UI-free and Node-free: any layer may import this file.
import { z } from 'zod';
import { recurrence, timeZone, type Recurrence } from '../schedule-schemas.ts';
import { priority, reminder, type Reminder } from '../task-schemas.ts';

export const QUICK_ADD_TEXT_MAX = 1000;

/** POST /api/{userId}/quick-add/parse and POST /api/{userId}/tasks/quick-add. */
export const quickAddRequest = z.strictObject({
  text: z
    .string()
    .max(QUICK_ADD_TEXT_MAX, `Text must be at most ${QUICK_ADD_TEXT_MAX} characters.`)
    .refine((t) => t.trim().length > 0, { message: 'Text must not be empty.' }),
  /** The client's IANA zone: dates are read and times placed in it (returned in its canonical spelling). */
  timeZone,
  /** The client's "now" (ISO 8601 with offset); defaults to the server's clock. */
  now: z.iso.datetime({ offset: true }).optional(),
});
export type QuickAddRequest = z.output<typeof quickAddRequest>;

/** The task schemas' own rule and reminder shapes (the parser's RRULEs pass the API's RRULE checks). */
export const recurrenceValue = recurrence;
export type RecurrenceValue = Recurrence;
export const reminderValue = reminder;
export type ReminderValue = Reminder;

export const dueValue = z.object({
  /** All-day: "YYYY-MM-DD" (dueAt null). */
  dueDate: z.string().nullable(),
  /** Timed: ISO 8601 with the zone's offset (dueDate null). */
  dueAt: z.string().nullable(),
});
export type DueValue = z.infer<typeof dueValue>;

const offsets = { start: z.number().int(), end: z.number().int(), text: z.string() };

/** What one part of the text became; start/end are UTF-16 offsets into the text, end exclusive. */
export const quickAddSpan = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), ...offsets, value: dueValue }),
  /** "start fri", "starts monday": the start date ("YYYY-MM-DD"). */
  z.object({ kind: z.literal('start'), ...offsets, value: z.object({ startDate: z.string() }) }),
  z.object({ kind: z.literal('recurrence'), ...offsets, value: recurrenceValue }),
  z.object({ kind: z.literal('list'), ...offsets, value: z.object({ name: z.string() }) }),
  z.object({ kind: z.literal('tag'), ...offsets, value: z.object({ name: z.string() }) }),
  z.object({ kind: z.literal('priority'), ...offsets, value: z.object({ priority }) }),
  z.object({ kind: z.literal('reminder'), ...offsets, value: reminderValue }),
  /** Quoted text: taken literally (the quotes are dropped from the title). */
  z.object({ kind: z.literal('literal'), ...offsets, value: z.object({ text: z.string() }) }),
]);
export type QuickAddSpan = z.infer<typeof quickAddSpan>;
export type QuickAddSpanKind = QuickAddSpan['kind'];

export const QUICK_ADD_WARNINGS = [
  /** `#name` names no list of the account: left in the title as text. */
  'UNKNOWN_LIST',
  /** A second date, list or priority: the first one counts, this one stays text. */
  'DUPLICATE',
  /** "remind N before" without a due time: kept out of `reminders`. */
  'REMINDER_NEEDS_DUE_TIME',
  /** More than 10 reminders: the extra ones stay text. */
  'TOO_MANY_REMINDERS',
  /** More than 20 tags: the extra ones stay text. */
  'TOO_MANY_TAGS',
] as const;

export const quickAddWarning = z.object({
  code: z.enum(QUICK_ADD_WARNINGS),
  message: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type QuickAddWarning = z.infer<typeof quickAddWarning>;

/** The parser's result: the task fields it understood, and where each came from. */
export const quickAddParsed = z.object({
  /** The text without the understood parts and without the quotes of literal text. */
  title: z.string(),
  /** "start fri", "starts monday": the day the task becomes workable ("YYYY-MM-DD"); null when none was named. */
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** The zone the text was read in (the request's timeZone). */
  timeZone: z.string(),
  recurrence: recurrenceValue.nullable(),
  /** The list as the account spells it (matched ignoring case); null when none was named. */
  list: z.object({ name: z.string(), id: z.string().optional() }).nullable(),
  tags: z.array(z.string()),
  /** null when the text named no priority. */
  priority: priority.nullable(),
  reminders: z.array(reminderValue),
  spans: z.array(quickAddSpan),
  warnings: z.array(quickAddWarning),
});
export type QuickAddParsed = z.infer<typeof quickAddParsed>;
