// The task fields the sync engine merges, one value per field named as the API names it (issue 18 §3: a conflict's
// `field` is the API's field name): read from a VTODO (through the one mapping, src-main/ical/) or from a local
// task, compared field by field, and turned back into what the task repository and the VTODO writer take. Values a
// local task cannot hold (a title over 500 characters, none at all, a description over 20,000) are clipped the same
// way on both sides of a comparison, so a clipped copy never reads as a local edit.
import { tagKey } from '../../../src-shared/tag-schemas.ts';
import {
  DESCRIPTION_MAX,
  TITLE_MAX,
  type Priority,
  type Reminder,
  type Task,
  type TaskCreate,
} from '../../../src-shared/task-schemas.ts';
import type { Recurrence } from '../../../src-shared/schedule-schemas.ts';
import type { TaskForVtodo, VtodoDraft } from '../../ical/vtodo-fields.ts';

export interface Due {
  dueDate: string | null;
  dueAt: string | null;
  timeZone: string | null;
}

export interface SyncFields {
  title: string;
  description: string;
  priority: Priority;
  completed: boolean;
  startDate: string | null;
  /** The due as one value: `dueDate`, or `dueAt` with its `timeZone`. */
  dueAt: Due;
  recurrence: Recurrence | null;
  reminders: Reminder[];
  tags: string[];
  /** The parent's UID (the merge compares UIDs; the runner maps them to local ids). */
  parentId: string | null;
}

export type SyncField = keyof SyncFields;

export const SYNC_FIELDS: readonly SyncField[] = [
  'title',
  'description',
  'priority',
  'completed',
  'startDate',
  'dueAt',
  'recurrence',
  'reminders',
  'tags',
  'parentId',
];

export const UNTITLED = 'Untitled';

function clipTitle(title: string): string {
  const trimmed = [...title.trim().replace(/[\r\n]+/g, ' ')].slice(0, TITLE_MAX).join('').trim();
  return trimmed.length > 0 ? trimmed : UNTITLED;
}

const clipDescription = (text: string): string => [...text].slice(0, DESCRIPTION_MAX).join('');

export function fieldsFromDraft(draft: VtodoDraft): SyncFields {
  return {
    title: clipTitle(draft.title),
    description: clipDescription(draft.description),
    priority: draft.priority,
    completed: draft.completed,
    startDate: draft.startDate,
    dueAt: { dueDate: draft.dueDate, dueAt: draft.dueAt, timeZone: draft.dueAt === null ? null : draft.timeZone },
    recurrence: draft.recurrence,
    reminders: draft.reminders,
    tags: draft.tags,
    parentId: draft.parentUid,
  };
}

export function fieldsFromTask(task: Task, parentUid: string | null): SyncFields {
  return {
    title: clipTitle(task.title),
    description: task.description,
    priority: task.priority,
    completed: task.completed,
    startDate: task.startDate,
    dueAt: { dueDate: task.dueDate, dueAt: task.dueAt, timeZone: task.dueAt === null ? null : task.timeZone },
    recurrence: task.recurrence,
    reminders: task.reminders,
    tags: task.tags,
    parentId: parentUid,
  };
}

function comparable(field: SyncField, value: unknown): string {
  if (field === 'tags') return JSON.stringify((value as string[]).map(tagKey).sort());
  return JSON.stringify(value);
}

export function sameValue(field: SyncField, a: unknown, b: unknown): boolean {
  return comparable(field, a) === comparable(field, b);
}

export function sameFields(a: SyncFields, b: SyncFields): boolean {
  return SYNC_FIELDS.every((field) => sameValue(field, a[field], b[field]));
}

/** The fields as the repository's create/replace takes them (placement apart). */
export function toTaskInput(fields: SyncFields): Omit<TaskCreate, 'listId' | 'parentId'> {
  return {
    title: fields.title,
    description: fields.description,
    priority: fields.priority,
    completed: fields.completed,
    startDate: fields.startDate,
    dueDate: fields.dueAt.dueDate,
    dueAt: fields.dueAt.dueAt,
    timeZone: fields.dueAt.timeZone,
    recurrence: fields.recurrence,
    reminders: fields.reminders,
    tags: fields.tags,
  };
}

/**
 * What the VTODO writer takes for `task` with these fields. `base` is the VTODO last agreed (null for a new
 * resource): what this app does not sync (sort order, snooze, the completion instant while `completed` is unchanged)
 * is taken from it, so an edit rewrites only what changed.
 */
export function toVtodo(uid: string, fields: SyncFields, task: Task, base: VtodoDraft | null): TaskForVtodo {
  const keepCompletedAt = base !== null && base.completed === fields.completed;
  return {
    uid,
    title: fields.title,
    description: fields.description,
    priority: fields.priority,
    completed: fields.completed,
    completedAt: keepCompletedAt ? base.completedAt : fields.completed ? task.completedAt : null,
    startDate: fields.startDate,
    dueDate: fields.dueAt.dueDate,
    dueAt: fields.dueAt.dueAt,
    timeZone: fields.dueAt.timeZone,
    recurrence: fields.recurrence,
    reminders: fields.reminders,
    snoozedUntil: base === null ? task.snoozedUntil : base.snoozedUntil,
    tags: fields.tags,
    parentUid: fields.parentId,
    sortOrder: base?.sortOrder ?? null,
    listName: base?.listName ?? null,
    createdAt: base?.createdAt ?? task.createdAt,
    updatedAt: task.updatedAt,
    completions: [],
  };
}
