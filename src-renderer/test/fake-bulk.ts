// The fake API's POST /tasks/bulk and GET /tasks/bulk/count (test support, not a test): each target goes through
// the fake's own single-task routes, so a bulk action does here what the same single requests would; the answer
// has the real route's shape (NDJSON progress lines, then the result with its undo requests).
import type { BulkAction, BulkRequestInput, BulkResult } from '../../src-shared/bulk-schemas';
import type { OrgTask } from '../api/organize-api';

type Handle = (method: string, url: URL, body: Record<string, unknown>) => Response;

interface FakeBulkState {
  tasks: Map<string, OrgTask>;
  deleted: Map<string, OrgTask>;
  handle: Handle;
}

const ndjson = (lines: unknown[]) =>
  new Response(lines.map((l) => JSON.stringify(l)).join('\n') + '\n', { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } });

function filterUrl(base: URL, filter: Record<string, unknown>, status?: string): URL {
  const url = new URL(base.origin + base.pathname.replace(/\/bulk(\/count)?$/, ''));
  for (const [key, value] of Object.entries(filter)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) url.searchParams.append(key, String(v));
  }
  if (status) url.searchParams.set('status', status);
  url.searchParams.set('limit', '100000');
  return url;
}

async function idsOf(state: FakeBulkState, url: URL): Promise<string[]> {
  const page = (await state.handle('GET', url, {}).json()) as { items: OrgTask[] };
  return page.items.map((t) => t.id);
}

export async function fakeBulk(state: FakeBulkState, method: string, url: URL, body: Record<string, unknown>): Promise<Response> {
  const tasksUrl = (suffix: string) => new URL(url.origin + url.pathname.replace(/\/bulk(\/count)?$/, suffix));
  if (method === 'GET') {
    const count = (await idsOf(state, filterUrl(url, Object.fromEntries(url.searchParams)))).length;
    return new Response(JSON.stringify({ count, overLimit: false }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }
  const request = body as BulkRequestInput;
  const action = request.action;
  const ids = request.ids ?? (await idsOf(state, filterUrl(url, request.filter ?? {}, action.type === 'restore' ? 'deleted' : undefined)));
  const changed: string[] = [];
  const undo: BulkResult['undo'] = [];
  const group = (undoAction: BulkAction, id: string) => {
    const found = undo.find((u) => JSON.stringify(u.action) === JSON.stringify(undoAction));
    if (found) found.ids!.push(id);
    else undo.push({ ids: [id], action: undoAction });
  };
  for (const id of ids) {
    const task = state.tasks.get(id);
    const one = (suffix = '') => tasksUrl(`/${encodeURIComponent(id)}${suffix}`);
    if (action.type === 'restore') {
      if (!state.deleted.has(id)) continue;
      state.handle('POST', one('/restore'), {});
      changed.push(id);
      group({ type: 'delete' }, id);
      continue;
    }
    if (!task) continue;
    if (action.type === 'complete' || action.type === 'uncomplete') {
      const completed = action.type === 'complete';
      if (task.completed === completed) continue;
      state.handle('PATCH', one('/complete'), { completed });
      group(completed ? { type: 'uncomplete' } : { type: 'complete' }, id);
    } else if (action.type === 'delete') {
      state.handle('DELETE', one(), {});
      group({ type: 'restore' }, id);
    } else if (action.type === 'setPriority') {
      if (task.priority === action.priority) continue;
      state.handle('PATCH', one(), { priority: action.priority });
      group({ type: 'setPriority', priority: task.priority }, id);
    } else if (action.type === 'addTag' || action.type === 'removeTag') {
      const has = task.tags.some((t) => t.toLowerCase() === action.tag.toLowerCase());
      if ((action.type === 'addTag') === has) continue;
      const tags = action.type === 'addTag' ? [...task.tags, action.tag] : task.tags.filter((t) => t.toLowerCase() !== action.tag.toLowerCase());
      state.handle('PATCH', one(), { tags });
      group({ type: action.type === 'addTag' ? 'removeTag' : 'addTag', tag: action.tag }, id);
    } else if (action.type === 'move') {
      if (task.listId === action.listId && !task.parentId) continue;
      state.handle('POST', one('/move'), { listId: action.listId, parentId: null });
      undo.push({ action: { type: 'place', places: [{ id, listId: task.listId, parentId: task.parentId, position: task.position }] } });
    } else if (action.type === 'place') {
      continue;
    }
    changed.push(id);
  }
  if (action.type === 'place') {
    for (const place of action.places) {
      const task = state.tasks.get(place.id);
      if (!task) continue;
      state.tasks.set(place.id, { ...task, listId: place.listId, parentId: place.parentId, position: place.position });
      changed.push(place.id);
    }
  }
  const result: BulkResult = { action: action.type, matched: ids.length, changed, undo };
  return ndjson([{ progress: { done: 0, total: ids.length } }, { progress: { done: ids.length, total: ids.length } }, { result }]);
}
