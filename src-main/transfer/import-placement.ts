// Where each row of an import goes, decided by reading only (a dry run stops here, so its answer is the import's):
// which rows are already in the account, the list of each (matched by name ignoring case, else a list to create;
// "Inbox" is the Inbox; a subtask is in its root's list), its parent (a row of the file or a task already imported
// from it), its position among its siblings, and the order to write them in (parents first).
import { generateNKeysBetween } from 'fractional-indexing';
import type { ImportListResult, ImportSkip } from '../../src-shared/import-schemas.ts';
import { INBOX_NAME, isOrderKey, LIST_NAME_MAX, LISTS_MAX } from '../../src-shared/list-schemas.ts';
import { NESTING_MAX } from '../../src-shared/task-schemas.ts';
import type { ImportedTask } from '../../src-shared/import-schemas.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import { listNameKey } from '../lists/list-repository.ts';
import type { ImportListSpec, ImportRow } from './formats/format-reader.ts';
import { deriveImportedId } from './imported-id.ts';
import { ImportRefused } from './import-plan.ts';

/** A row that passed validation: its fields and the id it will have. */
export interface CheckedRow {
  row: ImportRow;
  task: ImportedTask;
  id: string;
}

export interface PlannedList {
  id: string;
  name: string;
  nameKey: string;
  color: string | null;
  /** To be created by the import (else an existing list or the Inbox). */
  create: boolean;
  imported: number;
}

export interface PlannedTask {
  id: string;
  task: ImportedTask;
  listId: string;
  parentId: string | null;
  position: string;
}

export interface Placement {
  /** Lists in answer order; the ones with `create` are written first. */
  lists: PlannedList[];
  /** Tasks to insert, parents before their subtasks. */
  tasks: PlannedTask[];
  skipped: ImportSkip[];
}

export interface PlacementInput {
  db: SqliteDatabase;
  userId: string;
  inboxId: string;
  /** `?listName`: the list for rows that name none. */
  listName: string | null;
  rows: CheckedRow[];
  lists: ImportListSpec[];
  /** Lets other requests run during long loops. */
  yieldNow: () => Promise<void>;
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/** The id a list created by an import gets: derived from (account, name, n), so a dry run names the same id. */
function listIdFor(userId: string, nameKey: string, n: number): string {
  return deriveImportedId(userId, `list\n${nameKey}\n${n}`, EPOCH);
}

function cleanListName(name: string | null): string | null {
  const trimmed = name?.trim() ?? '';
  return trimmed === '' ? null : [...trimmed].slice(0, LIST_NAME_MAX).join('');
}

function compareOrder(a: CheckedRow, b: CheckedRow): number {
  const x = a.row.order;
  const y = b.row.order;
  if (typeof x === 'number' && typeof y === 'number') return x - y || a.row.index - b.row.index;
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : a.row.index - b.row.index;
  return typeof x === 'number' ? -1 : 1;
}

class ListResolver {
  readonly lists = new Map<string, PlannedList>();
  private readonly byKey;
  private readonly idTaken;
  private readonly count: number;

  constructor(
    private readonly input: PlacementInput,
    private readonly inboxId: string,
  ) {
    const { db, userId } = input;
    this.byKey = db.prepare<{ userId: string; nameKey: string }, { id: string; name: string; is_inbox: number }>(
      'SELECT id, name, is_inbox FROM lists WHERE user_id = @userId AND name_key = @nameKey AND deleted_at IS NULL',
    );
    this.idTaken = db.prepare<[string], number>('SELECT 1 FROM lists WHERE id = ?').pluck();
    this.count = db.prepare<[string], number>('SELECT count(*) FROM lists WHERE user_id = ?').pluck().get(userId)!;
  }

  /** The list for a name (null: the Inbox); planned to be created when the account has none of that name. */
  resolve(name: string | null, color: string | null = null): PlannedList {
    const clean = cleanListName(name);
    const nameKey = clean === null ? listNameKey(INBOX_NAME) : listNameKey(clean);
    const known = this.lists.get(nameKey);
    if (known) return known;
    let planned: PlannedList;
    if (nameKey === listNameKey(INBOX_NAME)) {
      planned = { id: this.inboxId, name: INBOX_NAME, nameKey, color: null, create: false, imported: 0 };
    } else {
      const existing = this.byKey.get({ userId: this.input.userId, nameKey });
      if (existing) {
        planned = { id: existing.id, name: existing.name, nameKey, color: null, create: false, imported: 0 };
      } else {
        let n = 0;
        while (this.idTaken.get(listIdFor(this.input.userId, nameKey, n))) n += 1;
        planned = { id: listIdFor(this.input.userId, nameKey, n), name: clean!, nameKey, color, create: true, imported: 0 };
      }
    }
    this.lists.set(nameKey, planned);
    return planned;
  }

  checkLimit(): void {
    const created = [...this.lists.values()].filter((list) => list.create).length;
    if (this.count + created > LISTS_MAX) {
      throw new ImportRefused('VALIDATION_FAILED', `This import would create ${created} lists; an account can have at most ${LISTS_MAX}.`, [
        { path: 'lists', message: `At most ${LISTS_MAX} lists per account.` },
      ]);
    }
  }
}

/** Keys for `n` siblings after `after`, made in slices so a 50,000-task group does not hold the event loop. */
async function keysAfter(after: string | null, n: number, pace: () => Promise<void>): Promise<string[]> {
  const keys: string[] = [];
  let last = after;
  while (keys.length < n) {
    const slice = generateNKeysBetween(last, null, Math.min(KEY_SLICE, n - keys.length));
    keys.push(...slice);
    last = slice[slice.length - 1]!;
    await pace();
  }
  return keys;
}

const KEY_SLICE = 1000;
const SLICE_MS = 10;

/** Decides everything the import will write; reads the database, never writes it. */
export async function placeRows(input: PlacementInput): Promise<Placement> {
  const { db, userId, rows, yieldNow } = input;
  let sliceStart = performance.now();
  /** Gives other requests a turn once this slice of work has taken SLICE_MS. */
  const pace = async (): Promise<void> => {
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldNow();
      sliceStart = performance.now();
    }
  };
  const skipped: ImportSkip[] = [];
  const exists = db.prepare<{ userId: string; key: string; id: string }, { id: string; list_id: string; parent_id: string | null; deleted: number }>(
    // `+user_id`: looked up by primary key, then filtered (an index on user_id would scan the account's rows).
    'SELECT id, list_id, parent_id, deleted_at IS NOT NULL AS deleted FROM tasks WHERE id IN (@key, @id) AND +user_id = @userId LIMIT 1',
  );
  const byId = db.prepare<{ userId: string; id: string }, { id: string; list_id: string; parent_id: string | null; deleted: number }>(
    'SELECT id, list_id, parent_id, deleted_at IS NOT NULL AS deleted FROM tasks WHERE id = @id AND +user_id = @userId',
  );

  // Rows already in the account (an earlier import of this file, or the account's own export).
  const fresh = new Map<string, CheckedRow>();
  const existing = new Map<string, { id: string; list_id: string; parent_id: string | null; deleted: number }>();
  for (const checked of rows) {
    const found = exists.get({ userId, key: checked.row.key, id: checked.id });
    if (found) {
      existing.set(checked.row.key, found);
      skipped.push({
        index: checked.row.index,
        id: checked.row.key,
        ...(checked.row.line === undefined ? {} : { line: checked.row.line }),
        reason: 'ALREADY_EXISTS',
        message: 'This task is already in this account.',
      });
    } else fresh.set(checked.row.key, checked);
    await pace();
  }

  // Parents: a fresh row of the file, or an existing live task imported from it earlier; else top level.
  type Parent = { kind: 'fresh'; row: CheckedRow } | { kind: 'existing'; id: string; listId: string; depth: number } | null;
  const existingDepth = (id: string): number => {
    let depth = 1;
    let at = byId.get({ userId, id });
    while (at?.parent_id && depth <= NESTING_MAX) {
      at = byId.get({ userId, id: at.parent_id });
      depth += 1;
    }
    return depth;
  };
  const parentOf = new Map<CheckedRow, Parent>();
  for (const checked of fresh.values()) {
    const key = checked.row.parentKey;
    if (key === null || key === checked.row.key) parentOf.set(checked, null);
    else if (fresh.has(key)) parentOf.set(checked, { kind: 'fresh', row: fresh.get(key)! });
    else {
      const found = existing.get(key);
      parentOf.set(checked, found && !found.deleted ? { kind: 'existing', id: found.id, listId: found.list_id, depth: existingDepth(found.id) } : null);
    }
    await pace();
  }
  // Depth of each fresh row, walking up without recursion (a hostile file may chain 50,000 rows): a cycle is cut
  // where it is found; a row that would sit below level NESTING_MAX hangs under its grandparent instead.
  const depthOf = new Map<CheckedRow, number>();
  const parentDepth = (parent: Parent): number =>
    parent === null ? 0 : parent.kind === 'existing' ? parent.depth : depthOf.get(parent.row)!;
  for (const start of fresh.values()) {
    if (depthOf.has(start)) continue;
    const chain: CheckedRow[] = [];
    const onChain = new Set<CheckedRow>();
    for (let at: CheckedRow | null = start; at !== null && !depthOf.has(at); ) {
      chain.push(at);
      onChain.add(at);
      const parent: Parent = parentOf.get(at) ?? null;
      if (parent === null || parent.kind === 'existing') break;
      if (onChain.has(parent.row)) {
        parentOf.set(at, null);
        break;
      }
      at = parent.row;
    }
    for (let i = chain.length - 1; i >= 0; i -= 1) {
      const checked = chain[i]!;
      let parent: Parent = parentOf.get(checked) ?? null;
      let value = parentDepth(parent) + 1;
      if (value > NESTING_MAX) {
        parent = parent !== null && parent.kind === 'fresh' ? (parentOf.get(parent.row) ?? null) : null;
        parentOf.set(checked, parent);
        value = parentDepth(parent) + 1;
      }
      depthOf.set(checked, value);
    }
    await pace();
  }

  // Lists: declared ones first (so empty lists come back too), then as rows name them; a subtask: its root's.
  const resolver = new ListResolver(input, input.inboxId);
  for (const spec of input.lists) resolver.resolve(spec.isInbox ? INBOX_NAME : spec.name, spec.color ?? null);
  const listOf = new Map<CheckedRow, string>();
  const ordered = [...fresh.values()].sort((a, b) => depthOf.get(a)! - depthOf.get(b)! || a.row.index - b.row.index);
  for (const checked of ordered) {
    const parent = parentOf.get(checked) ?? null;
    let listId: string;
    if (parent === null) listId = resolver.resolve(checked.row.listName ?? input.listName).id;
    else if (parent.kind === 'existing') listId = parent.listId;
    else listId = listOf.get(parent.row)!;
    listOf.set(checked, listId);
  }
  resolver.checkLimit();
  const listsById = new Map([...resolver.lists.values()].map((list) => [list.id, list]));
  const countIn = (listId: string): void => {
    const list = listsById.get(listId);
    if (list) list.imported += 1;
  };

  // Positions, per group of siblings: the file's own keys in a group that starts empty, else new keys after the
  // last sibling already there, in the file's order.
  const lastSibling = db
    .prepare<{ listId: string; parentId: string | null }, string>(
      'SELECT position FROM tasks WHERE list_id = @listId AND parent_id IS @parentId AND deleted_at IS NULL ORDER BY position DESC, id DESC LIMIT 1',
    )
    .pluck();
  const groups = new Map<string, { listId: string; parentId: string | null; parentFresh: boolean; rows: CheckedRow[] }>();
  for (const checked of ordered) {
    const parent = parentOf.get(checked) ?? null;
    const parentId = parent === null ? null : parent.kind === 'existing' ? parent.id : parent.row.id;
    const listId = listOf.get(checked)!;
    const key = `${listId}\n${parentId ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { listId, parentId, parentFresh: parent?.kind === 'fresh', rows: [] };
      groups.set(key, group);
    }
    group.rows.push(checked);
  }
  const positionOf = new Map<CheckedRow, string>();
  for (const group of groups.values()) {
    group.rows.sort(compareOrder);
    const after = group.parentFresh ? null : (lastSibling.get({ listId: group.listId, parentId: group.parentId }) ?? null);
    const own = group.rows.map((checked) => checked.row.order);
    const keepOwn =
      after === null &&
      own.every((order) => typeof order === 'string' && isOrderKey(order)) &&
      new Set(own).size === own.length;
    const keys = keepOwn ? (own as string[]) : await keysAfter(after, group.rows.length, pace);
    group.rows.forEach((checked, i) => positionOf.set(checked, keys[i]!));
    await pace();
  }

  const tasks: PlannedTask[] = ordered.map((checked) => {
    const parent = parentOf.get(checked) ?? null;
    const listId = listOf.get(checked)!;
    countIn(listId);
    return {
      id: checked.id,
      task: checked.task,
      listId,
      parentId: parent === null ? null : parent.kind === 'existing' ? parent.id : parent.row.id,
      position: positionOf.get(checked)!,
    };
  });
  return { lists: [...resolver.lists.values()], tasks, skipped };
}

export function listResults(lists: readonly PlannedList[]): ImportListResult[] {
  return lists.map((list) => ({ id: list.id, name: list.name, created: list.create, imported: list.imported }));
}
