// The schedule fields of a task (issue 11): all-day or timed due, its time zone, recurrence and reminders.
// One source of truth for the HTTP API, the renderer and the quick-add parser. UI-free and Node-free.
import { z } from 'zod';
import { normalizeRrule, rruleProblem } from './recurrence-rule.ts';
import type { Reminder } from './task-schemas.ts';

export const REMINDERS_MAX = 10;
/** 28 days: the furthest a relative reminder may be before its due time. */
export const BEFORE_MINUTES_MAX = 40_320;

/** A calendar date "YYYY-MM-DD" in the years 0001-9999 that exists (no Feb 30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.')
  .refine(isRealDate, 'That date does not exist, or is outside the years 0001-9999.');

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** The canonical spelling of an IANA time zone name, or null when the runtime does not know it. */
export function canonicalTimeZone(name: string): string | null {
  // Only names (Area/Location, UTC): offsets like "+01:00" are not zones and would not follow DST.
  if (name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** An IANA time zone name ("Europe/Paris", "UTC"), returned in its canonical spelling. */
export const timeZone = z
  .string()
  .transform((value, ctx) => {
    const canonical = canonicalTimeZone(value);
    if (canonical === null) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value.slice(0, 64)}" is not an IANA time zone name (e.g. Europe/Paris).`,
      });
      return z.NEVER;
    }
    return canonical;
  })
  .meta({ description: 'IANA time zone name, e.g. Europe/Paris' });

export const RECURRENCE_FROM = ['due', 'completion'] as const;
export type RecurrenceFrom = (typeof RECURRENCE_FROM)[number];

/** `{ rrule, from }`: an RFC 5545 RRULE (without DTSTART; the task's due is the start), repeated from due or completion. */
export const recurrence = z.strictObject({
  rrule: z
    .string()
    .transform((value, ctx) => {
      const problem = rruleProblem(value);
      if (problem !== null) {
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      return normalizeRrule(value);
    })
    .meta({ description: 'RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO,WE' }),
  from: z.enum(RECURRENCE_FROM).default('due'),
});
export type RecurrenceInput = z.input<typeof recurrence>;
export type Recurrence = z.output<typeof recurrence>;

/** The schedule fields as they are after a write's defaults or a patch's merge. */
export interface ScheduleFields {
  dueDate: string | null;
  dueAt: string | null;
  timeZone: string | null;
  recurrence: Recurrence | null;
  reminders: Reminder[];
}

/** The rules across fields; one issue per broken rule (path + message), none when the fields fit together. */
export function scheduleProblems(fields: ScheduleFields): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (fields.dueDate !== null && fields.dueAt !== null) {
    problems.push({ path: 'dueDate', message: 'Give dueDate (all day) or dueAt (a time), not both.' });
  }
  if (fields.timeZone !== null && fields.dueAt === null) {
    problems.push({ path: 'timeZone', message: 'timeZone belongs to a timed due (dueAt).' });
  }
  if (fields.recurrence !== null && fields.dueDate === null && fields.dueAt === null) {
    problems.push({ path: 'recurrence', message: 'A repeating task needs a due date or time.' });
  }
  if (fields.dueAt === null && fields.reminders.some((r) => 'beforeMinutes' in r)) {
    problems.push({ path: 'reminders', message: 'A reminder "beforeMinutes" needs a timed due (dueAt).' });
  }
  return problems;
}

/** One completion of a recurring task (GET /api/{userId}/tasks/{id}/completions). */
export const completion = z.object({
  completedAt: z.string(),
  /** The occurrence that was completed: its all-day date, or its instant (with the task's zone). */
  dueDate: z.string().nullable(),
  dueAt: z.string().nullable(),
  timeZone: z.string().nullable(),
});
export type Completion = z.infer<typeof completion>;
export const completionList = z.object({ items: z.array(completion) });
export type CompletionList = z.infer<typeof completionList>;

/** A task's schedule fields when it has none (defaults of a new task), its start date included. */
export const NO_SCHEDULE = {
  startDate: null,
  dueDate: null,
  dueAt: null,
  timeZone: null,
  recurrence: null,
  reminders: [],
  snoozedUntil: null,
} as const satisfies ScheduleFields & { snoozedUntil: null; startDate: null };
