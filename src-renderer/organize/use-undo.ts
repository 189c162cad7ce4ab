// The session's undo history in React: records finished actions, and runs undo (Ctrl+Z) / redo (Ctrl+Shift+Z)
// one at a time, in order. A step that the server refuses stays where it was, with a message.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../api/api-error';
import { runOp, type OpApis } from './run-undo-op';
import { emptyHistory, record, redo, undo, type Placement, type UndoEntry, type UndoHistory } from './undo-history';

export interface UndoOptions {
  apis: OpApis;
  /** After a step ran: refresh what the server changed. */
  settle: () => void;
  onMessage: (message: string) => void;
  onError: (message: string) => void;
  firstSibling: (to: Placement) => string | null;
}

export interface UndoControls {
  record: (entry: UndoEntry) => void;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  canUndo: string | null;
  canRedo: string | null;
}

export function useUndo(options: UndoOptions): UndoControls {
  const [history, setHistory] = useState<UndoHistory>(emptyHistory);
  const current = useRef(history);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });

  const set = useCallback((next: UndoHistory) => {
    current.current = next;
    setHistory(next);
  }, []);

  const step = useCallback(
    (which: 'undo' | 'redo') => {
      queue.current = queue.current.then(async () => {
        const before = current.current;
        const next = which === 'undo' ? undo(before) : redo(before);
        const { apis, settle, onMessage, onError, firstSibling } = opts.current;
        if (!next) {
          onMessage(which === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
          return;
        }
        set(next.history);
        try {
          await runOp(next.run, apis, firstSibling);
          onMessage(`${which === 'undo' ? 'Undone' : 'Redone'}: ${next.entry.label}`);
        } catch (error) {
          set(before);
          onError(`Could not ${which} “${next.entry.label}”: ${describeError(error)}`);
        } finally {
          settle();
        }
      });
      return queue.current;
    },
    [set],
  );

  const add = useCallback((entry: UndoEntry) => set(record(current.current, entry)), [set]);
  return useMemo(
    () => ({
      record: add,
      undo: () => step('undo'),
      redo: () => step('redo'),
      canUndo: history.past[history.past.length - 1]?.label ?? null,
      canRedo: history.future[0]?.label ?? null,
    }),
    [add, step, history],
  );
}
