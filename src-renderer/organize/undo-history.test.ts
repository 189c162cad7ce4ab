import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyHistory, invert, patchChange, record, redo, undo, type UndoEntry, type UndoOp } from './undo-history';

const at = (listId: string, afterId: string | null = null) => ({ listId, parentId: null, afterId });

describe('undo history', () => {
  it('undoes the last action by running its inverse, and redoes it by running it again', () => {
    const op: UndoOp = { type: 'patch', changes: [{ id: 't1', before: { title: 'Old' }, after: { title: 'New' } }] };
    let h = record(emptyHistory(), { label: 'Rename', op });
    const u = undo(h);
    expect(u?.run).toEqual({ type: 'patch', changes: [{ id: 't1', before: { title: 'New' }, after: { title: 'Old' } }] });
    h = u!.history;
    expect(h.past).toHaveLength(0);
    const r = redo(h);
    expect(r?.run).toEqual(op);
    expect(r!.history.past).toHaveLength(1);
    expect(redo(r!.history)).toBeNull();
  });

  it('inverts each kind of action to what takes it back', () => {
    expect(invert({ type: 'trash', ids: ['a'] })).toEqual({ type: 'untrash', ids: ['a'] });
    expect(invert({ type: 'untrash', ids: ['a'] })).toEqual({ type: 'trash', ids: ['a'] });
    expect(invert({ type: 'list-trash', id: 'l' })).toEqual({ type: 'list-untrash', id: 'l' });
    expect(invert({ type: 'list-patch', id: 'l', before: { name: 'A' }, after: { name: 'B' } })).toEqual({
      type: 'list-patch',
      id: 'l',
      before: { name: 'B' },
      after: { name: 'A' },
    });
    // Moves and batches are taken back in reverse order (the second move was computed after the first).
    const move: UndoOp = {
      type: 'move',
      moves: [
        { id: 'a', from: at('L1'), to: at('L2') },
        { id: 'b', from: at('L1', 'a'), to: at('L2', 'a') },
      ],
    };
    expect(invert(move)).toEqual({
      type: 'move',
      moves: [
        { id: 'b', from: at('L2', 'a'), to: at('L1', 'a') },
        { id: 'a', from: at('L2'), to: at('L1') },
      ],
    });
    const batch: UndoOp = { type: 'batch', ops: [{ type: 'trash', ids: ['a'] }, { type: 'list-trash', id: 'l' }] };
    expect(invert(batch)).toEqual({ type: 'batch', ops: [{ type: 'list-untrash', id: 'l' }, { type: 'untrash', ids: ['a'] }] });
  });

  it('keeps at least the last 50 actions (100), forgetting the oldest', () => {
    let h = emptyHistory();
    for (let i = 0; i < 130; i++) h = record(h, { label: `#${i}`, op: { type: 'trash', ids: [String(i)] } });
    expect(h.past).toHaveLength(100);
    expect(h.past[0]?.label).toBe('#30');
    let steps = 0;
    for (let u = undo(h); u; u = undo(h)) {
      h = u.history;
      steps++;
    }
    expect(steps).toBe(100);
  });

  it('drops the redo steps when a new action is recorded after an undo', () => {
    let h = record(emptyHistory(), { label: 'a', op: { type: 'trash', ids: ['a'] } });
    h = undo(h)!.history;
    expect(h.future).toHaveLength(1);
    h = record(h, { label: 'b', op: { type: 'trash', ids: ['b'] } });
    expect(h.future).toHaveLength(0);
    expect(redo(h)).toBeNull();
  });

  it('records only the fields a patch changes, with their values before', () => {
    const task = { id: 't', title: 'A', priority: 'none', tags: ['x'], dueAt: null };
    expect(patchChange(task, { title: 'A', priority: 'high', tags: ['x'], dueAt: '2026-01-01T00:00:00.000Z' })).toEqual({
      id: 't',
      before: { priority: 'none', dueAt: null },
      after: { priority: 'high', dueAt: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('undoing everything then redoing everything replays the same operations (property)', () => {
    const opArb: fc.Arbitrary<UndoOp> = fc.oneof(
      fc.record({ type: fc.constant('trash' as const), ids: fc.array(fc.string(), { maxLength: 3 }) }),
      fc.record({ type: fc.constant('untrash' as const), ids: fc.array(fc.string(), { maxLength: 3 }) }),
      fc.record({ type: fc.constant('list-trash' as const), id: fc.string() }),
      fc.record({
        type: fc.constant('patch' as const),
        changes: fc.array(fc.record({ id: fc.string(), before: fc.dictionary(fc.string(), fc.string()), after: fc.dictionary(fc.string(), fc.string()) }), {
          maxLength: 3,
        }),
      }),
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const entries: UndoEntry[] = ops.map((op, i) => ({ label: String(i), op }));
        let h = emptyHistory();
        for (const e of entries) h = record(h, e);
        const undone: UndoOp[] = [];
        for (let u = undo(h); u; u = undo(h)) {
          undone.push(u.run);
          h = u.history;
        }
        expect(undone).toEqual([...ops].reverse().map(invert));
        const redone: UndoOp[] = [];
        for (let r = redo(h); r; r = redo(h)) {
          redone.push(r.run);
          h = r.history;
        }
        expect(redone).toEqual(ops);
        for (const op of ops) expect(invert(invert(op))).toEqual(op);
      }),
      { numRuns: 100 },
    );
  });
});
