// The task tree's rules hold through any sequence of trash, move and restore (tasks and lists), in the repository
// (fast-check): every live task at most NESTING_MAX levels deep, none under a parent that is not live, no cycle,
// a subtask in its root's list; trashing or moving a task carries its whole subtree. #16 item 2.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCreate } from '../../src-shared/list-schemas.ts';
import { NESTING_MAX, taskCreate } from '../../src-shared/task-schemas.ts';
import { RuleError } from '../core/rule-error.ts';
import { DatabaseService } from '../db/database-service.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TaskRepository } from './task-repository.ts';

let dir: string;
let database: DatabaseService;
let repo: TaskRepository;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tasks-tree-'));
  database = new DatabaseService(dir);
  await database.start();
  repo = new TaskRepository(database.sqlite, database.writes);
});
afterAll(async () => {
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Row {
  id: string;
  parent_id: string | null;
  list_id: string;
  deleted_at: string | null;
}

const TASKS = 8;
type Op =
  | { type: 'trash' | 'restore'; task: number }
  | { type: 'move'; task: number; parent: number | null }
  /** Moves the task's parent at the time (nothing when it has none). */
  | { type: 'moveParent'; task: number; parent: number | null }
  | { type: 'trashList' | 'restoreList' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constantFrom('trash' as const, 'restore' as const), task: fc.nat(TASKS - 1) }),
  fc.record({
    type: fc.constant('move' as const),
    task: fc.nat(TASKS - 1),
    parent: fc.option(fc.nat(TASKS - 1), { nil: null }),
  }),
  fc.record({ type: fc.constantFrom('trashList' as const, 'restoreList' as const) }),
);

/**
 * One op, or the review's pattern with random tasks: trash a subtree, move something (its old parent, say)
 * elsewhere, restore the subtree. Plain random ops rarely line those three up.
 */
const step: fc.Arbitrary<Op[]> = fc.oneof(
  op.map((o) => [o]),
  fc.tuple(fc.nat(TASKS - 1), fc.option(fc.nat(TASKS - 1), { nil: null })).map(([task, parent]): Op[] => [
    { type: 'trash', task },
    { type: 'moveParent', task, parent },
    { type: 'restore', task },
  ]),
);

function rows(userId: string): Map<string, Row> {
  const all = database.sqlite
    .prepare<[string], Row>('SELECT id, parent_id, list_id, deleted_at FROM tasks WHERE user_id = ?')
    .all(userId);
  return new Map(all.map((r) => [r.id, r]));
}

/** The live subtree of a task (by parent links), the task first. */
function liveSubtree(all: Map<string, Row>, id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) {
    for (const r of all.values()) if (r.parent_id === out[i] && r.deleted_at === null) out.push(r.id);
  }
  return out;
}

function assertTreeRules(all: Map<string, Row>): void {
  for (const row of all.values()) {
    if (row.deleted_at !== null) continue;
    const seen = new Set<string>();
    let level = 1;
    let current = row;
    while (current.parent_id !== null) {
      expect(seen.has(current.id), `cycle through ${row.id}`).toBe(false);
      seen.add(current.id);
      const parent = all.get(current.parent_id);
      expect(parent, `${current.id}'s parent exists`).toBeDefined();
      expect(parent!.deleted_at, `${current.id} is live under a trashed parent`).toBeNull();
      expect(current.list_id, `${current.id} is in its parent's list`).toBe(parent!.list_id);
      current = parent!;
      level++;
    }
    expect(level, `${row.id} is on level ${level}`).toBeLessThanOrEqual(NESTING_MAX);
  }
}

describe('task tree rules under trash, move and restore', () => {
  it('hold for any sequence (fast-check)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const ops = steps.flat();
        const userId = `tree-${run++}`;
        const list = await repo.lists.create(userId, listCreate.parse({ name: 'Work' }));
        const ids: string[] = [];
        // Two chains of three levels and a pair (t0>t1>t2, t3>t4>t5, t6>t7): room for a subtree to come back
        // under a parent that was moved deeper meanwhile.
        for (let i = 0; i < TASKS; i++) {
          const parentId = i % 3 === 0 ? undefined : ids[i - 1];
          const created = await repo.create(
            userId,
            taskCreate.parse({ title: `t${i}`, listId: list.id, ...(parentId ? { parentId } : {}) }),
          );
          ids.push(created.id);
        }
        for (const step of ops) {
          const before = rows(userId);
          if (step.type === 'trash') {
            const id = ids[step.task]!;
            const subtree = before.get(id)!.deleted_at === null ? liveSubtree(before, id) : [];
            const trashed = await repo.delete(userId, id);
            const after = rows(userId);
            if (trashed)
              for (const t of subtree)
                expect(after.get(t)!.deleted_at, `${t} trashed with ${id}`).not.toBeNull();
          } else if (step.type === 'restore') {
            const restored = await repo.restore(userId, ids[step.task]!);
            if (restored) {
              expect(restored.parentId).toBe(restored.restoredTo.parentId);
              expect(restored.restoredTo.reason === 'original').toBe(
                restored.parentId === before.get(restored.id)!.parent_id,
              );
            }
          } else if (step.type === 'move' || step.type === 'moveParent') {
            const id = step.type === 'move' ? ids[step.task]! : before.get(ids[step.task]!)!.parent_id;
            if (id === null) continue;
            const parentId = step.parent === null ? null : ids[step.parent]!;
            try {
              const moved = await repo.move(userId, id, { parentId });
              if (moved) {
                const after = rows(userId);
                for (const t of liveSubtree(after, id)) expect(after.get(t)!.list_id).toBe(moved.listId);
                expect(liveSubtree(after, id).sort()).toEqual(liveSubtree(before, id).sort());
              }
            } catch (error) {
              // A refused move (cycle, too deep, a parent not live) must be a rule error and change nothing.
              expect(error).toBeInstanceOf(RuleError);
              expect(rows(userId)).toEqual(before);
            }
          } else if (step.type === 'trashList') {
            await repo.lists.delete(userId, list.id);
          } else {
            await repo.lists.restore(userId, list.id);
          }
          assertTreeRules(rows(userId));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('restores a subtree at the top level when its old parent now sits too deep (the review case)', async () => {
    const userId = 'review-case';
    const make = async (title: string, parentId?: string) =>
      (await repo.create(userId, taskCreate.parse({ title, ...(parentId ? { parentId } : {}) }))).id;
    const a = await make('a');
    const b = await make('b', a);
    const c = await make('c', b);
    const p = await make('p');
    const q = await make('q', p);
    const r = await make('r', q);
    // Trash b (with c), move its now childless parent a under r (level 3): a is on level 4.
    expect(await repo.delete(userId, b)).toBe(true);
    await repo.move(userId, a, { parentId: r });
    const restored = await repo.restore(userId, b);
    expect(restored).toMatchObject({
      id: b,
      parentId: null,
      restoredTo: { parentId: null, reason: 'too-deep' },
    });
    expect(repo.get(userId, c)?.parentId).toBe(b);
    // Its parent in the trash, a task comes back at the top level too, and says why.
    expect(await repo.delete(userId, b)).toBe(true);
    expect(await repo.delete(userId, p)).toBe(true);
    expect((await repo.restore(userId, c))?.restoredTo).toEqual({
      parentId: null,
      reason: 'parent-in-trash',
    });
  });
});
