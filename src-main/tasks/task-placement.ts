// Manual order: a task's position is a fractional-indexing key among its siblings (the same parent, or the top level
// of the same list). A new key is always made inside the write transaction from the siblings as they are then, so
// a move writes one row and two moves can never make the same key between the same neighbours; reads sort by
// (position, id), so even a tie (only an import can write one) reads the same every time.
import type { Statement } from 'better-sqlite3';
import { generateKeyBetween } from 'fractional-indexing';
import type { SqliteDatabase } from '../db/open-database.ts';

type Params = Record<string, string | number | null>;

/** Where a task sits: the top level of a list (parentId null), or under a parent (in the parent's list). */
export interface Place {
  listId: string;
  parentId: string | null;
}

type Edge = 'first' | 'last' | 'above' | 'below';

export class TaskPlacement {
  private readonly stmts = new Map<string, Statement<Params, string>>();

  constructor(private readonly db: SqliteDatabase) {
    for (const scope of ['root', 'child'] as const) {
      for (const edge of ['first', 'last', 'above', 'below'] as const) {
        this.stmts.set(`${scope}:${edge}`, this.prepare(scope, edge));
      }
    }
  }

  /** A key before every sibling (a new or moved top-level task goes first). */
  top(place: Place, self: string | null): string {
    return generateKeyBetween(null, this.edge(place, 'first', self, null));
  }

  /** A key after every sibling (a new or moved subtask goes last). */
  bottom(place: Place, self: string | null): string {
    return generateKeyBetween(this.edge(place, 'last', self, null), null);
  }

  /** The default spot: top for a top-level task, bottom under a parent. */
  defaultKey(place: Place, self: string | null): string {
    return place.parentId === null ? this.top(place, self) : this.bottom(place, self);
  }

  /** A key right after the sibling at `position` (and any sibling tied with it). */
  after(place: Place, self: string, position: string): string {
    return generateKeyBetween(position, this.edge(place, 'above', self, position));
  }

  /** A key right before the sibling at `position` (and any sibling tied with it). */
  before(place: Place, self: string, position: string): string {
    return generateKeyBetween(this.edge(place, 'below', self, position), position);
  }

  /** A key between two siblings, lower first; ties fall back to right after `lower`. */
  between(place: Place, self: string, lower: string, upper: string): string {
    return lower < upper ? generateKeyBetween(lower, upper) : this.after(place, self, lower);
  }

  private edge(place: Place, edge: Edge, self: string | null, position: string | null): string | null {
    const stmt = this.stmts.get(`${place.parentId === null ? 'root' : 'child'}:${edge}`)!;
    return stmt.get({ listId: place.listId, parentId: place.parentId, self: self ?? '', position }) ?? null;
  }

  private prepare(scope: 'root' | 'child', edge: Edge): Statement<Params, string> {
    const siblings =
      scope === 'root' ? 'list_id = @listId AND parent_id IS NULL' : 'parent_id = @parentId AND +list_id = @listId';
    const bound = edge === 'above' ? 'AND position > @position' : edge === 'below' ? 'AND position < @position' : '';
    const dir = edge === 'first' || edge === 'above' ? 'ASC' : 'DESC';
    return this.db
      .prepare<Params, string>(
        `SELECT position FROM tasks WHERE ${siblings} AND deleted_at IS NULL AND id != @self ${bound}
         ORDER BY position ${dir}, id ${dir} LIMIT 1`,
      )
      .pluck();
  }
}
