// A small in-memory stand-in for the local HTTP task API, used as `fetch` in component tests. It checks the
// Bearer token's owner against the path, pages with a cursor, keeps lists (with an Inbox), tags, subtasks,
// manual order (fractional positions), the trash, recurring completion (the API's own nextOccurrence) and
// snooze, records each write's body, and can be told to fail the next matching call.
import { generateKeyBetween } from 'fractional-indexing';
import { NO_SCHEDULE } from '../../src-shared/schedule-schemas';
import { nextOccurrence, type NextDue } from '../../src-shared/schedule/recurrence';
import type { OrgTask, TaskListInfo } from '../api/organize-api';
import { dueInWindow } from '../dates/due-window';
import { dateInZone } from '../dates/zoned-day';
import { startFiltersAccept } from '../start/start-filters';
import { fakeBulk } from './fake-bulk';

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
  tasks: Map<string, OrgTask>;
  deleted: Map<string, OrgTask>;
  lists: Map<string, TaskListInfo & { userId: string; deleted?: boolean }>;
  requests: string[];
  writes: { method: string; path: string; body: Record<string, unknown> }[];
  failNext: (failure: Failure) => void;
  /** Answer the next matching request (any method when none is given) this late, and then normally. */
  delayNext: (delay: { method?: string; path: RegExp; delayMs: number }) => void;
  seed: (userId: string, titles: string[], extra?: Partial<OrgTask>) => OrgTask[];
  inboxOf: (userId: string) => string;
  addList: (userId: string, name: string) => TaskListInfo;
}

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const error = (status: number, code: string) => json(status, { error: { code, message: `${code} (fake)` } });
const byPos = (a: { position?: string }, b: { position?: string }) => ((a.position ?? '') < (b.position ?? '') ? -1 : 1);

export function createFakeTaskServer(): FakeTaskServer {
  const tasks = new Map<string, OrgTask>();
  const deleted = new Map<string, OrgTask>();
  const lists = new Map<string, TaskListInfo & { userId: string; deleted?: boolean }>();
  const requests: string[] = [];
  /** The body of each write, in order (method, path, JSON body). */
  const writes: { method: string; path: string; body: Record<string, unknown> }[] = [];
  const failures: Failure[] = [];
  const delays: { method?: string; path: RegExp; delayMs: number }[] = [];
  const advanced = new Map<string, { from: NextDue; to: NextDue }>();
  let counter = 0;
  const stamp = () => new Date(Date.UTC(2026, 0, 1, 0, 0, counter++)).toISOString();

  const inboxOf = (userId: string) => {
    const id = `inbox-${userId}`;
    if (!lists.has(id)) {
      const now = stamp();
      lists.set(id, { id, userId, name: 'Inbox', color: null, position: 'a0', isInbox: true, activeCount: 0, createdAt: now, updatedAt: now });
    }
    return id;
  };
  const addList = (userId: string, name: string) => {
    inboxOf(userId);
    const mine = [...lists.values()].filter((l) => l.userId === userId).sort(byPos);
    const now = stamp();
    const list = { id: `list-${counter}`, userId, name, color: null, position: generateKeyBetween(mine.at(-1)?.position ?? null, null), isInbox: false, activeCount: 0, createdAt: now, updatedAt: now };
    lists.set(list.id, list);
    return list;
  };
  const lastPosition = (userId: string, listId: string | undefined, parentId: string | null) =>
    [...tasks.values()].filter((t) => t.userId === userId && t.listId === listId && (t.parentId ?? null) === parentId).sort(byPos).at(-1)?.position ?? null;

  const firstPosition = (userId: string, listId: string | undefined) =>
    [...tasks.values()].filter((t) => t.userId === userId && t.listId === listId && !t.parentId).sort(byPos)[0]?.position ?? null;
  const make = (userId: string, input: Partial<OrgTask> & { title: string }): OrgTask => {
    const now = stamp();
    const listId = input.listId ?? (input.parentId ? tasks.get(input.parentId)?.listId : undefined) ?? inboxOf(userId);
    const parentId = input.parentId ?? null;
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
      tags: [],
      subtaskCount: 0,
      subtasksDone: 0,
      ...input,
      listId,
      parentId,
      // Like the API: a new top-level task goes first in its list, a new subtask last under its parent.
      position: parentId ? generateKeyBetween(lastPosition(userId, listId, parentId), null) : generateKeyBetween(null, firstPosition(userId, listId)),
    };
  };
  const withCounts = (task: OrgTask): OrgTask => {
    const kids = [...tasks.values()].filter((t) => t.parentId === task.id);
    return { ...task, subtaskCount: kids.length, subtasksDone: kids.filter((t) => t.completed).length };
  };
  const subtree = (id: string): string[] => [id, ...[...tasks.values()].filter((t) => t.parentId === id).flatMap((t) => subtree(t.id))];

  function listTasks(userId: string, url: URL): Response {
    const p = url.searchParams;
    const status = p.get('status') ?? 'all';
    const q = p.get('q')?.toLowerCase();
    const limit = Number(p.get('limit') ?? 50);
    const offset = Number(p.get('cursor') ?? 0);
    const sort = p.get('sort') ?? 'created';
    const tagsWanted = p.getAll('tag').map((t) => t.toLowerCase());
    const source = status === 'deleted' ? [...deleted.values()] : [...tasks.values()];
    const found = source
      .filter((t) => t.userId === userId)
      .filter((t) => status === 'all' || status === 'deleted' || t.completed === (status === 'completed'))
      .filter((t) => !p.get('listId') || t.listId === p.get('listId'))
      .filter((t) => tagsWanted.every((tag) => (t.tags ?? []).some((x) => x.toLowerCase() === tag)))
      .filter((t) => !p.get('parentId') || (p.get('parentId') === 'root' ? !t.parentId : t.parentId === p.get('parentId')))
      .filter((t) => (!p.get('dueFrom') && !p.get('dueTo')) || dueInWindow(t, p.get('dueFrom') ?? undefined, p.get('dueTo') ?? undefined, p.get('timeZone') ?? 'UTC'))
      .filter((t) =>
        startFiltersAccept(
          {
            ...(p.get('view') === 'today' ? { view: 'today' as const } : {}),
            available: p.get('available') === 'true',
            ...(p.get('startFrom') ? { startFrom: p.get('startFrom')! } : {}),
            ...(p.get('startTo') ? { startTo: p.get('startTo')! } : {}),
            timeZone: p.get('timeZone') ?? 'UTC',
          },
          t,
        ),
      )
      .filter((t) => !q || `${t.title} ${(t.tags ?? []).join(' ')}`.toLowerCase().includes(q))
      .sort((a, b) => {
        if (sort === 'title') return a.title.localeCompare(b.title);
        if (sort === 'manual') return byPos(a, b);
        if (sort === 'completed') return (b.completedAt ?? '').localeCompare(a.completedAt ?? '');
        if (sort === 'due') return (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~');
        if (sort === 'start') return (a.startDate ?? '~').localeCompare(b.startDate ?? '~');
        return b.createdAt.localeCompare(a.createdAt);
      });
    if (p.get('order') === 'asc' && sort === 'created') found.reverse();
    const items = found.slice(offset, offset + limit).map(withCounts);
    return json(200, { items, nextCursor: offset + limit < found.length ? String(offset + limit) : null });
  }

  function organize(method: string, userId: string, rest: string[], body: Record<string, unknown>): Response {
    const [kind, id, action] = rest;
    inboxOf(userId);
    const mineLists = () => [...lists.values()].filter((l) => l.userId === userId && !l.deleted).sort(byPos);
    if (kind === 'lists') {
      if (method === 'GET' && !id) {
        const items = mineLists().map(({ userId: _u, deleted: _d, ...l }) => ({ ...l, activeCount: [...tasks.values()].filter((t) => t.listId === l.id && !t.completed).length }));
        return json(200, { items });
      }
      if (method === 'POST' && !id) {
        const name = typeof body.name === 'string' ? body.name : '';
        if (mineLists().some((l) => l.name.toLowerCase() === name.toLowerCase())) return error(409, 'LIST_NAME_TAKEN');
        return json(201, addList(userId, name));
      }
      const list = id ? lists.get(id) : undefined;
      if (!list || list.userId !== userId) return error(404, 'NOT_FOUND');
      if (method === 'PATCH') {
        Object.assign(list, body, { updatedAt: stamp() });
        return json(200, list);
      }
      if (method === 'DELETE') {
        if (list.isInbox) return error(422, 'INBOX_PROTECTED');
        list.deleted = true;
        for (const t of [...tasks.values()]) {
          if (t.listId !== list.id) continue;
          tasks.delete(t.id);
          deleted.set(t.id, t);
        }
        return json(204, null);
      }
      if (method === 'POST' && action === 'restore') {
        list.deleted = false;
        for (const t of [...deleted.values()]) {
          if (t.listId !== list.id) continue;
          deleted.delete(t.id);
          tasks.set(t.id, t);
        }
        return json(200, list);
      }
    }
    if (kind === 'tags' && method === 'GET') {
      const counts = new Map<string, number>();
      for (const t of tasks.values()) if (t.userId === userId) for (const tag of t.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return json(200, { items: [...counts].map(([name, count]) => ({ name, count })) });
    }
    if (kind === 'trash' && method === 'DELETE') {
      for (const t of [...deleted.values()]) if (t.userId === userId && (!id || t.id === id)) deleted.delete(t.id);
      return json(204, null);
    }
    return error(404, 'NOT_FOUND');
  }

  function handle(method: string, url: URL, body: Record<string, unknown>, auth: string): Response {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const [prefix, userId, kind, id, action] = parts;
    if (prefix !== 'api' || !userId) return error(404, 'NOT_FOUND');
    if (!auth.startsWith(`Bearer jwt-${userId}-`)) return error(403, 'FORBIDDEN');
    if (kind !== 'tasks') return organize(method, userId, parts.slice(2), body);
    const mine = [...tasks.values()].filter((t) => t.userId === userId);
    if (method === 'GET' && id === 'counts') {
      const dayStart = url.searchParams.get('dayStart') ?? '';
      const dayEnd = url.searchParams.get('dayEnd') ?? '';
      const now = url.searchParams.get('now') ?? new Date().toISOString();
      const zone = url.searchParams.get('timeZone') ?? 'UTC';
      const open = mine.filter((t) => !t.completed);
      return json(200, {
        all: mine.length,
        active: open.length,
        completed: mine.length - open.length,
        dueToday: open.filter((t) => dueInWindow(t, dayStart, dayEnd, zone)).length,
        overdue: open.filter((t) => dueInWindow(t, undefined, now, zone)).length,
        today: open.filter((t) => dueInWindow(t, undefined, dayEnd, zone) || (t.startDate != null && t.startDate <= dateInZone(dayStart, zone))).length,
      });
    }
    if (method === 'GET' && !id) return listTasks(userId, url);
    if (method === 'POST' && !id) {
      const task = make(userId, body as OrgTask);
      tasks.set(task.id, task);
      return json(201, withCounts(task));
    }
    if (method === 'POST' && action === 'restore' && id) {
      const gone = deleted.get(id);
      if (!gone || gone.userId !== userId) return error(404, 'NOT_FOUND');
      const ids = new Set([id, ...[...deleted.values()].filter((t) => t.parentId === id).map((t) => t.id)]);
      for (const t of [...deleted.values()]) {
        if (!ids.has(t.id)) continue;
        deleted.delete(t.id);
        tasks.set(t.id, t);
      }
      return json(200, { ...withCounts(gone), restoredTo: { parentId: gone.parentId ?? null, reason: 'original' } });
    }
    const task = id ? tasks.get(id) : undefined;
    if (!task || task.userId !== userId) return error(404, 'NOT_FOUND');
    if (method === 'GET' && !action) return json(200, withCounts(task));
    if (action === 'snooze' && (method === 'POST' || method === 'DELETE')) {
      const until = method === 'DELETE' ? null : ((body.until as string | undefined) ?? new Date(Date.now() + Number(body.minutes) * 60_000).toISOString());
      const next = { ...task, snoozedUntil: until, updatedAt: stamp() };
      tasks.set(task.id, next);
      return json(200, withCounts(next));
    }
    if (method === 'DELETE') {
      for (const tid of subtree(task.id)) {
        const t = tasks.get(tid);
        if (!t) continue;
        tasks.delete(tid);
        deleted.set(tid, t);
      }
      return json(204, null);
    }
    if (method === 'POST' && action === 'move') {
      const listId = (body.listId as string | undefined) ?? task.listId;
      const parentId = body.parentId === undefined ? (task.parentId ?? null) : (body.parentId as string | null);
      const siblings = mine.filter((t) => t.id !== task.id && t.listId === listId && (t.parentId ?? null) === parentId).sort(byPos);
      let position: string;
      if (body.afterId) {
        const i = siblings.findIndex((t) => t.id === body.afterId);
        position = generateKeyBetween(siblings[i]?.position ?? null, siblings[i + 1]?.position ?? null);
      } else if (body.beforeId) {
        const i = siblings.findIndex((t) => t.id === body.beforeId);
        position = generateKeyBetween(siblings[i - 1]?.position ?? null, siblings[i]?.position ?? null);
      } else position = parentId ? generateKeyBetween(siblings.at(-1)?.position ?? null, null) : generateKeyBetween(null, siblings[0]?.position ?? null);
      const next = { ...task, listId, parentId, position, updatedAt: stamp() };
      tasks.set(task.id, next);
      for (const tid of subtree(task.id).slice(1)) {
        const t = tasks.get(tid);
        if (t) tasks.set(tid, { ...t, listId });
      }
      return json(200, withCounts(next));
    }
    if (method === 'PATCH') {
      const completed = action === 'complete' ? ((body.completed as boolean | undefined) ?? !task.completed) : ((body.completed as boolean | undefined) ?? task.completed);
      // Like the API: completing a recurring task moves it to its next occurrence; reopening right after moves it back.
      const recurrence = (body.recurrence as OrgTask['recurrence'] | undefined) ?? task.recurrence;
      if (recurrence && completed && !task.completed) {
        const due = nextOccurrence({ rrule: recurrence.rrule, from: recurrence.from, due: task, completedAt: new Date(), done: 0 });
        if (due) {
          advanced.set(task.id, { from: { dueDate: task.dueDate, dueAt: task.dueAt }, to: due });
          const next = { ...task, ...due, updatedAt: stamp() };
          tasks.set(task.id, next);
          return json(200, withCounts(next));
        }
      }
      const back = advanced.get(task.id);
      if (back && !completed && !task.completed && back.to.dueDate === task.dueDate && back.to.dueAt === task.dueAt) {
        advanced.delete(task.id);
        const next = { ...task, ...back.from, updatedAt: stamp() };
        tasks.set(task.id, next);
        return json(200, withCounts(next));
      }
      // PATCH .../complete takes { completed, timeZone } (the viewer's zone, not the task's): only `completed` applies.
      const next: OrgTask = { ...task, ...(action === 'complete' ? {} : body), completed, completedAt: completed ? (task.completedAt ?? stamp()) : null, updatedAt: stamp() };
      tasks.set(task.id, next);
      if (completed && !task.completed) for (const tid of subtree(task.id).slice(1)) {
        const t = tasks.get(tid);
        if (t && !t.completed) tasks.set(tid, { ...t, completed: true, completedAt: stamp() });
      }
      return json(200, withCounts(next));
    }
    return error(405, 'METHOD_NOT_ALLOWED');
  }

  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const method = init?.method ?? 'GET';
    requests.push(`${method} ${url.pathname}${url.search}`);
    const index = failures.findIndex((f) => f.method === method && f.path.test(url.pathname));
    const failure = index >= 0 ? failures.splice(index, 1)[0] : undefined;
    const slow = delays.findIndex((d) => (d.method ?? method) === method && d.path.test(url.pathname));
    const delayMs = failure?.delayMs ?? (slow >= 0 ? delays.splice(slow, 1)[0]?.delayMs : undefined) ?? 5;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (failure) return error(failure.status, failure.code);
    const auth = new Headers(init?.headers).get('Authorization') ?? '';
    const body = (typeof init?.body === 'string' ? JSON.parse(init.body) : {}) as Record<string, unknown>;
    if (method !== 'GET') writes.push({ method, path: url.pathname, body });
    if (/^\/api\/[^/]+\/tasks\/bulk(\/count)?$/.test(url.pathname) && auth.startsWith(`Bearer jwt-${url.pathname.split('/')[2]}-`)) {
      return fakeBulk({ tasks, deleted, handle: (m, u, b) => handle(m, u, b, auth) }, method, url, body);
    }
    return handle(method, url, body, auth);
  };

  return {
    fetch: fakeFetch,
    tasks,
    deleted,
    lists,
    requests,
    writes,
    failNext: (failure) => failures.push(failure),
    delayNext: (delay) => delays.push(delay),
    // Seeded tasks keep the given order (each after the previous), like tasks added one by one at the end.
    seed: (userId, titles, extra = {}) =>
      titles.map((title) => {
        const made = make(userId, { title, ...extra });
        const task = { ...made, position: generateKeyBetween(lastPosition(userId, made.listId, made.parentId ?? null), null) };
        tasks.set(task.id, task);
        return task;
      }),
    inboxOf,
    addList,
  };
}
