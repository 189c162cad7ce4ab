// The local half of a merge: a task's fields as the merge sees them (its parent as a UID), and the one write that
// commits a merged task together with its sync state and the values that lost, so that a crash leaves both or
// neither (the next sync then finds the state it had, or none, and merges again: never a duplicate).
import { taskCreate, type Task } from '../../../src-shared/task-schemas.ts';
import { RuleError } from '../../core/rule-error.ts';
import type { MergeConflict } from './merge.ts';
import { readResourceTask } from './remote-copy.ts';
import type { AccountRun } from './run-context.ts';
import type { TaskState } from './state-repository.ts';
import { fieldsFromDraft, fieldsFromTask, toTaskInput, type SyncFields } from './sync-fields.ts';

/** The UID a local task is known by on the server: its sync state's, else its id (tasks made here). */
export function uidOf(run: AccountRun, taskId: string): string {
  return run.state.byTask(run.accountId, taskId)?.uid ?? taskId;
}

export function localFields(run: AccountRun, task: Task): SyncFields {
  return fieldsFromTask(task, task.parentId === null ? null : uidOf(run, task.parentId));
}

/** The local task a UID stands for: a synced task's, or a live task of this account whose id it is. */
export function taskOfUid(run: AccountRun, uid: string): string | null {
  const known = run.state.byUid(run.accountId, uid);
  if (known !== null) return known.taskId;
  return run.repo.get(run.userId, uid) === null ? null : uid;
}

/** The agreed copy's fields (the merge's base); null when there is none or it no longer reads. */
export function baseFields(state: TaskState | null): SyncFields | null {
  if (state === null) return null;
  try {
    const draft = readResourceTask(state.agreed);
    return draft === null ? null : fieldsFromDraft(draft);
  } catch {
    return null;
  }
}

export interface MergedCommit {
  /** null: a new local task in `listId`. */
  taskId: string | null;
  listId: string;
  merged: SyncFields;
  conflicts: readonly MergeConflict[];
  state: Omit<TaskState, 'taskId' | 'agreedUpdatedAt' | 'userId' | 'accountId'>;
  /** The server's copy still lacks some of the merge: the next push writes it (agreed_updated_at left stale). */
  pushPending: boolean;
}

export class LocalRefused extends Error {
  override readonly name = 'LocalRefused';
}

/** The merged task, validated as the API would validate it; LocalRefused when this app cannot hold it. */
function validInput(commit: MergedCommit) {
  const parsed = taskCreate.safeParse({ ...toTaskInput(commit.merged), listId: commit.listId });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LocalRefused(`${issue?.path.join('.') || 'task'}: ${issue?.message ?? 'not valid'}`);
  }
  return parsed.data;
}

/** Commits a merge; answers the task as stored. */
export async function commitMerged(run: AccountRun, commit: MergedCommit): Promise<Task> {
  const input = validInput(commit);
  const at = run.now().toISOString();
  try {
    return await run.writes.run(() => {
      const task =
        commit.taskId === null
          ? run.repo.createNow(run.userId, input)
          : run.repo.replaceNow(run.userId, commit.taskId, { ...input, listId: undefined });
      if (task === null) throw new LocalRefused('The task is no longer there.');
      for (const conflict of commit.conflicts) run.state.recordConflictNow(run.userId, run.accountId, task.id, conflict, at);
      run.state.saveNow({
        ...commit.state,
        userId: run.userId,
        accountId: run.accountId,
        taskId: task.id,
        agreedUpdatedAt: commit.pushPending ? '' : task.updatedAt,
      });
      return task;
    });
  } catch (error) {
    if (error instanceof RuleError) throw new LocalRefused(error.message);
    throw error;
  }
}

/** Records that the agreed copy now matches the task as it is (nothing to push). */
export function agreeNow(run: AccountRun, state: TaskState, task: Task): Promise<void> {
  return run.writes.run(() => run.state.saveNow({ ...state, agreedUpdatedAt: task.updatedAt }));
}
