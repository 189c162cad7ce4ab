// What a quick-add `parsed` result becomes as a new task: the body of POST /api/{userId}/tasks. Shared by the
// API (POST .../tasks/quick-add, which validates it with taskCreate) and the renderer (Enter saves what the
// chips say), so both store the same fields.
// Mapped: title, priority, startDate, dueDate (all day) or dueAt + timeZone (timed), recurrence, reminders, tags, and the
// list when the parser was given the account's lists with their ids (otherwise the task goes to the Inbox).
import type { TaskCreateInput } from '../task-schemas.ts';
import type { QuickAddParsed } from './quick-add-schemas.ts';

export function taskInputFromParsed(parsed: QuickAddParsed): TaskCreateInput {
  return {
    title: parsed.title,
    priority: parsed.priority ?? 'none',
    startDate: parsed.startDate,
    dueDate: parsed.dueDate,
    dueAt: parsed.dueAt,
    // The zone a timed due was meant in (a rule keeps its local time across DST); all-day dues have none.
    timeZone: parsed.dueAt === null ? null : parsed.timeZone,
    recurrence: parsed.recurrence,
    reminders: parsed.reminders,
    tags: parsed.tags,
    ...(parsed.list?.id ? { listId: parsed.list.id } : {}),
  };
}
