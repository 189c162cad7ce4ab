// Which rows are selected: a cursor (the keyboard's row), a set of selected ids and the anchor of a Shift range.
import { useCallback, useMemo, useState } from 'react';

export interface Selection {
  cursorId: string | null;
  ids: ReadonlySet<string>;
  anchorId: string | null;
  /** Select all (Ctrl+A): every task of the view by the server's filter, loaded or not (`ids` are the loaded ones). */
  all?: boolean;
}

/** Whether more than one task is selected (the bulk bar shows, Esc clears it). */
export function isMulti(sel: Selection): boolean {
  return Boolean(sel.all) || sel.ids.size > 1;
}

export const EMPTY_SELECTION: Selection = { cursorId: null, ids: new Set(), anchorId: null };

/** The next selection after a click or key on `id` in `order` (the visible task ids). Pure. */
export function nextSelection(sel: Selection, id: string, order: readonly string[], mods: { shift: boolean; toggle: boolean }): Selection {
  if (mods.shift) {
    const anchor = sel.anchorId && order.includes(sel.anchorId) ? sel.anchorId : (sel.cursorId ?? id);
    const a = order.indexOf(anchor);
    const b = order.indexOf(id);
    if (a < 0 || b < 0) return { cursorId: id, ids: new Set([id]), anchorId: id };
    const [from, to] = a < b ? [a, b] : [b, a];
    return { cursorId: id, ids: new Set(order.slice(from, to + 1)), anchorId: anchor };
  }
  if (mods.toggle) {
    const ids = new Set(sel.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { cursorId: id, ids, anchorId: id };
  }
  return { cursorId: id, ids: new Set([id]), anchorId: id };
}

export function useSelection(initialCursor: string | null) {
  const [selection, setSelection] = useState<Selection>(() =>
    initialCursor ? { cursorId: initialCursor, ids: new Set([initialCursor]), anchorId: initialCursor } : EMPTY_SELECTION,
  );
  const selectOne = useCallback((id: string | null) => setSelection(id ? { cursorId: id, ids: new Set([id]), anchorId: id } : EMPTY_SELECTION), []);
  return useMemo(() => ({ selection, setSelection, selectOne }), [selection, selectOne]);
}
