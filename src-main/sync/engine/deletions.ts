// Deletions both ways, behind the delete guard (issue 18 §3). A resource gone from the server puts its local task
// in the Trash (restorable, never deleted for good) unless the task was edited here since it was agreed (the edit
// wins: it is made again on the server); a synced task deleted here is deleted on the server with If-Match (a 412:
// edited there meanwhile, the edit wins and the task comes back from the Trash). A sync that would delete more than
// half of a list's tasks, and more than DELETE_GUARD_MIN, deletes nothing there until the user confirms.
import { applyRemote } from './apply-remote.ts';
import { readRemote } from './remote-copy.ts';
import type { AccountRun, CalendarRun } from './run-context.ts';
import type { TaskState } from './state-repository.ts';

export const DELETE_GUARD_MIN = 10;

/** Whether deleting `count` of `total` tasks needs the user's confirmation. */
export function needsConfirmation(count: number, total: number): boolean {
  return count > DELETE_GUARD_MIN && count > total / 2;
}

/** Held back for confirmation: false (and the run marked) when the guard stops these deletions. */
function guard(run: AccountRun, count: number, total: number): boolean {
  if (run.confirmDeletes || !needsConfirmation(count, total)) return true;
  run.heldDeletes = true;
  return false;
}

/** Applies the server's deletions in one calendar; false when the guard held them back. */
export async function applyRemoteDeletions(run: AccountRun, listId: string, hrefs: readonly string[]): Promise<boolean> {
  const doomed: Array<{ state: TaskState; live: boolean }> = [];
  for (const href of hrefs) {
    const state = run.state.byHref(run.accountId, href);
    if (state === null) continue;
    const task = run.repo.get(run.userId, state.taskId);
    if (task !== null && task.updatedAt !== state.agreedUpdatedAt) {
      // Edited here since we agreed: the edit wins; with no state left, the push makes it again.
      await run.writes.run(() => run.state.removeNow(run.accountId, state.taskId));
      continue;
    }
    doomed.push({ state, live: task !== null });
  }
  const trashing = doomed.filter((d) => d.live).length;
  const total = run.state.liveInList(run.userId, listId).length;
  if (!guard(run, trashing, total)) return false;
  for (const { state, live } of doomed) {
    const trashed = await run.writes.run(() => {
      const ids = live ? run.repo.deleteNow(run.userId, state.taskId) : null;
      run.state.removeNow(run.accountId, state.taskId);
      return ids;
    });
    if (trashed !== null) {
      run.counts.deleted += 1;
      run.events.publish(run.userId, 'task.deleted', trashed);
    }
  }
  return true;
}

/** Deletes on the server the synced tasks of this calendar that were deleted here (or left for an unlinked list). */
export async function pushLocalDeletions(run: CalendarRun): Promise<void> {
  const live = new Set(run.state.liveInList(run.userId, run.link.listId).map((t) => t.id));
  const known = run.state.forCalendar(run.accountId, run.link.calendarId);
  const gone = known.filter((state) => {
    if (live.has(state.taskId)) return false;
    const task = run.repo.get(run.userId, state.taskId);
    // Moved to another linked calendar: that calendar's push creates it there and deletes this copy.
    return task === null || !run.calendarOfList.has(task.listId);
  });
  if (!guard(run, gone.length, known.length)) return;
  for (const state of gone) {
    const answer = await run.client.delete(state.href, state.etag);
    if (answer === 'precondition') {
      const current = await run.client.get(state.href);
      const copy = current === null ? null : readRemote(current);
      if (copy !== null && copy !== 'not-a-task' && !('code' in copy)) {
        // Edited there meanwhile: the edit wins. Unless only its ETag moved (no field changed): delete that copy.
        if ((await applyRemote(run, run.link.calendarId, run.link.listId, copy, state)) !== null) continue;
        if ((await run.client.delete(state.href, copy.etag)) === 'precondition') continue;
        run.counts.deleted += 1;
      }
    } else if (answer === 'deleted') run.counts.deleted += 1;
    await run.writes.run(() => run.state.removeNow(run.accountId, state.taskId));
  }
}
