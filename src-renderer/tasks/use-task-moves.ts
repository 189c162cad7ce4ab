// Manual order and nesting: Alt+↑/↓ reorders among siblings, Alt+→/← (Tab/Shift+Tab) nests under the task
// above / un-nests, drag and drop does the same, and a drop on a list in the sidebar moves the task there.
// Each move is announced to screen readers.
import type { DragEndEvent } from '@dnd-kit/core';
import { useCallback } from 'react';
import type { MoveInput, OrgTask } from '../api/organize-api';
import { LIST_DROP_PREFIX } from '../organize/sidebar';
import type { Placement } from '../organize/undo-history';
import { placementOf, positionBetween } from './use-task-mutations';

export const MAX_DEPTH = 4;
const pos = (t: OrgTask | undefined) => t?.position ?? null;
const byPosition = (a: OrgTask, b: OrgTask) => ((a.position ?? '') < (b.position ?? '') ? -1 : (a.position ?? '') > (b.position ?? '') ? 1 : 0);

export function siblingsOf(items: readonly OrgTask[], parentId: string | null, listId: string | undefined): OrgTask[] {
  return items.filter((t) => (t.parentId ?? null) === parentId && t.listId === listId).sort(byPosition);
}

/** Levels from `task` down to its deepest loaded subtask (1 for a task without subtasks). */
function subtreeDepth(items: readonly OrgTask[], task: OrgTask): number {
  const kids = items.filter((t) => t.parentId === task.id);
  return 1 + Math.max(0, ...kids.map((kid) => subtreeDepth(items, kid)));
}

function levelOf(items: readonly OrgTask[], task: OrgTask): number {
  let level = 1;
  let parentId = task.parentId ?? null;
  while (parentId && level < 10) {
    const parent = items.find((t) => t.id === parentId);
    parentId = parent?.parentId ?? null;
    level++;
  }
  return level;
}

export interface PlannedMove {
  input: MoveInput;
  to: Placement;
  position: string | undefined;
  message: string;
}

/** Where Alt+↑/↓ puts a task, or why it cannot move. Pure. */
export function planReorder(items: readonly OrgTask[], task: OrgTask, direction: 'up' | 'down'): PlannedMove | string {
  const siblings = siblingsOf(items, task.parentId ?? null, task.listId);
  const index = siblings.findIndex((t) => t.id === task.id);
  const base = { listId: task.listId ?? null, parentId: task.parentId ?? null };
  if (direction === 'up') {
    const prev = siblings[index - 1];
    if (!prev) return `“${task.title}” is already first.`;
    const before = siblings[index - 2];
    return {
      input: { beforeId: prev.id },
      to: { ...base, afterId: before?.id ?? null },
      position: positionBetween(pos(before), pos(prev)),
      message: `Moved “${task.title}” above “${prev.title}”.`,
    };
  }
  const next = siblings[index + 1];
  if (!next) return `“${task.title}” is already last.`;
  return {
    input: { afterId: next.id },
    to: { ...base, afterId: next.id },
    position: positionBetween(pos(next), pos(siblings[index + 2])),
    message: `Moved “${task.title}” below “${next.title}”.`,
  };
}

/** Where Alt+→ (nest under the task above) or Alt+← (out of its parent) puts a task, or why not. Pure. */
export function planNest(items: readonly OrgTask[], task: OrgTask, direction: 'in' | 'out', under?: OrgTask): PlannedMove | string {
  if (direction === 'in') {
    const siblings = siblingsOf(items, task.parentId ?? null, task.listId);
    const parent = under ?? siblings[siblings.findIndex((t) => t.id === task.id) - 1];
    if (!parent) return `There is no task above “${task.title}” to nest it under.`;
    if (levelOf(items, parent) + subtreeDepth(items, task) > MAX_DEPTH) return `Subtasks go at most ${MAX_DEPTH} levels deep.`;
    const kids = siblingsOf(items, parent.id, parent.listId).filter((t) => t.id !== task.id);
    const last = kids[kids.length - 1];
    return {
      input: { parentId: parent.id, ...(last ? { afterId: last.id } : {}) },
      to: { listId: parent.listId ?? null, parentId: parent.id, afterId: last?.id ?? null },
      position: positionBetween(pos(last), null),
      message: `“${task.title}” is now a subtask of “${parent.title}”.`,
    };
  }
  const parent = items.find((t) => t.id === task.parentId);
  if (!parent) return `“${task.title}” is already at the top level.`;
  const uncles = siblingsOf(items, parent.parentId ?? null, parent.listId);
  const next = uncles[uncles.findIndex((t) => t.id === parent.id) + 1];
  return {
    input: { parentId: parent.parentId ?? null, afterId: parent.id },
    to: { listId: parent.listId ?? null, parentId: parent.parentId ?? null, afterId: parent.id },
    position: positionBetween(pos(parent), pos(next)),
    message: `“${task.title}” moved out of “${parent.title}”.`,
  };
}

/** A drop on another row: before or after it (by drag direction), or under it when dragged to the right. Pure. */
export function planDrop(items: readonly OrgTask[], order: readonly string[], task: OrgTask, target: OrgTask, dx: number): PlannedMove | string {
  if (target.id === task.id) return 'Dropped in place.';
  if (dx > 40) return planNest(items, task, 'in', target);
  const down = order.indexOf(task.id) < order.indexOf(target.id);
  const siblings = siblingsOf(items, target.parentId ?? null, target.listId).filter((t) => t.id !== task.id);
  const index = siblings.findIndex((t) => t.id === target.id);
  const base = { listId: target.listId ?? null, parentId: target.parentId ?? null };
  if (down) {
    return {
      input: { parentId: base.parentId, afterId: target.id },
      to: { ...base, afterId: target.id },
      position: positionBetween(pos(target), pos(siblings[index + 1])),
      message: `Moved “${task.title}” below “${target.title}”.`,
    };
  }
  const before = siblings[index - 1];
  return {
    input: { parentId: base.parentId, beforeId: target.id },
    to: { ...base, afterId: before?.id ?? null },
    position: positionBetween(pos(before), pos(target)),
    message: `Moved “${task.title}” above “${target.title}”.`,
  };
}

export interface MovesOptions {
  items: readonly OrgTask[];
  order: readonly string[];
  move: (task: OrgTask, input: MoveInput, from: Placement, to: Placement, position?: string) => void;
  announce: (message: string) => void;
  listName: (listId: string) => string;
  expand: (taskId: string) => void;
}

export function useTaskMoves({ items, order, move, announce, listName, expand }: MovesOptions) {
  const run = useCallback(
    (task: OrgTask, plan: PlannedMove | string) => {
      if (typeof plan === 'string') return announce(plan);
      if (plan.to.parentId) expand(plan.to.parentId);
      move(task, plan.input, placementOf(task, items), plan.to, plan.position);
      announce(plan.message);
    },
    [announce, expand, items, move],
  );
  const toList = useCallback(
    (task: OrgTask, listId: string) => {
      if (task.listId === listId && !task.parentId) return;
      const to: Placement = { listId, parentId: null, afterId: null };
      move(task, { listId, parentId: null }, placementOf(task, items), to);
      announce(`Moved “${task.title}” to ${listName(listId)}.`);
    },
    [announce, items, listName, move],
  );
  return {
    reorder: (task: OrgTask, direction: 'up' | 'down') => run(task, planReorder(items, task, direction)),
    nest: (task: OrgTask, direction: 'in' | 'out') => run(task, planNest(items, task, direction)),
    toList,
    onDragEnd: (event: DragEndEvent) => {
      const { active, over, delta } = event;
      const task = items.find((t) => t.id === active.id);
      if (!task || !over) return;
      const overId = String(over.id);
      if (overId.startsWith(LIST_DROP_PREFIX)) return toList(task, overId.slice(LIST_DROP_PREFIX.length));
      const target = items.find((t) => t.id === overId);
      if (target) run(task, planDrop(items, order, task, target, delta.x));
    },
  };
}
