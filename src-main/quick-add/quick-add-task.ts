// A quick-add result as a validated task body: the shared mapping (src-shared/quick-add/parsed-task.ts) checked
// by taskCreate, so every rule of POST /api/{userId}/tasks (title length, years 0001-9999 ...) holds here too.
import { taskInputFromParsed } from '../../src-shared/quick-add/parsed-task.ts';
import type { QuickAddParsed } from '../../src-shared/quick-add/quick-add-schemas.ts';
import { taskCreate, type TaskCreate } from '../../src-shared/task-schemas.ts';
import { ApiError } from '../api/api-error.ts';
import { validate } from '../api/request-body.ts';

export const NO_TITLE_MESSAGE =
  'Nothing is left for the title once the date, list, tags and priority are taken out; quote words to keep them as text.';

export function taskFromParsed(parsed: QuickAddParsed): TaskCreate {
  if (parsed.title.length === 0) {
    throw new ApiError('VALIDATION_FAILED', NO_TITLE_MESSAGE, [{ path: 'text', message: NO_TITLE_MESSAGE }]);
  }
  return validate(taskCreate, taskInputFromParsed(parsed));
}
