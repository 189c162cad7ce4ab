// The start-date filters of a list query as the server reads them (src-main/tasks/list-sql.ts), for the
// optimistic updates: does a new or edited task still belong to Today (view=today) or to a list that hides tasks
// not started yet (available=true)?
import type { OrgTask } from '../api/organize-api';
import type { ListParams } from '../api/tasks-api';
import { dueInWindow } from '../dates/due-window';
import { dateInZone, shiftDate, startOfDate } from '../dates/zoned-day';

type StartFields = Pick<OrgTask, 'startDate' | 'dueDate' | 'dueAt'>;

export function startFiltersAccept(params: ListParams, task: StartFields, now = new Date()): boolean {
  if (!params.view && !params.available && !params.startFrom && !params.startTo) return true;
  const zone = params.timeZone ?? 'UTC';
  const today = dateInZone(now, zone);
  const start = task.startDate ?? null;
  if (params.available && start !== null && start > today) return false;
  if (params.startFrom && (start === null || start < params.startFrom)) return false;
  if (params.startTo && (start === null || start > params.startTo)) return false;
  if (params.view === 'today') {
    const tonight = startOfDate(shiftDate(today, 1), zone).toISOString();
    return dueInWindow(task, undefined, tonight, zone) || (start !== null && start <= today);
  }
  return true;
}
