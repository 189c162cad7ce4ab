// Create / edit / complete / delete / restore with optimistic updates that roll back on error.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NO_SCHEDULE } from '../../src-shared/schedule-schemas';
import type { Task, TaskCreateInput, TaskPatchInput } from '../../src-shared/task-schemas';
import { describeError } from '../api/api-error';
import { applyToLists, listAccepts, rollback, statusAccepts, type Snapshot } from './optimistic';
import { taskKeys } from './query-keys';
import { mapTask, prependTask, removeTask, replaceTask, type ListData } from './task-cache';
import { useTasksContext } from './tasks-context';

const MAX_PAGES_TO_REFETCH = 5;

export interface MutationCallbacks {
  onError: (message: string) => void;
  onDeleted?: (task: Task) => void;
}

export function useTaskMutations({ onError, onDeleted }: MutationCallbacks) {
  const { api, userId } = useTasksContext();
  const client = useQueryClient();
  const settle = (refetchLists: boolean) => {
    void client.invalidateQueries({ queryKey: taskKeys.counts(userId) });
    // Every cached list becomes stale (refetched when shown next). When positions or membership may have
    // changed, the visible list is refetched now, unless so many pages are loaded that it would cost more than
    // it is worth (the optimistic edit already shows the change).
    void client.invalidateQueries({ queryKey: taskKeys.lists(userId), refetchType: 'none' }).then(() => {
      if (!refetchLists) return;
      void client.refetchQueries({
        queryKey: taskKeys.lists(userId),
        type: 'active',
        predicate: (query) =>
          ((query.state.data as ListData | undefined)?.pages.length ?? 0) <= MAX_PAGES_TO_REFETCH,
      });
    });
  };
  const fail =
    (verb: string) => (error: unknown, _vars: unknown, context: { snapshot: Snapshot } | undefined) => {
      rollback(client, context?.snapshot);
      onError(`Could not ${verb}: ${describeError(error)}`);
    };

  const create = useMutation({
    mutationFn: (input: TaskCreateInput & { tempId: string }) => {
      const { tempId: _tempId, ...body } = input;
      return api.create(body);
    },
    onMutate: async (input) => {
      const now = new Date().toISOString();
      const temp: Task = {
        id: input.tempId,
        userId,
        title: input.title.trim(),
        description: input.description ?? '',
        completed: false,
        completedAt: null,
        priority: input.priority ?? 'none',
        ...NO_SCHEDULE,
        dueAt: input.dueAt ?? null,
        createdAt: now,
        updatedAt: now,
        listId: input.listId ?? '',
        parentId: input.parentId ?? null,
        position: '',
        tags: input.tags ?? [],
        subtaskCount: 0,
        subtasksDone: 0,
      };
      const snapshot = await applyToLists(client, userId, (data, params) =>
        listAccepts(params, temp) ? prependTask(data, temp) : data,
      );
      return { snapshot };
    },
    onSuccess: (task, input) => {
      for (const [key, data] of client.getQueriesData<ListData>({ queryKey: taskKeys.lists(userId) })) {
        if (data) client.setQueryData(key, replaceTask(data, input.tempId, task));
      }
    },
    onError: fail('add the task'),
    onSettled: () => settle(true),
  });

  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TaskPatchInput }) => api.update(id, patch),
    onMutate: async ({ id, patch }) => ({
      snapshot: await applyToLists(client, userId, (data) =>
        mapTask(data, id, (task) => ({
          ...task,
          ...patch,
          recurrence:
            patch.recurrence === undefined
              ? task.recurrence
              : patch.recurrence && { rrule: patch.recurrence.rrule, from: patch.recurrence.from ?? 'due' },
          reminders: task.reminders,
        })),
      ),
    }),
    onSuccess: (task) => void applyToLists(client, userId, (data) => replaceTask(data, task.id, task)),
    onError: fail('save the change'),
    onSettled: (_task, _error, { patch }) =>
      settle('title' in patch || 'dueAt' in patch || 'priority' in patch),
  });

  const toggle = useMutation({
    mutationFn: ({ id, completed }: { id: string; completed: boolean }) => api.setCompleted(id, completed),
    // A task that no longer matches a status-filtered list (completed in "Active") leaves it at once.
    onMutate: async ({ id, completed }) => ({
      snapshot: await applyToLists(client, userId, (data, params) =>
        statusAccepts(params, completed)
          ? mapTask(data, id, (task) => ({
              ...task,
              completed,
              completedAt: completed ? new Date().toISOString() : null,
            }))
          : removeTask(data, id),
      ),
    }),
    onSuccess: (task) => void applyToLists(client, userId, (data) => replaceTask(data, task.id, task)),
    onError: fail('update the task'),
    onSettled: () => settle(false),
  });

  const remove = useMutation({
    mutationFn: (task: Task) => api.remove(task.id),
    onMutate: async (task) => ({
      snapshot: await applyToLists(client, userId, (data) => removeTask(data, task.id)),
    }),
    onSuccess: (_void, task) => onDeleted?.(task),
    onError: fail('delete the task'),
    onSettled: () => settle(false),
  });

  const restore = useMutation({
    mutationFn: (task: Task) => api.restore(task),
    onError: (error) => onError(`Could not bring the task back: ${describeError(error)}`),
    onSettled: () => settle(true),
  });

  return {
    create: (input: TaskCreateInput) => create.mutate({ ...input, tempId: `temp-${crypto.randomUUID()}` }),
    update: (id: string, patch: TaskPatchInput) => update.mutate({ id, patch }),
    toggle: (task: Task) => toggle.mutate({ id: task.id, completed: !task.completed }),
    remove: (task: Task) => remove.mutate(task),
    restore: (task: Task) => restore.mutateAsync(task),
  };
}
