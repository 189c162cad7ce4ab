// What a quick-add `parsed` result becomes as a task: the fields of POST /api/{userId}/tasks, validated by the
// same taskCreate schema, so every rule of that route (title length, years 0001-9999 ...) holds here too.
// Fields mapped: title, priority, dueDate (all day) or dueAt + timeZone (timed), recurrence, reminders.
// Not yet mapped (its schema is not on main yet): the list and tags (issue 10, "organize"); `parsed` still
// reports them.
import type { QuickAddParsed } from '../../src-shared/quick-add/quick-add-schemas.ts';
import { taskCreate, type TaskCreate } from '../../src-shared/task-schemas.ts';
import { ApiError } from '../api/api-error.ts';
import { validate } from '../api/request-body.ts';

export function taskFromParsed(parsed: QuickAddParsed): TaskCreate {
  if (parsed.title.length === 0) {
    const message =
      'Nothing is left for the title once the date, list, tags and priority are taken out; quote words to keep them as text.';
    throw new ApiError('VALIDATION_FAILED', message, [{ path: 'text', message }]);
  }
  return validate(taskCreate, {
    title: parsed.title,
    priority: parsed.priority ?? 'none',
    dueDate: parsed.dueDate,
    dueAt: parsed.dueAt,
    // The zone a timed due was meant in (recurrence keeps its local time across DST); all-day dues have none.
    timeZone: parsed.dueAt === null ? null : parsed.timeZone,
    recurrence: parsed.recurrence,
    reminders: parsed.reminders,
  });
}
