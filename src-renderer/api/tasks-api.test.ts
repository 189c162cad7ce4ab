import { describe, expect, it } from 'vitest';
import { NO_SCHEDULE } from '../../src-shared/schedule-schemas';
import type { Task } from '../../src-shared/task-schemas';
import { ApiError } from './api-error';
import type { HttpClient, RequestOptions } from './http-client';
import { createTasksApi } from './tasks-api';

const deleted: Task = {
  id: 'task-7',
  userId: 'u 1',
  title: 'Water plants',
  description: 'Ferns first',
  completed: true,
  completedAt: '2026-01-02T00:00:00.000Z',
  priority: 'high',
  ...NO_SCHEDULE,
  dueAt: '2026-01-03T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  listId: 'inbox-1',
  parentId: null,
  position: 'a0',
  tags: [],
  subtaskCount: 0,
  subtasksDone: 0,
};

function recordingHttp(answer: (request: RequestOptions<unknown>) => unknown): HttpClient & { seen: RequestOptions<unknown>[] } {
  const seen: RequestOptions<unknown>[] = [];
  return {
    seen,
    request<T>(request: RequestOptions<T>): Promise<T> {
      seen.push(request);
      try {
        return Promise.resolve(answer(request as RequestOptions<unknown>) as T);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    openStream: () => Promise.reject(new Error('no streams here')),
    requestText: () => Promise.reject(new Error('no files here')),
    requestLines: () => Promise.reject(new Error('no streams here')),
  };
}

describe('tasks api', () => {
  it('restores a deleted task by id through the soft-delete endpoint', async () => {
    const http = recordingHttp(() => deleted);
    await expect(createTasksApi(http, 'u 1').restore(deleted)).resolves.toEqual(deleted);
    expect(http.seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/u%201/tasks/task-7/restore']);
  });

  it('re-creates the same data when the API has no restore endpoint', async () => {
    const http = recordingHttp((request) => {
      if (request.path.endsWith('/restore')) throw new ApiError('NOT_FOUND', 'no route', 404);
      return { ...deleted, id: 'task-8' };
    });
    await createTasksApi(http, 'u 1').restore(deleted);
    expect(http.seen[1]).toMatchObject({
      method: 'POST',
      path: '/api/u%201/tasks',
      body: { title: 'Water plants', description: 'Ferns first', priority: 'high', dueAt: deleted.dueAt, completed: true },
    });
  });

  it('does not hide other restore failures behind a re-create', async () => {
    const http = recordingHttp(() => {
      throw new ApiError('NETWORK', 'down', 0);
    });
    await expect(createTasksApi(http, 'u').restore(deleted)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(http.seen).toHaveLength(1);
  });

  it('sends list filters and the cursor as query parameters', async () => {
    const http = recordingHttp(() => ({ items: [], nextCursor: null }));
    await createTasksApi(http, 'u').list({ status: 'active', q: 'milk', sort: 'due', dueTo: 'x', limit: 100, cursor: 'c2' });
    expect(http.seen[0]?.query).toMatchObject({ status: 'active', q: 'milk', sort: 'due', dueTo: 'x', limit: 100, cursor: 'c2' });
  });

  it("sends the viewer's zone with a due window, the counts and a completion (defect 1)", async () => {
    const http = recordingHttp((request) => (request.path.endsWith('/counts') ? { all: 0, active: 0, completed: 0, dueToday: 0, overdue: 0 } : request.method === 'PATCH' ? deleted : { items: [], nextCursor: null }));
    const api = createTasksApi(http, 'u');
    await api.list({ status: 'active', dueTo: '2026-12-05T11:00:00.000Z', timeZone: 'Pacific/Auckland' });
    await api.counts({ dayStart: 'a', dayEnd: 'b', now: 'c', timeZone: 'America/Los_Angeles', today: '2026-12-04' });
    await api.setCompleted('task-7', true, 'Europe/Berlin');
    expect(http.seen[0]?.query).toMatchObject({ dueTo: '2026-12-05T11:00:00.000Z', timeZone: 'Pacific/Auckland' });
    expect(http.seen[1]?.query).toEqual({ dayStart: 'a', dayEnd: 'b', now: 'c', timeZone: 'America/Los_Angeles' });
    expect(http.seen[2]).toMatchObject({ method: 'PATCH', path: '/api/u/tasks/task-7/complete', body: { completed: true, timeZone: 'Europe/Berlin' } });
  });
});
