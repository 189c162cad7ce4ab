// The task side of the VTODO ⇄ task mapping: what a VTODO is read into and what a task is written from. Shared by the
// iCalendar import and export and, next, CalDAV sync (issue 18 §2), so it carries what sync needs too: the UID, the
// parent's UID, the sort order and the dates a three-way merge compares.
import type { Priority, Reminder } from '../../src-shared/task-schemas.ts';
import type { Recurrence } from '../../src-shared/schedule-schemas.ts';

/** Non-standard properties this app writes (and reads back). */
export const LIST_PROPERTY = 'X-TASKS-DESKTOP-LIST';
export const REPEAT_FROM_PROPERTY = 'X-TASKS-DESKTOP-REPEAT-FROM';
/** Thunderbird's snooze (one instant, UTC) and Apple's manual order (an integer, lower first). */
export const SNOOZE_PROPERTY = 'X-MOZ-SNOOZE-TIME';
export const SORT_ORDER_PROPERTY = 'X-APPLE-SORT-ORDER';
export const CALENDAR_NAME_PROPERTY = 'X-WR-CALNAME';
export const PRODUCT_ID = '-//Tasks Desktop//Tasks Desktop//EN';

/** The fields of a task that travel in a VTODO. */
export interface VtodoFields {
  title: string;
  description: string;
  priority: Priority;
  completed: boolean;
  completedAt: string | null;
  dueDate: string | null;
  dueAt: string | null;
  timeZone: string | null;
  /** A calendar date "YYYY-MM-DD" (DTSTART). */
  startDate: string | null;
  recurrence: Recurrence | null;
  reminders: Reminder[];
  snoozedUntil: string | null;
  tags: string[];
}

/** A task to write: its fields, its id (the UID of tasks made here) and where it sits. */
export interface TaskForVtodo extends VtodoFields {
  uid: string;
  /** The parent's UID, or null at top level. */
  parentUid: string | null;
  /** X-APPLE-SORT-ORDER: the caller numbers siblings ascending in the app's order; null writes none. */
  sortOrder: number | null;
  /** The list's name, written per VTODO in a file holding several lists; null writes none. */
  listName: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** Past completions of a recurring task, written as completed RECURRENCE-ID occurrences (Thunderbird's way). */
  completions?: OccurrenceCompletion[];
}

/** One completed occurrence of a recurring task (a Thunderbird-style RECURRENCE-ID instance). */
export interface OccurrenceCompletion {
  completedAt: string;
  dueDate: string | null;
  dueAt: string | null;
  timeZone: string | null;
}

/** A VTODO as read: the task fields plus what the file says about its place, and what the reading had to change. */
export interface VtodoDraft extends TaskForVtodo {
  /** Completed occurrences folded into this series (already advanced past in the due). */
  completions: OccurrenceCompletion[];
  /** What could not be kept as written, in words (e.g. "RRULE: BYHOUR is not supported..."). */
  notes: string[];
}

export const NO_FIELDS: VtodoFields = {
  title: '',
  description: '',
  priority: 'none',
  completed: false,
  completedAt: null,
  dueDate: null,
  dueAt: null,
  timeZone: null,
  startDate: null,
  recurrence: null,
  reminders: [],
  snoozedUntil: null,
  tags: [],
};
