// One action on many tasks (POST /api/{userId}/tasks/bulk). The targets are named by ids or by the list route's
// filter (every page of it, read before any write); the writes go through the write queue in chunks of
// BULK_CHUNK tasks, one batch each, so other requests are served between them and no batch holds the event
// loop for long. Each task goes through the same code as its single-task route (completion with recurrence and
// subtasks, trash and restore with their subtree, moves with their nesting rules), and the answer says what
// changed with `undo`: the requests that reverse it. Tasks that are not this user's are never matched.
import type { Statement } from 'better-sqlite3';
import {
  BULK_CHUNK,
  BULK_MAX,
  type BulkAction,
  type BulkFilter,
  type BulkPlace,
  type BulkProgress,
  type BulkRequest,
  type BulkResult,
} from '../../src-shared/bulk-schemas.ts';
import type { DataEventType } from '../../src-shared/event-schemas.ts';
import { tagKey } from '../../src-shared/tag-schemas.ts';
import { LIST_LIMIT_MAX, PRIORITIES, type Priority } from '../../src-shared/task-schemas.ts';
import { RuleError } from '../core/rule-error.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import type { EventPublisher } from '../events/event-publisher.ts';
import type { TaskRepository } from './task-repository.ts';
import { isCurrentOccurrence } from '../schedule/recurring-completion.ts';
import { priorityToNumber } from './task-row.ts';

type Params = Record<string, string | number | null>;

interface TargetRow {
  id: string;
  parent_id: string | null;
  list_id: string;
  position: string;
  completed: number;
  priority: number;
  recurrence_rule: string | null;
  due_date: string | null;
  due_at: string | null;
  deleted_at: string | null;
}

/** A bulk action resolved to its targets, ready to run (validation errors were thrown before any write). */
export interface BulkPlan {
  userId: string;
  action: BulkAction;
  /** Target ids in order: roots only for actions that carry subtrees (move, delete, restore). */
  ids: string[];
  matched: number;
  /** complete: the occurrence each recurring target completes (the caller's, else its due when planned). */
  occurrences?: ReadonlyMap<string, string>;
}

type UndoStep = BulkResult['undo'][number];

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const EVENT_OF: Record<BulkAction['type'], DataEventType> = {
  complete: 'task.updated',
  uncomplete: 'task.updated',
  move: 'task.updated',
  setPriority: 'task.updated',
  addTag: 'task.updated',
  removeTag: 'task.updated',
  delete: 'task.deleted',
  restore: 'task.restored',
  place: 'task.updated',
};

export class BulkRepository {
  private readonly rowStmt: Statement<Params, TargetRow>;
  private readonly openOfStmt: Statement<Params, string>;
  private readonly priorityStmt: Statement<Params>;

  constructor(
    db: SqliteDatabase,
    private readonly writes: WriteQueue,
    private readonly repo: TaskRepository,
    private readonly events: EventPublisher,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rowStmt = db.prepare(
      `SELECT id, parent_id, list_id, position, completed, priority, recurrence_rule, due_date, due_at, deleted_at
       FROM tasks WHERE id = @id AND user_id = @userId`,
    );
    this.openOfStmt = db
      .prepare<Params, string>(
        `SELECT id FROM tasks WHERE id IN (SELECT value FROM json_each(@ids)) AND completed = 0 AND deleted_at IS NULL`,
      )
      .pluck();
    this.priorityStmt = db.prepare(
      `UPDATE tasks SET priority = @priority, updated_at = @now WHERE id = @id AND user_id = @userId AND deleted_at IS NULL`,
    );
  }

  /** Resolves the request's targets (reads only; throws 422/404 before anything is written). */
  async plan(userId: string, request: BulkRequest): Promise<BulkPlan> {
    const { action } = request;
    if (action.type === 'place') {
      return { userId, action, ids: action.places.map((p) => p.id), matched: action.places.length };
    }
    if (action.type === 'move') this.repo.lists.requireLive(userId, action.listId);
    const trash = action.type === 'restore';
    const found = request.ids
      ? this.rowsOf(userId, request.ids, trash)
      : await this.rowsMatching(userId, { ...request.filter!, status: trash ? 'deleted' : request.filter!.status });
    const withSubtrees = action.type === 'move' || action.type === 'delete' || action.type === 'restore';
    const ids = withSubtrees ? this.roots(userId, found) : found.map((r) => r.id);
    if (action.type !== 'complete') return { userId, action, ids, matched: found.length };
    return { userId, action, ids, matched: found.length, occurrences: occurrencesOf(found, action.occurrences) };
  }

  /** How many tasks the filter matches, all pages (what "select all" in a view selects); at most BULK_MAX + 1. */
  async count(userId: string, filter: BulkFilter): Promise<number> {
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = this.repo.list(userId, { ...filter, limit: LIST_LIMIT_MAX, ...(cursor ? { cursor } : {}) });
      count += page.items.length;
      cursor = count > BULK_MAX ? undefined : (page.nextCursor ?? undefined);
      if (cursor) await nextTurn();
    } while (cursor);
    return count;
  }

  /** Runs a plan chunk by chunk; `onProgress` hears after each committed chunk. */
  async run(plan: BulkPlan, onProgress?: (progress: BulkProgress) => void): Promise<BulkResult> {
    const changed: string[] = [];
    const undo = new UndoCollector(plan.action);
    const total = plan.ids.length;
    for (let start = 0; start < total; start += BULK_CHUNK) {
      const chunk = plan.ids.slice(start, start + BULK_CHUNK);
      const places = plan.action.type === 'place' ? plan.action.places.slice(start, start + BULK_CHUNK) : [];
      const written = await this.writes.run(() => this.apply(plan, chunk, places, undo));
      changed.push(...written);
      if (written.length) this.events.publish(plan.userId, EVENT_OF[plan.action.type], written);
      onProgress?.({ done: Math.min(start + BULK_CHUNK, total), total });
    }
    return { action: plan.action.type, matched: plan.matched, changed, undo: undo.steps() };
  }

  /** One chunk inside one write batch: the ids it wrote. */
  private apply(plan: BulkPlan, chunk: readonly string[], places: readonly BulkPlace[], undo: UndoCollector): string[] {
    const { userId, action } = plan;
    const written: string[] = [];
    const live = (id: string) => {
      const row = this.rowStmt.get({ id, userId });
      return row && row.deleted_at === null ? row : null;
    };
    switch (action.type) {
      case 'complete':
        for (const id of chunk) {
          const row = live(id);
          if (!row || row.completed) continue;
          // A recurring task already past the occurrence to complete was completed by someone else (or before).
          const occurrence = row.recurrence_rule === null ? undefined : plan.occurrences?.get(id);
          if (occurrence !== undefined && !isCurrentOccurrence(row, occurrence)) continue;
          // A plain task completes its open subtasks; undo reopens exactly those (a recurring one restores itself).
          const reached = row.recurrence_rule === null ? this.openIn(this.repo.subtreeIds(id)) : [id];
          this.repo.setCompletedNow(userId, id, true, action.timeZone, occurrence);
          written.push(...reached);
          undo.add('uncomplete', reached);
        }
        break;
      case 'uncomplete':
        for (const id of chunk) {
          const row = live(id);
          // An open recurring task may be right after a completion: un-completing restores that occurrence.
          if (!row || (!row.completed && row.recurrence_rule === null)) continue;
          this.repo.setCompletedNow(userId, id, false);
          const after = live(id);
          if (after && after.completed === row.completed && after.due_date === row.due_date && after.due_at === row.due_at) continue;
          written.push(id);
          undo.add('complete', [id]);
        }
        break;
      case 'setPriority': {
        const value = priorityToNumber(action.priority);
        const now = this.now().toISOString();
        for (const id of chunk) {
          const row = live(id);
          if (!row || row.priority === value) continue;
          this.priorityStmt.run({ id, userId, priority: value, now });
          written.push(id);
          undo.add(`priority:${PRIORITIES[row.priority] ?? 'none'}`, [id]);
        }
        break;
      }
      case 'addTag':
      case 'removeTag': {
        const key = tagKey(action.tag);
        const names = this.repo.tags.namesFor(chunk);
        for (const id of chunk) {
          if (!live(id)) continue;
          const current = names.get(id) ?? [];
          const has = current.find((name) => tagKey(name) === key);
          if (action.type === 'addTag' ? has : !has) continue;
          this.repo.tags.setTaskTags(userId, id, action.type === 'addTag' ? [...current, action.tag] : current.filter((n) => n !== has));
          written.push(id);
          undo.add(action.type === 'addTag' ? `removeTag:${action.tag}` : `addTag:${has!}`, [id]);
        }
        break;
      }
      case 'move':
        for (const id of chunk) {
          const row = live(id);
          if (!row || (row.list_id === action.listId && row.parent_id === null)) continue;
          // In order at the top of the list: the first goes first, each next one right after the one before.
          const previous = undo.lastMoved();
          this.repo.moveNow(userId, id, previous ? { afterId: previous } : { listId: action.listId, parentId: null });
          written.push(id);
          undo.addPlace({ id, listId: row.list_id, parentId: row.parent_id, position: row.position });
        }
        break;
      case 'delete':
        for (const id of chunk) {
          const trashed = this.repo.deleteNow(userId, id);
          if (!trashed) continue;
          written.push(...trashed);
          undo.add('restore', [id]);
        }
        break;
      case 'restore':
        for (const id of chunk) {
          const restored = this.repo.restoreNow(userId, id);
          if (!restored) continue;
          written.push(...restored.ids);
          undo.add('delete', [id]);
        }
        break;
      case 'place':
        for (const place of places) {
          const row = live(place.id);
          if (!row) continue;
          this.repo.placeNow(userId, place.id, place);
          written.push(place.id);
          undo.addPlace({ id: place.id, listId: row.list_id, parentId: row.parent_id, position: row.position });
        }
        break;
    }
    return written;
  }

  private openIn(ids: readonly string[]): string[] {
    return this.openOfStmt.all({ ids: JSON.stringify(ids) });
  }

  /** The given ids that are this user's tasks (live, or in the trash for restore), in the given order, once each. */
  private rowsOf(userId: string, ids: readonly string[], trash: boolean): TargetRow[] {
    const rows: TargetRow[] = [];
    for (const id of new Set(ids)) {
      const row = this.rowStmt.get({ id, userId });
      if (row && (row.deleted_at !== null) === trash) rows.push(row);
    }
    return rows;
  }

  /** Every task the list route would answer for this filter, all pages, in its order. */
  private async rowsMatching(userId: string, filter: BulkFilter): Promise<TargetRow[]> {
    const rows: TargetRow[] = [];
    let cursor: string | undefined;
    do {
      const page = this.repo.list(userId, { ...filter, limit: LIST_LIMIT_MAX, ...(cursor ? { cursor } : {}) });
      for (const task of page.items) {
        const row = this.rowStmt.get({ id: task.id, userId });
        if (row) rows.push(row);
      }
      if (rows.length > BULK_MAX) {
        const message = `The filter matches more than ${BULK_MAX} tasks; narrow it or act in several steps.`;
        throw new RuleError('VALIDATION_FAILED', message, [{ path: 'filter', message }]);
      }
      cursor = page.nextCursor ?? undefined;
      // Reading a large view page by page: let other requests in between pages.
      if (cursor) await nextTurn();
    } while (cursor);
    return rows;
  }

  /** The rows none of whose ancestors is also a target (a subtree moves, trashes and comes back with its root). */
  private roots(userId: string, rows: readonly TargetRow[]): string[] {
    const ids = new Set(rows.map((r) => r.id));
    return rows
      .filter((row) => {
        let parent = row.parent_id;
        for (let depth = 0; parent !== null && depth < 8; depth++) {
          if (ids.has(parent)) return false;
          parent = this.rowStmt.get({ id: parent, userId })?.parent_id ?? null;
        }
        return true;
      })
      .map((r) => r.id);
  }
}

/** Per recurring target: the occurrence the caller named, else its due as read now (none for a task without due). */
function occurrencesOf(rows: readonly TargetRow[], named: Readonly<Record<string, string>> = {}): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows) {
    if (row.recurrence_rule === null) continue;
    const occurrence = Object.hasOwn(named, row.id) ? named[row.id] : (row.due_at ?? row.due_date ?? undefined);
    if (occurrence !== undefined) out.set(row.id, occurrence);
  }
  return out;
}

/** Gathers the reverse of what a bulk action wrote, as bulk requests by ids (grouped by the value to restore). */
class UndoCollector {
  private readonly groups = new Map<string, string[]>();
  private readonly places: BulkPlace[] = [];

  constructor(private readonly action: BulkAction) {}

  add(key: string, ids: readonly string[]): void {
    const group = this.groups.get(key);
    if (group) group.push(...ids);
    else this.groups.set(key, [...ids]);
  }

  addPlace(place: BulkPlace): void {
    this.places.push(place);
  }

  lastMoved(): string | null {
    return this.action.type === 'move' ? (this.places[this.places.length - 1]?.id ?? null) : null;
  }

  steps(): UndoStep[] {
    // Moves are put back last-moved first (a later one was placed relative to an earlier one).
    if (this.places.length) return [{ action: { type: 'place', places: [...this.places].reverse() } }];
    return [...this.groups].map(([key, ids]) => ({ ids, action: undoAction(key) }));
  }
}

function undoAction(key: string): BulkAction {
  const [type, value = ''] = key.split(/:(.*)/s) as [string, string?];
  switch (type) {
    case 'priority':
      return { type: 'setPriority', priority: value as Priority };
    case 'addTag':
      return { type: 'addTag', tag: value };
    case 'removeTag':
      return { type: 'removeTag', tag: value };
    case 'uncomplete':
      return { type: 'uncomplete' };
    case 'complete':
      return { type: 'complete' };
    case 'restore':
      return { type: 'restore' };
    default:
      return { type: 'delete' };
  }
}
