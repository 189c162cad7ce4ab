// Whether a task's due falls in a window [from, to) as the server reads it (src-main/schedule/due-window.ts):
// a timed task by its instant, an all-day task when its whole date lies inside the window in the viewer's zone.
// The optimistic updates use it to tell whether a new or edited task still belongs to Today or Upcoming.
import { dateInZone, shiftDate, startOfDate } from './zoned-day';

export interface DueFields {
  dueDate: string | null;
  dueAt: string | null;
}

/** The first date whose start (in the zone) is at or after `instant`. */
function ceilDate(instant: string, timeZone: string): string {
  const date = dateInZone(instant, timeZone);
  return startOfDate(date, timeZone).getTime() >= Date.parse(instant) ? date : shiftDate(date, 1);
}

export function dueInWindow(
  task: DueFields,
  from: string | undefined,
  to: string | undefined,
  timeZone = 'UTC',
): boolean {
  if (task.dueDate) {
    if (from !== undefined && task.dueDate < ceilDate(from, timeZone)) return false;
    // The date containing `to` is excluded whether or not `to` is its midnight.
    if (to !== undefined && task.dueDate >= dateInZone(to, timeZone)) return false;
    return true;
  }
  if (!task.dueAt) return false;
  const at = Date.parse(task.dueAt);
  if (from !== undefined && at < Date.parse(from)) return false;
  if (to !== undefined && at >= Date.parse(to)) return false;
  return true;
}
