// One server copy merged into the local task it stands for (issue 18 §3): found by href, else by UID (a task made
// here has UID = its id, so a copy whose PUT was not committed locally before a crash is recognised, not duplicated),
// else a new local task. A task deleted here but edited there comes back from the Trash (the edit wins); the merged
// task and its sync state are committed in one write.
import type { Task } from '../../../src-shared/task-schemas.ts';
import { mergeTask, type MergeResult } from './merge.ts';
import { baseFields, commitMerged, localFields, taskOfUid } from './local-side.ts';
import type { RemoteCopy } from './remote-copy.ts';
import type { AccountRun } from './run-context.ts';
import type { TaskState } from './state-repository.ts';
import { sameFields } from './sync-fields.ts';

export interface Applied {
  task: Task;
  result: MergeResult;
  /** The parent's UID the merge chose differs from the task's parent: the runner re-parents after the pull. */
  parentUid: string | null;
  parentChanged: boolean;
  /**
   * Another client moved it here from another linked calendar (the task is still in that calendar's list here):
   * the runner moves it to this calendar's list after the pull, with its subtree.
   */
  listChanged: boolean;
}

/** The task as it is here, taking it out of the Trash when it was deleted here; null when it is gone for good. */
async function reviveLocal(run: AccountRun, taskId: string): Promise<Task | null> {
  const live = run.repo.get(run.userId, taskId);
  if (live !== null) return live;
  await run.writes.run(() => run.repo.restoreNow(run.userId, taskId));
  const restored = run.repo.get(run.userId, taskId);
  if (restored !== null) run.events.publish(run.userId, 'task.restored', [taskId]);
  return restored;
}

/**
 * Merges `copy` (in the calendar linked to `listId`) into the local side. `known`: the sync state found for it
 * (by href or UID), or null. Answers null when nothing local needed to change and no state changed either.
 */
export async function applyRemote(
  run: AccountRun,
  calendarId: string,
  listId: string,
  copy: RemoteCopy,
  known: TaskState | null,
): Promise<Applied | null> {
  const base = baseFields(known);
  let taskId = known?.taskId ?? taskOfUid(run, copy.uid);
  let task: Task | null = taskId === null ? null : run.repo.get(run.userId, taskId);
  if (task === null && taskId !== null && known !== null) {
    // Deleted here: the server's copy changed since we agreed on it, so the edit wins over the delete.
    if (base !== null && sameFields(base, copy.fields)) return null;
    task = await reviveLocal(run, taskId);
  }
  if (task === null) taskId = null;
  const result: MergeResult =
    task === null
      ? { merged: copy.fields, conflicts: [], localChanges: true, remoteChanges: false }
      : mergeTask(
          known !== null && known.taskId === task.id ? base : null,
          { fields: localFields(run, task), at: task.updatedAt },
          { fields: copy.fields, at: copy.at },
        );
  const localParent = task === null ? null : localFields(run, task).parentId;
  const listChanged =
    task !== null &&
    known !== null &&
    known.calendarId !== calendarId &&
    task.listId !== listId &&
    run.calendarOfList.get(task.listId) === known.calendarId;
  const state = { calendarId, uid: copy.uid, href: copy.href, etag: copy.etag, agreed: copy.text };
  let stored: Task;
  if (task !== null && !result.localChanges) {
    const current = task;
    await run.writes.run(() => {
      const at = run.now().toISOString();
      for (const conflict of result.conflicts)
        run.state.recordConflictNow(run.userId, run.accountId, current.id, conflict, at);
      run.state.saveNow({
        ...state,
        userId: run.userId,
        accountId: run.accountId,
        taskId: current.id,
        agreedUpdatedAt: result.remoteChanges ? '' : current.updatedAt,
      });
    });
    stored = current;
  } else {
    stored = await commitMerged(run, {
      taskId,
      listId,
      merged: result.merged,
      conflicts: result.conflicts,
      state,
      pushPending: result.remoteChanges,
    });
    run.events.publish(run.userId, task === null ? 'task.created' : 'task.updated', [stored.id]);
  }
  run.counts.conflicts += result.conflicts.length;
  return {
    task: stored,
    result,
    parentUid: result.merged.parentId,
    parentChanged: result.merged.parentId !== localParent,
    listChanged,
  };
}
