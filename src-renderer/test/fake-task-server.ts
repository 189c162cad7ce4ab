// A small in-memory stand-in for the local HTTP task API, used as `fetch` in component tests. It checks the
// Bearer token's owner against the path, pages with a cursor, and can be told to fail the next matching call.
import { NO_SCHEDULE } from '../../src-shared/schedule-schemas';
import type { Task } from '../../src-shared/task-schemas';

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  code: string;
  /** Answer this late (default 5 ms), e.g. to observe an optimistic update before it is rolled back. */
  delayMs?: number;
}

export interface FakeTaskServer {
  fetch: typeof fetch;
  tasks: Map<string, Task>;
  deleted: Map<string, Task>;
  requests: string[];
  failNext: (failure: Failure) => void;
  seed: (userId: string, titles: string[]) => Task[];
}

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const error = (status: number, code: string) => json(status, { error: { code, message: `${code} (fake)` } });

export function createFakeTaskServer(): FakeTaskServer {
  const tasks = new Map<string, Task>();
  const deleted = new Map<string, Task>();
  const requests: string[] = [];
  const failures: Failure[] = [];
  let counter = 0;
  const stamp = () => new Date(Date.UTC(2026, 0, 1, 0, 0, counter++)).toISOString();

  const make = (userId: string, input: Partial<Task> & { title: string }): Task => {
    const now = stamp();
    return {
      id: `task-${counter}`,
      userId,
      description: '',
      completed: false,
      completedAt: null,
      priority: 'none',
      ...NO_SCHEDULE,
      createdAt: now,
      updatedAt: now,
      listId: 'inbox',
      parentId: null,
      position: 'a0',
      tags: [],
      subtaskCount: 0,
      subtasksDone: 0,
      ...input,
    };
  };

  function handle(method: string, url: URL, body: unknown, auth: string): Response {
    const match = /^\/api\/([^/]+)\/tasks(?:\/([^/]+))?(?:\/(complete|restore))?$/.exec(url.pathname);
    if (!match) return error(404, 'NOT_FOUND');
    const [, userId, id, action] = match;
    if (!auth.startsWith(`Bearer jwt-${userId}-`)) return error(403, 'FORBIDDEN');
    const mine = [...tasks.values()].filter((t) => t.userId === userId);
    if (method === 'GET' && id === 'counts') {
      return json(200, {
        all: mine.length,
        active: mine.filter((t) => !t.completed).length,
        completed: mine.filter((t) => t.completed).length,
        dueToday: 0,
        overdue: 0,
      });
    }
    if (method === 'GET' && !id) {
      const status = url.searchParams.get('status') ?? 'all';
      const q = url.searchParams.get('q')?.toLowerCase();
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const sort = url.searchParams.get('sort') ?? 'created';
      const list = mine
        .filter((t) => status === 'all' || t.completed === (status === 'completed'))
        .filter((t) => !q || t.title.toLowerCase().includes(q))
        .sort((a, b) => (sort === 'title' ? a.title.localeCompare(b.title) : b.createdAt.localeCompare(a.createdAt)));
      const items = list.slice(offset, offset + limit);
      return json(200, { items, nextCursor: offset + limit < list.length ? String(offset + limit) : null });
    }
    if (method === 'POST' && !id) {
      const task = make(userId as string, body as Task);
      tasks.set(task.id, task);
      return json(201, task);
    }
    const task = id ? tasks.get(id) : undefined;
    if (method === 'POST' && action === 'restore' && id) {
      const gone = deleted.get(id);
      if (!gone) return error(404, 'NOT_FOUND');
      deleted.delete(id);
      tasks.set(id, gone);
      return json(200, gone);
    }
    if (!task || task.userId !== userId) return error(404, 'NOT_FOUND');
    if (method === 'DELETE') {
      tasks.delete(task.id);
      deleted.set(task.id, task);
      return json(204, null);
    }
    if (method === 'PATCH') {
      const patch = body as Partial<Task>;
      const completed = action === 'complete' ? (patch.completed ?? !task.completed) : (patch.completed ?? task.completed);
      const next = { ...task, ...patch, completed, completedAt: completed ? stamp() : null, updatedAt: stamp() };
      tasks.set(task.id, next);
      return json(200, next);
    }
    return error(405, 'METHOD_NOT_ALLOWED');
  }

  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const method = init?.method ?? 'GET';
    requests.push(`${method} ${url.pathname}${url.search}`);
    const index = failures.findIndex((f) => f.method === method && f.path.test(url.pathname));
    const failure = index >= 0 ? failures.splice(index, 1)[0] : undefined;
    await new Promise((resolve) => setTimeout(resolve, failure?.delayMs ?? 5));
    if (failure) return error(failure.status, failure.code);
    const auth = new Headers(init?.headers).get('Authorization') ?? '';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    return handle(method, url, body, auth);
  };

  return {
    fetch: fakeFetch,
    tasks,
    deleted,
    requests,
    failNext: (failure) => failures.push(failure),
    seed: (userId, titles) =>
      titles.map((title) => {
        const task = make(userId, { title });
        tasks.set(task.id, task);
        return task;
      }),
  };
}
