// The iCalendar export (GET /api/{userId}/export?format=ical[&listId=ID]) from the account's lists and tasks, written
// with the one VTODO mapping (src-main/ical/). One list: one VCALENDAR named after it (X-WR-CALNAME). Every list: one
// VCALENDAR in which each VTODO names its list (X-TASKS-DESKTOP-LIST) so that format=ical puts it back. UID = the
// task id; subtasks by RELATED-TO;RELTYPE=PARENT; order among siblings as X-APPLE-SORT-ORDER 1, 2, 3... in the
// app's manual order (position, then id); tasks written depth first in that order; a recurring task's completions
// as completed RECURRENCE-ID occurrences.
import type { Completion } from '../../../src-shared/schedule-schemas.ts';
import type { Task } from '../../../src-shared/task-schemas.ts';
import { writeCalendar } from '../../ical/write-calendar.ts';
import type { TaskForVtodo } from '../../ical/vtodo-fields.ts';

/** The task fields the export reads: the API's Task (snoozedUntil optional: the JSON export leaves it out). */
export type IcalExportTask = Omit<
  Task,
  'userId' | 'subtaskCount' | 'subtasksDone' | 'deletedAt' | 'snoozedUntil'
> & {
  snoozedUntil?: string | null;
  /** A recurring task's past completions: written as completed RECURRENCE-ID occurrences. */
  completions?: Completion[];
};

export interface IcalExportList {
  id: string;
  name: string;
}

const byPosition = (a: IcalExportTask, b: IcalExportTask): number =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * `lists` in the sidebar's order; `listId` null for every list. Tasks of lists not given (or whose parent is not
 * exported) are written at top level of their list, never dropped.
 */
export function tasksToIcal(
  lists: readonly IcalExportList[],
  tasks: readonly IcalExportTask[],
  listId: string | null,
  now: Date = new Date(),
): string {
  const chosen = listId === null ? lists : lists.filter((list) => list.id === listId);
  const names = new Map(chosen.map((list) => [list.id, list.name]));
  const exported = tasks.filter((task) => names.has(task.listId));
  const ids = new Set(exported.map((task) => task.id));
  const children = new Map<string | null, IcalExportTask[]>();
  for (const task of exported) {
    const parent = task.parentId !== null && ids.has(task.parentId) ? task.parentId : null;
    const key = parent ?? `list:${task.listId}`;
    const siblings = children.get(key);
    if (siblings) siblings.push(task);
    else children.set(key, [task]);
  }
  const out: TaskForVtodo[] = [];
  const walk = (key: string): void => {
    const siblings = (children.get(key) ?? []).sort(byPosition);
    siblings.forEach((task, i) => {
      out.push({
        uid: task.id,
        title: task.title,
        description: task.description,
        priority: task.priority,
        completed: task.completed,
        completedAt: task.completedAt,
        dueDate: task.dueDate,
        dueAt: task.dueAt,
        timeZone: task.timeZone,
        startDate: task.startDate,
        recurrence: task.recurrence,
        reminders: task.reminders,
        snoozedUntil: task.snoozedUntil ?? null,
        tags: task.tags,
        parentUid: task.parentId !== null && ids.has(task.parentId) ? task.parentId : null,
        sortOrder: i + 1,
        listName: listId === null ? (names.get(task.listId) ?? null) : null,
        createdAt: task.createdAt,
        updatedAt: task.updatedAt,
        completions: task.completions ?? [],
      });
      walk(task.id);
    });
  };
  for (const list of chosen) walk(`list:${list.id}`);
  const calendarName = listId === null ? null : (names.get(listId) ?? null);
  return writeCalendar(calendarName, out, now);
}
