// The signed-in user's task API, shared by the task hooks.
import { createContext, useContext } from 'react';
import type { BulkApi } from '../api/bulk-api';
import type { OrganizeApi } from '../api/organize-api';
import type { TasksApi } from '../api/tasks-api';

export interface TasksContextValue {
  api: TasksApi;
  organize: OrganizeApi;
  bulk: BulkApi;
  userId: string;
}

export const TasksContext = createContext<TasksContextValue | null>(null);

export function useTasksContext(): TasksContextValue {
  const value = useContext(TasksContext);
  if (!value) throw new Error('useTasksContext() outside <TasksContext.Provider>');
  return value;
}
