// Create / edit / complete / delete / restore / move with optimistic updates that roll back on error. Each
// successful action is reported to `onDone` as an undo step (see organize/undo-history.ts).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { generateKeyBetween } from 'fractional-indexing';
import { NO_SCHEDULE } from '../../src-shared/schedule-schemas';
import type { TaskCreateInput, TaskPatchInput } from '../../src-shared/task-schemas';
import { describeError } from '../api/api-error';
import { viewerTimeZone } from '../dates/viewer-zone';
import type { MoveInput, OrgTask } from '../api/organize-api';
import { patchChange, type Placement, type UndoEntry } from '../organize/undo-history';
import { applyToLists, editLists, listAccepts, rollback, statusAccepts, type Snapshot } from './optimistic';
import { organizeKeys, taskKeys } from './query-keys';
import { isListData, mapTask, prependTask, removeTask, replaceTask } from './task-cache';
import { useTasksContext } from './tasks-context';

const MAX_PAGES_TO_REFETCH = 5;

export interface MutationCallbacks {
  onError: (message: string) => void;
  /** A finished action, as an undo step. */
  onDone: (entry: UndoEntry) => void;
  /** Recurring tasks that a completion moved to their next occurrence (they stay open), as they are now. */
  onAdvanced?: (tasks: OrgTask[]) => void;
}

export type NewTask = TaskCreateInput & { listId?: string; tags?: string[]; parentId?: string | null };

const quote = (task: { title: string }) => `“${task.title}”`;
const many = (tasks: readonly { title: string }[], what = 'tasks') => (tasks.length === 1 && tasks[0] ? quote(tasks[0]) : `${tasks.length} ${what}`);

/** The sibling a task follows (its placement), from what the cache shows. */
export function placementOf(task: OrgTask, siblings: readonly OrgTask[]): Placement {
  const ordered = siblings.filter((t) => (t.parentId ?? null) === (task.parentId ?? null) && t.listId === task.listId);
  ordered.sort((a, b) => ((a.position ?? '') < (b.position ?? '') ? -1 : 1));
  const index = ordered.findIndex((t) => t.id === task.id);
  return { listId: task.listId ?? null, parentId: task.parentId ?? null, afterId: index > 0 ? (ordered[index - 1]?.id ?? null) : null };
}

/** A position between two neighbours' positions, or undefined when they are not fractional-index keys. */
export function positionBetween(before: string | null | undefined, after: string | null | undefined): string | undefined {
  try {
    return generateKeyBetween(before ?? null, after ?? null);
  } catch {
    return undefined;
  }
}

export function useTaskMutations({ onError, onDone, onAdvanced }: MutationCallbacks) {
  const { api, organize, userId } = useTasksContext();
  const client = useQueryClient();
  const settle = (refetchLists: boolean) => {
    void client.invalidateQueries({ queryKey: taskKeys.counts(userId) });
    void client.invalidateQueries({ queryKey: organizeKeys.user(userId) });
    // Every cached list becomes stale (refetched when shown next). When positions or membership may have
    // changed, the visible list is refetched now, unless so many pages are loaded that it would cost more than
    // it is worth (the optimistic edit already shows the change).
    void client.invalidateQueries({ queryKey: taskKeys.lists(userId), refetchType: 'none' }).then(() => {
      if (!refetchLists) return;
      void client.refetchQueries({
        queryKey: taskKeys.lists(userId),
        type: 'active',
        predicate: (query) => (isListData(query.state.data) ? query.state.data.pages.length : 0) <= MAX_PAGES_TO_REFETCH,
      });
    });
  };
  const fail = (verb: string) => (error: unknown, _vars: unknown, context: { snapshot: Snapshot } | undefined) => {
    rollback(client, context?.snapshot);
    onError(`Could not ${verb}: ${describeError(error)}`);
  };

  const create = useMutation({
    mutationFn: (input: NewTask & { tempId: string }) => {
      const { tempId: _tempId, ...body } = input;
      return api.create(body);
    },
    onMutate: async (input) => {
      const now = new Date().toISOString();
      const temp: OrgTask = {
        id: input.tempId,
        userId,
        title: input.title.trim(),
        description: input.description ?? '',
        completed: false,
        completedAt: null,
        priority: input.priority ?? 'none',
        ...NO_SCHEDULE,
        dueDate: input.dueDate ?? null,
        dueAt: input.dueAt ?? null,
        timeZone: input.timeZone ?? null,
        createdAt: now,
        updatedAt: now,
        listId: input.listId ?? '',
        tags: input.tags ?? [],
        parentId: input.parentId ?? null,
        position: '',
        subtaskCount: 0,
        subtasksDone: 0,
      };
      const snapshot = await applyToLists(client, userId, (data, params) =>
        listAccepts(params, temp) ? prependTask(data, temp) : data,
      );
      return { snapshot };
    },
    onSuccess: (task, input) => {
      editLists(client, userId, (data) => replaceTask(data, input.tempId, task));
      onDone({ label: `Add ${quote(task)}`, op: { type: 'untrash', ids: [task.id] } });
    },
    onError: fail('add the task'),
    onSettled: () => settle(true),
  });

  const update = useMutation({
    mutationFn: ({ task, patch }: { task: OrgTask; patch: TaskPatchInput & { tags?: string[] } }) => api.update(task.id, patch),
    onMutate: async ({ task, patch }) => ({
      snapshot: await applyToLists(client, userId, (data) =>
        mapTask(data, task.id, (t) => ({
          ...t,
          ...patch,
          recurrence:
            patch.recurrence === undefined
              ? t.recurrence
              : patch.recurrence && { rrule: patch.recurrence.rrule, from: patch.recurrence.from ?? 'due' },
          reminders: t.reminders,
        })),
      ),
    }),
    onSuccess: (saved, { task, patch }) => {
      void applyToLists(client, userId, (data) => replaceTask(data, saved.id, saved));
      const change = patchChange(task, patch);
      if (Object.keys(change.after).length) onDone({ label: `Edit ${quote(task)}`, op: { type: 'patch', changes: [change] } });
    },
    onError: fail('save the change'),
    onSettled: (_task, _error, { patch }) => settle('title' in patch || 'dueAt' in patch || 'priority' in patch || 'tags' in patch),
  });

  const complete = useMutation({
    mutationFn: ({ tasks, completed }: { tasks: readonly OrgTask[]; completed: boolean }) =>
      Promise.all(
        tasks.map((task) =>
          api.setCompleted(task.id, completed, viewerTimeZone(), task.dueAt ?? task.dueDate ?? undefined),
        ),
      ),
    // A task that no longer matches a status-filtered list (completed in an open-tasks view) leaves it at once.
    // A recurring one stays: the server moves it to its next occurrence and it stays open.
    onMutate: async ({ tasks, completed }) => ({
      snapshot: await applyToLists(client, userId, (data, params) =>
        tasks.reduce(
          (acc, { id, recurrence }) =>
            completed && recurrence
              ? acc
              : statusAccepts(params, completed)
                ? mapTask(acc, id, (task) => ({ ...task, completed, completedAt: completed ? new Date().toISOString() : null }))
                : removeTask(acc, id),
          data,
        ),
      ),
    }),
    onSuccess: (saved, { tasks, completed }) => {
      void applyToLists(client, userId, (data) => saved.reduce((acc, task) => replaceTask(acc, task.id, task), data));
      const advanced = completed ? saved.filter((task) => task.recurrence && !task.completed) : [];
      if (advanced.length) onAdvanced?.(advanced);
      onDone({
        label: `${completed ? 'Complete' : 'Reopen'} ${many(tasks)}`,
        op: { type: 'patch', changes: tasks.map((t) => ({ id: t.id, before: { completed: t.completed }, after: { completed } })) },
      });
    },
    onError: fail('update the task'),
    onSettled: () => settle(false),
  });

  const remove = useMutation({
    mutationFn: (tasks: readonly OrgTask[]) => Promise.all(tasks.map((task) => api.remove(task.id))),
    onMutate: async (tasks) => ({
      snapshot: await applyToLists(client, userId, (data) => tasks.reduce((acc, task) => removeTask(acc, task.id), data)),
    }),
    onSuccess: (_void, tasks) => onDone({ label: `Delete ${many(tasks)}`, op: { type: 'trash', ids: tasks.map((t) => t.id) } }),
    onError: fail('delete the task'),
    onSettled: () => settle(true),
  });

  const move = useMutation({
    mutationFn: ({ task, input }: { task: OrgTask; input: MoveInput; from: Placement; to: Placement; position?: string }) =>
      organize.move(task.id, input),
    onMutate: async ({ task, to, position }) => ({
      snapshot: await applyToLists(client, userId, (data, params) =>
        params.listId && to.listId && params.listId !== to.listId
          ? removeTask(data, task.id)
          : mapTask(data, task.id, (t) => ({ ...t, listId: to.listId ?? t.listId, parentId: to.parentId, position: position ?? t.position })),
      ),
    }),
    onSuccess: (saved, { task, from, to }) => {
      void applyToLists(client, userId, (data) => mapTask(data, saved.id, (t) => ({ ...t, ...saved })));
      onDone({ label: `Move ${quote(task)}`, op: { type: 'move', moves: [{ id: task.id, from, to }] } });
    },
    onError: fail('move the task'),
    onSettled: () => settle(true),
  });

  return {
    /** Resolves true once saved, false when the server refused (the message is shown). */
    create: (input: NewTask) =>
      create
        .mutateAsync({ ...input, tempId: `temp-${crypto.randomUUID()}` })
        .then((task) => task)
        .catch(() => null),
    update: (task: OrgTask, patch: TaskPatchInput & { tags?: string[] }) => update.mutate({ task, patch }),
    setCompleted: (tasks: readonly OrgTask[], completed: boolean) => tasks.length && complete.mutate({ tasks, completed }),
    toggle: (task: OrgTask) => complete.mutate({ tasks: [task], completed: !task.completed }),
    remove: (tasks: readonly OrgTask[]) => tasks.length && remove.mutate(tasks),
    move: (task: OrgTask, input: MoveInput, from: Placement, to: Placement, position?: string) => move.mutate({ task, input, from, to, position }),
    settle,
  };
}
