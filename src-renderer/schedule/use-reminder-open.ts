// A click on a reminder's notification: main sends `reminder:open-task` through the preload bridge
// (bridge.reminders.onOpenTask); the task screen then opens that task in the details panel, switching to a view
// that shows it when the current one does not. A task that is gone (deleted meanwhile) is said so in a toast.
import { useEffect, useRef } from 'react';
import type { TasksBridge } from '../../src-preload/contract';
import { describeError, isApiError } from '../api/api-error';
import type { OrgTask } from '../api/organize-api';
import { useTasksContext } from '../tasks/tasks-context';
import type { ToastState } from '../tasks/toast';

interface ReminderOpenOptions {
  reminders: TasksBridge['reminders'] | undefined;
  open: (task: OrgTask) => void;
  showToast: (toast: Omit<ToastState, 'id'>) => void;
}

export function useReminderOpen({ reminders, open, showToast }: ReminderOpenOptions): void {
  const { api } = useTasksContext();
  const latest = useRef({ api, open, showToast });
  useEffect(() => {
    latest.current = { api, open, showToast };
  });
  useEffect(() => {
    if (!reminders) return undefined;
    return reminders.onOpenTask(({ taskId }) => {
      const { api: tasks } = latest.current;
      tasks
        .get(taskId)
        .then((task) => latest.current.open(task))
        .catch((error: unknown) =>
          latest.current.showToast({
            message: isApiError(error) && error.code === 'NOT_FOUND' ? 'That reminder’s task is no longer there (deleted?).' : `Could not open the task: ${describeError(error)}`,
            tone: 'error',
          }),
        );
    });
  }, [reminders]);
}
