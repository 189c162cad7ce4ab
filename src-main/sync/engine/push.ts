// Push one calendar (issue 18 §3): every live task of the linked list that changed since it was agreed is written
// with `If-Match` on its ETag (an edit of the agreed VTODO text, so what other apps wrote survives), a task new here
// with `If-None-Match: *` at <calendar>/<uid>.ics (UID = its id), and a task moved here from another linked calendar
// is created here, then its old copy deleted. A 412 re-reads the server's copy, merges it and tries again; on a
// create it is our own copy from a sync cut short before its local commit, recognised by its UID.
import type { Task } from '../../../src-shared/task-schemas.ts';
import { writeTaskResource } from '../../ical/write-calendar.ts';
import type { VtodoDraft } from '../../ical/vtodo-fields.ts';
import { applyRemote } from './apply-remote.ts';
import { agreeNow, localFields } from './local-side.ts';
import { readRemote, readResourceTask } from './remote-copy.ts';
import type { CalendarRun } from './run-context.ts';
import type { TaskState } from './state-repository.ts';
import { fieldsFromDraft, sameFields, toVtodo } from './sync-fields.ts';

/** A 412 re-reads and merges; this many in a row for one task and it waits for the next sync. */
export const PUSH_ATTEMPTS_MAX = 3;

function agreedDraft(state: TaskState | null): VtodoDraft | null {
  if (state === null) return null;
  try {
    return readResourceTask(state.agreed);
  } catch {
    return null;
  }
}

/** Re-reads `href` after a 412 and merges it; false when it is gone. */
async function rereadAndMerge(run: CalendarRun, href: string, known: TaskState | null): Promise<boolean> {
  const current = await run.client.get(href);
  if (current === null) return false;
  const copy = readRemote(current);
  if (copy === 'not-a-task' || 'code' in copy) {
    throw new PushFailed(`${new URL(href).pathname} on the server is not a task this app can read.`);
  }
  await applyRemote(run, run.link.calendarId, run.link.listId, copy, known);
  return true;
}

class PushFailed extends Error {
  override readonly name = 'PushFailed';
}

/** Deletes the copy a moved task left in its old calendar (If-Match; a 412 there leaves it, reported). */
async function deleteOldCopy(run: CalendarRun, old: TaskState): Promise<void> {
  const answer = await run.clientFor(old.calendarId).delete(old.href, old.etag);
  if (answer === 'precondition') {
    run.counts.errors.push({
      taskId: old.taskId,
      href: old.href,
      code: 'SYNC_PUSH_FAILED',
      message: 'The task moved to another calendar, but its old copy was changed on the server meanwhile: it stays there.',
    });
  }
}

async function pushTask(run: CalendarRun, taskId: string): Promise<void> {
  const { client, link } = run;
  const first = run.state.byTask(run.accountId, taskId);
  const movedFrom = first !== null && first.calendarId !== link.calendarId ? first : null;
  for (let attempt = 0; attempt < PUSH_ATTEMPTS_MAX; attempt++) {
    const task: Task | null = run.repo.get(run.userId, taskId);
    if (task === null) return;
    const stored = run.state.byTask(run.accountId, taskId);
    const here = stored !== null && stored.calendarId === link.calendarId ? stored : null;
    const uid = stored?.uid ?? task.id;
    const local = localFields(run, task);
    const baseDraft = agreedDraft(stored);
    if (here !== null && baseDraft !== null && sameFields(fieldsFromDraft(baseDraft), local)) {
      await agreeNow(run, here, task); // only what does not travel changed (its place among siblings)
      break;
    }
    const href = here?.href ?? client.hrefFor(uid);
    if (here !== null && here.etag === null) {
      // The PUT that wrote it answered without an ETag: read it first (If-Match needs one).
      if (!(await rereadAndMerge(run, href, here))) {
        await run.writes.run(() => run.state.removeNow(run.accountId, taskId));
      }
      continue;
    }
    const text = writeTaskResource(toVtodo(uid, local, task, baseDraft), stored?.agreed ?? null, run.now());
    const answer = await client.put(href, text, here?.etag ?? null);
    if (answer === 'precondition') {
      const gone = !(await rereadAndMerge(run, href, here));
      // Deleted on the server while edited here: the edit wins, the task is made again.
      if (gone && here !== null) await run.writes.run(() => run.state.removeNow(run.accountId, taskId));
      continue;
    }
    run.hooks.afterPut?.(href);
    await run.writes.run(() =>
      run.state.saveNow({
        userId: run.userId,
        accountId: run.accountId,
        taskId,
        calendarId: link.calendarId,
        uid,
        href,
        etag: answer.etag,
        agreed: text,
        agreedUpdatedAt: task.updatedAt,
      }),
    );
    run.counts.pushed += 1;
    break;
  }
  if (movedFrom !== null && run.state.byTask(run.accountId, taskId)?.calendarId === link.calendarId) {
    await deleteOldCopy(run, movedFrom);
    return;
  }
  const after = run.state.byTask(run.accountId, taskId);
  const task = run.repo.get(run.userId, taskId);
  if (task !== null && (after === null || after.agreedUpdatedAt !== task.updatedAt)) {
    run.counts.errors.push({
      taskId,
      code: 'SYNC_PUSH_FAILED',
      message: `The task kept changing on the server (${PUSH_ATTEMPTS_MAX} tries): it is sent again at the next sync.`,
    });
  }
}

/** Pushes what changed here in the calendar's list. */
export async function pushChanges(run: CalendarRun): Promise<void> {
  for (const { id, updatedAt } of run.state.liveInList(run.userId, run.link.listId)) {
    const known = run.state.byTask(run.accountId, id);
    if (known !== null && known.calendarId === run.link.calendarId && known.agreedUpdatedAt === updatedAt) continue;
    try {
      await pushTask(run, id);
    } catch (error) {
      if (!(error instanceof PushFailed)) throw error;
      run.counts.errors.push({ taskId: id, code: 'SYNC_PUSH_FAILED', message: error.message });
    }
  }
}
