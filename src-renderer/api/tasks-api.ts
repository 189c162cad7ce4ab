// The task endpoints of the local HTTP API, typed with the shared zod schemas.
import {
  restoredTask,
  taskCounts,
  type ListSort,
  type ListStatus,
  type RestoredTask,
  type Task,
  type TaskCounts,
  type TaskCreateInput,
  type SnoozeInput,
  type TaskPatchInput,
} from '../../src-shared/task-schemas';
import { isApiError } from './api-error';
import { orgTask as task, orgTaskList as taskList, type OrgTask } from './organize-api';
import type { HttpClient } from './http-client';

/** GET /tasks parameters (see listQuery in src-shared/task-schemas.ts). */
export interface ListParams {
  status?: ListStatus;
  q?: string;
  sort?: ListSort | 'manual';
  order?: 'asc' | 'desc';
  dueFrom?: string;
  dueTo?: string;
  /** The viewer's zone: all-day tasks match dueFrom/dueTo by their date there (the server's default is UTC). */
  timeZone?: string;
  /** `today`: what Today shows (due by tonight or started), read in `timeZone`. */
  view?: 'today';
  /** The viewer's date for `view` and `available` ("YYYY-MM-DD"; the server's today otherwise). */
  today?: string;
  /** Only tasks whose start date has come (or that have none). */
  available?: boolean;
  /** Start dates in [startFrom, startTo] ("YYYY-MM-DD", inclusive). */
  startFrom?: string;
  startTo?: string;
  limit?: number;
  cursor?: string;
  listId?: string;
  /** Repeatable: every tag must match. */
  tag?: readonly string[];
  /** A task id, or "root" for top-level tasks only. */
  parentId?: string;
}

/** The viewer's "today": its bounds as instants, its date ("YYYY-MM-DD") and zone, and the current minute. */
export interface CountsRange {
  dayStart: string;
  dayEnd: string;
  now: string;
  timeZone: string;
  today: string;
}

export interface TasksApi {
  list(query: ListParams, signal?: AbortSignal): Promise<{ items: OrgTask[]; nextCursor: string | null }>;
  get(id: string): Promise<OrgTask>;
  counts(range: CountsRange, signal?: AbortSignal): Promise<TaskCounts>;
  create(input: TaskCreateInput): Promise<OrgTask>;
  update(id: string, patch: TaskPatchInput): Promise<OrgTask>;
  /** `timeZone`: the viewer's, so a task repeating from completion moves from the viewer's today. */
  /** `occurrence`: the due being completed (a recurring task already past it is left as it is). */
  setCompleted(id: string, completed: boolean, timeZone: string, occurrence?: string): Promise<OrgTask>;
  remove(id: string): Promise<void>;
  /** Brings a deleted task back with the same id and data (soft delete), or re-creates it if the API cannot. */
  restore(deleted: Task): Promise<OrgTask>;
  /** Takes a task (with its subtasks) out of the trash. */
  untrash(id: string): Promise<RestoredTask>;
  /** Snoozes the task's reminder (`POST .../snooze`), or with null cancels the snooze (`DELETE`). */
  snooze(id: string, input: SnoozeInput | null): Promise<OrgTask>;
}

export function createTasksApi(http: HttpClient, userId: string): TasksApi {
  const base = `/api/${encodeURIComponent(userId)}/tasks`;
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
  return {
    list(query, signal) {
      const { status, q, sort, order, dueFrom, dueTo, timeZone, limit, cursor, listId, tag, parentId } = query;
      const { view, available, startFrom, startTo, today } = query;
      return http.request({
        path: base,
        query: {
          ...{ status, q, sort, order, dueFrom, dueTo, timeZone, limit, cursor, listId, tag, parentId },
          ...{ view, available: available ? 'true' : undefined, startFrom, startTo, today },
        },
        schema: taskList,
        signal,
      });
    },
    get(id) {
      return http.request({ path: one(id), schema: task });
    },
    counts(range, signal) {
      const { dayStart, dayEnd, now, timeZone } = range;
      return http.request({ path: `${base}/counts`, query: { dayStart, dayEnd, now, timeZone }, schema: taskCounts, signal });
    },
    create(input) {
      return http.request({ method: 'POST', path: base, body: input, schema: task });
    },
    update(id, patch) {
      return http.request({ method: 'PATCH', path: one(id), body: patch, schema: task });
    },
    setCompleted(id, completed, timeZone, occurrence) {
      const body = occurrence === undefined ? { completed, timeZone } : { completed, timeZone, occurrence };
      return http.request({ method: 'PATCH', path: `${one(id)}/complete`, body, schema: task });
    },
    remove(id) {
      return http.request({ method: 'DELETE', path: one(id) });
    },
    untrash(id) {
      return http.request({ method: 'POST', path: `${one(id)}/restore`, schema: restoredTask });
    },
    snooze(id, input) {
      const path = `${one(id)}/snooze`;
      return input ? http.request({ method: 'POST', path, body: input, schema: task }) : http.request({ method: 'DELETE', path, schema: task });
    },
    async restore(deleted) {
      try {
        return await http.request({ method: 'POST', path: `${one(deleted.id)}/restore`, schema: task });
      } catch (error) {
        // An API without soft delete answers 404/405 here: fall back to re-creating the same data.
        if (!isApiError(error) || (error.code !== 'NOT_FOUND' && error.code !== 'METHOD_NOT_ALLOWED')) throw error;
        const { title, description, priority, dueAt, completed } = deleted;
        return http.request({
          method: 'POST',
          path: base,
          body: { title, description, priority, dueAt, completed },
          schema: task,
        });
      }
    },
  };
}
