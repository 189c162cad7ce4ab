// The virtualized task grid (TanStack Virtual): only visible rows are in the DOM; the next server page is
// fetched as the end comes into view. Keyboard: arrows/Home/End/PageUp/PageDown move (Shift extends the
// selection, Ctrl+A selects all), Space completes, Enter renames, E opens details, Delete deletes,
// Alt+↑/↓ reorders, Alt+→/← (or Tab/Shift+Tab) nests and un-nests, → / ← expand and collapse subtasks.
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, type KeyboardEvent } from 'react';
import type { OrgTask } from '../api/organize-api';
import type { DueFormat } from '../dates/due-format';
import type { Entry } from './task-entries';
import { StartRow } from '../start/start-row';
import { isPending } from './task-format';
import { TaskRow, type RowActions } from './task-row';

export type Density = 'comfortable' | 'compact';
export const ROW_HEIGHTS: Record<Density, number> = { comfortable: 48, compact: 34 };
const HEADER_HEIGHT = 30;

export interface ListKeyActions {
  moveCursor: (task: OrgTask, extend: boolean) => void;
  selectAll: () => void;
  /** Esc: clears a multi-selection; false when there was none (Esc then goes on, e.g. to close the details). */
  clearSelection: () => boolean;
  reorder: (task: OrgTask, direction: 'up' | 'down') => void;
  nest: (task: OrgTask, direction: 'in' | 'out') => void;
  expand: (task: OrgTask, open: boolean) => void;
}

interface TaskListProps {
  entries: readonly Entry[];
  selectedIds: ReadonlySet<string>;
  cursorId: string | null;
  editingId: string | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  now: Date;
  dueFormat: DueFormat;
  actions: RowActions;
  keys: ListKeyActions;
  label: string;
  density: Density;
  /** Manual order: rows can be dragged and moved with Alt+arrows. */
  manual: boolean;
  trash: boolean;
}

export interface TaskListHandle {
  focus: () => void;
}

export const TaskList = forwardRef<TaskListHandle, TaskListProps>(function TaskList(props, ref) {
  const { entries, selectedIds, cursorId, editingId, hasNextPage, isFetchingNextPage, fetchNextPage, now, dueFormat, actions, keys, label, density, manual, trash } =
    props;
  const scrollRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);
  const rowHeight = ROW_HEIGHTS[density];

  const virtualizer = useVirtualizer({
    count: entries.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (entries[index]?.kind === 'header' ? HEADER_HEIGHT : rowHeight),
    overscan: 8,
    getItemKey: (index) => entries[index]?.key ?? 'loader',
  });
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= entries.length - 20) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, entries.length, fetchNextPage]);

  // Row positions among entries, for keyboard movement (headers are skipped).
  const taskIndexes = useMemo(() => {
    const out: number[] = [];
    entries.forEach((entry, i) => entry.kind === 'task' && out.push(i));
    return out;
  }, [entries]);
  const ids = useMemo(() => (manual ? entries.flatMap((e) => (e.kind === 'task' ? [e.key] : [])) : []), [entries, manual]);
  const cursorIndex = cursorId ? entries.findIndex((entry) => entry.key === cursorId) : -1;
  useEffect(() => {
    if (cursorIndex >= 0) virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [cursorIndex, virtualizer]);

  function taskAt(position: number): OrgTask | undefined {
    const index = taskIndexes[Math.max(0, Math.min(taskIndexes.length - 1, position))];
    const entry = index === undefined ? undefined : entries[index];
    return entry?.kind === 'task' ? entry.task : undefined;
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget || event.metaKey) return;
    const pos = taskIndexes.indexOf(cursorIndex);
    const current = cursorIndex >= 0 ? entries[cursorIndex] : undefined;
    const task = current?.kind === 'task' && !isPending(current.task) ? current.task : undefined;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const go = (to: number) => {
      const target = taskAt(to);
      if (target) keys.moveCursor(target, event.shiftKey);
    };
    const handlers: Record<string, (() => unknown) | undefined> = event.altKey
      ? {
          ArrowUp: () => manual && task && keys.reorder(task, 'up'),
          ArrowDown: () => manual && task && keys.reorder(task, 'down'),
          ArrowRight: () => manual && task && keys.nest(task, 'in'),
          ArrowLeft: () => manual && task && keys.nest(task, 'out'),
        }
      : event.ctrlKey
        ? { a: () => keys.selectAll(), A: () => keys.selectAll() }
        : {
            ArrowDown: () => go(pos + 1),
            ArrowUp: () => go(pos < 0 ? 0 : pos - 1),
            Home: () => go(0),
            End: () => go(taskIndexes.length - 1),
            PageDown: () => go(pos + page),
            PageUp: () => go(pos - page),
            ArrowRight: () => task && current?.kind === 'task' && current.hasChildren && keys.expand(task, true),
            ArrowLeft: () => task && current?.kind === 'task' && current.hasChildren && keys.expand(task, false),
            Tab: manual && task ? () => keys.nest(task, event.shiftKey ? 'out' : 'in') : undefined,
            ' ': () => task && !trash && actions.toggle(task),
            Enter: () => task && !trash && actions.startEdit(task),
            e: () => task && !trash && actions.openDetails(task),
            Delete: () => task && (trash ? actions.purge?.(task) : actions.remove(task)),
            Backspace: () => task && !trash && actions.remove(task),
          };
    if (event.key === 'Escape' && !event.altKey && !event.ctrlKey && keys.clearSelection()) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const handler = handlers[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  }

  const rows = (
    <div className="task-sizer" role="presentation" style={{ height: virtualizer.getTotalSize() }}>
      {virtualItems.map((virtual) => {
        const entry = entries[virtual.index];
        if (!entry) {
          return (
            <div key="loader" role="row" className="task-row loader-row" style={{ top: virtual.start }}>
              <div role="gridcell">Loading more tasks…</div>
            </div>
          );
        }
        if (entry.kind === 'header') {
          return (
            <div key={entry.key} role="row" className="group-row" style={{ top: virtual.start, height: virtual.size }}>
              <div role="columnheader">{entry.label}</div>
            </div>
          );
        }
        if (entry.kind === 'start') {
          return (
            <StartRow
              key={entry.key}
              task={entry.task}
              index={virtual.index}
              top={virtual.start}
              height={virtual.size}
              now={now}
              dueFormat={dueFormat}
              onOpen={actions.openDetails}
            />
          );
        }
        return (
          <TaskRow
            key={entry.key}
            entry={entry}
            index={virtual.index}
            top={virtual.start}
            height={virtual.size}
            selected={selectedIds.has(entry.key)}
            cursor={entry.key === cursorId}
            editing={entry.key === editingId}
            now={now}
            dueFormat={dueFormat}
            actions={actions}
            draggable={manual}
            trash={trash}
          />
        );
      })}
    </div>
  );

  return (
    <div
      ref={scrollRef}
      className={`task-scroll density-${density}`}
      role="treegrid"
      aria-label={label}
      aria-multiselectable="true"
      aria-rowcount={hasNextPage ? -1 : entries.length}
      aria-activedescendant={cursorIndex >= 0 ? `task-row-${cursorId}` : undefined}
      aria-busy={isFetchingNextPage}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {manual ? (
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          {rows}
        </SortableContext>
      ) : (
        rows
      )}
    </div>
  );
});
