// The virtualized task grid (TanStack Virtual): only visible rows are in the DOM; the next server page is
// fetched as the end comes into view. Keyboard: arrows/Home/End/PageUp/PageDown move, Space toggles,
// Enter edits the title, E opens details, Delete deletes, Esc leaves editing.
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useRef, type KeyboardEvent } from 'react';
import type { Task } from '../../src-shared/task-schemas';
import { isPending } from './task-format';
import { TaskRow, type RowActions } from './task-row';

export const ROW_HEIGHT = 56;

interface TaskListProps {
  items: readonly Task[];
  selectedId: string | null;
  editingId: string | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  now: Date;
  actions: RowActions;
  label: string;
}

export interface TaskListHandle {
  focus: () => void;
}

export const TaskList = forwardRef<TaskListHandle, TaskListProps>(function TaskList(props, ref) {
  const { items, selectedId, editingId, hasNextPage, isFetchingNextPage, fetchNextPage, now, actions, label } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);

  const virtualizer = useVirtualizer({
    count: items.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => items[index]?.id ?? 'loader',
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - 20) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, items.length, fetchNextPage]);

  const selectedIndex = selectedId ? items.findIndex((task) => task.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  function move(to: number) {
    const target = items[Math.max(0, Math.min(items.length - 1, to))];
    if (target) actions.select(target);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const current = items[selectedIndex];
    const handlers: Record<string, () => void> = {
      ArrowDown: () => move(selectedIndex + 1),
      ArrowUp: () => move(selectedIndex < 0 ? 0 : selectedIndex - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      PageDown: () => move(selectedIndex + page),
      PageUp: () => move(selectedIndex - page),
      ' ': () => current && !isPending(current) && actions.toggle(current),
      Enter: () => current && !isPending(current) && actions.startEdit(current),
      e: () => current && !isPending(current) && actions.openDetails(current),
      Delete: () => current && !isPending(current) && actions.remove(current),
      Backspace: () => current && !isPending(current) && actions.remove(current),
    };
    const handler = handlers[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  }

  return (
    <div
      ref={scrollRef}
      className="task-scroll"
      role="grid"
      aria-label={label}
      aria-rowcount={hasNextPage ? -1 : items.length}
      aria-activedescendant={selectedIndex >= 0 ? `task-row-${selectedId}` : undefined}
      aria-busy={isFetchingNextPage}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="task-sizer" role="presentation" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((virtual) => {
          const task = items[virtual.index];
          if (!task) {
            return (
              <div key="loader" role="row" className="task-row loader-row" style={{ transform: `translateY(${virtual.start}px)` }}>
                <div role="gridcell">Loading more tasks…</div>
              </div>
            );
          }
          return (
            <TaskRow
              key={task.id}
              task={task}
              index={virtual.index}
              top={virtual.start}
              height={virtual.size}
              selected={task.id === selectedId}
              editing={task.id === editingId}
              now={now}
              actions={actions}
            />
          );
        })}
      </div>
    </div>
  );
});
