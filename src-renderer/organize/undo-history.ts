// The session's undo history, as data. Every action the person takes is recorded as an operation that can be
// run (redo) and inverted (undo); inverting twice gives the operation back, so undo then redo returns exactly
// to where the person was. Pure: no React, no API calls (see use-undo-history.ts for the side that runs them).
import type { BulkRequestInput } from '../../src-shared/bulk-schemas';

/** Fields of a task that an edit can change, as they were before / after. */
export type TaskFields = Record<string, unknown>;

/** Where a task sits: its list, its parent, and the sibling it follows (null: first). */
export interface Placement {
  listId: string | null;
  parentId: string | null;
  afterId: string | null;
}

export type UndoOp =
  /** One or more tasks edited (title, notes, priority, due date, completion, tags): the fields before and after. */
  | { type: 'patch'; changes: readonly { id: string; before: TaskFields; after: TaskFields }[] }
  /** Tasks put in the trash / taken out of it (a create is recorded as `untrash`: its undo trashes it). */
  | { type: 'trash'; ids: readonly string[] }
  | { type: 'untrash'; ids: readonly string[] }
  /** Tasks moved (order, nesting, list). */
  | { type: 'move'; moves: readonly { id: string; from: Placement; to: Placement }[] }
  /** A list renamed, recoloured or reordered. */
  | { type: 'list-patch'; id: string; before: TaskFields; after: TaskFields }
  /** A list (with its tasks) put in the trash / brought back (a new list is recorded as `list-untrash`). */
  | { type: 'list-trash'; id: string }
  | { type: 'list-untrash'; id: string }
  /** One bulk action on the server: the requests that did it (by ids) and the ones its answer gave to reverse it. */
  | { type: 'bulk'; forward: readonly BulkRequestInput[]; backward: readonly BulkRequestInput[] }
  /** Several operations done as one step (a bulk action); undone in reverse order. */
  | { type: 'batch'; ops: readonly UndoOp[] };

export interface UndoEntry {
  /** What the person did, in words ("Complete “Buy milk”"). */
  label: string;
  op: UndoOp;
}

export interface UndoHistory {
  past: readonly UndoEntry[];
  future: readonly UndoEntry[];
  limit: number;
}

export const UNDO_LIMIT = 100;

export function emptyHistory(limit = UNDO_LIMIT): UndoHistory {
  return { past: [], future: [], limit };
}

/** The operation that takes back exactly what `op` did. */
export function invert(op: UndoOp): UndoOp {
  switch (op.type) {
    case 'patch':
      return { type: 'patch', changes: op.changes.map(({ id, before, after }) => ({ id, before: after, after: before })) };
    case 'trash':
      return { type: 'untrash', ids: op.ids };
    case 'untrash':
      return { type: 'trash', ids: op.ids };
    case 'move':
      return { type: 'move', moves: [...op.moves].reverse().map(({ id, from, to }) => ({ id, from: to, to: from })) };
    case 'list-patch':
      return { type: 'list-patch', id: op.id, before: op.after, after: op.before };
    case 'list-trash':
      return { type: 'list-untrash', id: op.id };
    case 'list-untrash':
      return { type: 'list-trash', id: op.id };
    case 'bulk':
      return { type: 'bulk', forward: op.backward, backward: op.forward };
    case 'batch':
      return { type: 'batch', ops: [...op.ops].reverse().map(invert) };
  }
}

/** A new action: remembered (the oldest forgotten past the limit); anything that was undone can no longer be redone. */
export function record(history: UndoHistory, entry: UndoEntry): UndoHistory {
  const past = [...history.past, entry];
  return { ...history, past: past.length > history.limit ? past.slice(past.length - history.limit) : past, future: [] };
}

/** The step to undo (its `op` is what to run now), and the history after it; null when there is nothing to undo. */
export function undo(history: UndoHistory): { run: UndoOp; entry: UndoEntry; history: UndoHistory } | null {
  const entry = history.past[history.past.length - 1];
  if (!entry) return null;
  return { run: invert(entry.op), entry, history: { ...history, past: history.past.slice(0, -1), future: [entry, ...history.future] } };
}

/** The step to redo (run its `op` again), and the history after it; null when there is nothing to redo. */
export function redo(history: UndoHistory): { run: UndoOp; entry: UndoEntry; history: UndoHistory } | null {
  const [entry, ...future] = history.future;
  if (!entry) return null;
  return { run: entry.op, entry, history: { ...history, past: [...history.past, entry], future } };
}

/** Before/after for a patch: only the fields that change, with their old values taken from `task`. */
export function patchChange(task: { id: string }, patch: TaskFields): { id: string; before: TaskFields; after: TaskFields } {
  const before: TaskFields = {};
  const after: TaskFields = {};
  const old = task as TaskFields;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || sameValue(old[key], value)) continue;
    before[key] = old[key] ?? null;
    after[key] = value;
  }
  return { id: task.id, before, after };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
