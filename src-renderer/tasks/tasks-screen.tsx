// The signed-in screen: header, quick add, filters with counts, search/sort, the virtualized list and the
// details panel. The view (filter, search, sort, selection) is reported upward so that after a session
// expiry the same user comes back to where they were.
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Task } from '../../src-shared/task-schemas';
import { FilterTabs } from './filter-tabs';
import { ListToolbar } from './list-toolbar';
import { ListEmpty, ListError, ListLoading } from './list-states';
import { QuickAdd } from './quick-add';
import { ShortcutsSheet } from './shortcuts-sheet';
import { TaskDetails } from './task-details';
import { TaskList, type TaskListHandle } from './task-list';
import type { RowActions } from './task-row';
import { countsRange, FILTERS, listParams, type TaskView } from './task-view';
import { Toast, type ToastState } from './toast';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { useTaskMutations } from './use-task-mutations';
import { useTaskCounts, useTaskList } from './use-task-queries';
import { useDebounced, useMinuteClock } from './use-timing';

export interface RememberedView extends TaskView {
  selectedId: string | null;
}

interface TasksScreenProps {
  initialView: RememberedView;
  onViewChange: (view: RememberedView) => void;
  header: (openShortcuts: () => void) => ReactNode;
}

export function TasksScreen({ initialView, onViewChange, header }: TasksScreenProps) {
  const [view, setView] = useState<TaskView>({ filter: initialView.filter, search: initialView.search, sort: initialView.sort });
  const [selectedId, setSelectedId] = useState<string | null>(initialView.selectedId);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [toast, setToast] = useState<ToastState | null>(null);
  const lastDeleted = useRef<Task | null>(null);
  const quickAddRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<TaskListHandle>(null);

  const now = useMinuteClock();
  const range = useMemo(() => countsRange(now), [now]);
  const search = useDebounced(view.search, 200);
  const params = useMemo(() => listParams({ ...view, search }, range), [view, search, range]);
  const list = useTaskList(params);
  const counts = useTaskCounts(range);
  const items = list.items;

  const remember = (next: Partial<RememberedView>) =>
    onViewChange({ ...view, selectedId, ...next });
  const changeView = (next: Partial<TaskView>) => {
    setView((prev) => ({ ...prev, ...next }));
    remember(next);
  };
  const select = useCallback(
    (id: string | null) => {
      setSelectedId(id);
      onViewChange({ ...view, selectedId: id });
    },
    [onViewChange, view],
  );

  const showToast = useCallback((next: Omit<ToastState, 'id'>) => setToast({ ...next, id: Date.now() }), []);
  const dismissToast = useCallback(() => setToast(null), []);

  const mutations = useTaskMutations({
    onError: (message) => showToast({ message, tone: 'error' }),
    onDeleted: (task) => {
      lastDeleted.current = task;
      showToast({ message: `Deleted “${task.title}”`, tone: 'info', action: { label: 'Undo', run: () => undo() } });
    },
  });

  function undo() {
    const task = lastDeleted.current;
    if (!task) return;
    lastDeleted.current = null;
    setToast(null);
    mutations
      .restore(task)
      .then((restored) => {
        select(restored.id);
        showToast({ message: `Restored “${restored.title}”`, tone: 'info' });
      })
      .catch(() => undefined);
  }

  const selectedTask = items.find((task) => task.id === selectedId) ?? null;

  const actions: RowActions = useMemo(
    () => ({
      select: (task) => select(task.id),
      toggle: (task) => mutations.toggle(task),
      startEdit: (task) => {
        select(task.id);
        setEditingId(task.id);
      },
      commitTitle: (task, title) => {
        setEditingId(null);
        if (title.trim() && title.trim() !== task.title) mutations.update(task.id, { title: title.trim() });
        listRef.current?.focus();
      },
      cancelEdit: () => {
        setEditingId(null);
        listRef.current?.focus();
      },
      remove: (task) => {
        const index = items.findIndex((t) => t.id === task.id);
        const next = items[index + 1] ?? items[index - 1] ?? null;
        if (task.id === selectedId) select(next?.id ?? null);
        mutations.remove(task);
      },
      openDetails: (task) => {
        select(task.id);
        setDetailsOpen(true);
      },
    }),
    [items, mutations, select, selectedId],
  );

  useGlobalShortcuts(
    {
      focusQuickAdd: () => quickAddRef.current?.focus(),
      focusSearch: () => searchRef.current?.focus(),
      showShortcuts: () => setSheetOpen(true),
      undo,
    },
    !sheetOpen,
  );

  const filterLabel = FILTERS.find((f) => f.key === view.filter)?.label ?? 'All';
  let body: ReactNode;
  if (list.isPending) body = <ListLoading />;
  else if (list.isError && items.length === 0) body = <ListError error={list.error} onRetry={() => void list.refetch()} />;
  else if (items.length === 0) body = <ListEmpty filter={view.filter} search={search} onClearSearch={() => changeView({ search: '' })} />;
  else {
    body = (
      <TaskList
        key={`${view.filter}|${search}|${view.sort}`}
        ref={listRef}
        items={items}
        selectedId={selectedId}
        editingId={editingId}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={() => void list.fetchNextPage()}
        now={now}
        actions={actions}
        label={`${filterLabel} tasks`}
      />
    );
  }

  return (
    <div className={`tasks-screen${detailsOpen && selectedTask ? ' with-details' : ''}`}>
      {header(() => setSheetOpen(true))}
      <main className="tasks-main">
        <QuickAdd ref={quickAddRef} onAdd={(input) => mutations.create(input)} />
        <div className="list-head">
          <FilterTabs value={view.filter} counts={counts.data} onChange={(filter) => changeView({ filter })} />
          <ListToolbar
            ref={searchRef}
            search={view.search}
            sort={view.sort}
            onSearch={(value) => changeView({ search: value })}
            onSort={(sort) => changeView({ sort })}
            onLeave={() => listRef.current?.focus()}
          />
        </div>
        <section
          id="task-panel"
          className="task-panel"
          role="tabpanel"
          aria-labelledby={`filter-${view.filter}`}
          aria-busy={list.isFetching}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && detailsOpen) setDetailsOpen(false);
          }}
        >
          {body}
          {list.isFetching && !list.isPending ? <div className="refresh-bar" aria-hidden="true" /> : null}
        </section>
      </main>
      {detailsOpen && selectedTask ? (
        <TaskDetails
          key={selectedTask.id}
          task={selectedTask}
          onSave={(patch) => mutations.update(selectedTask.id, patch)}
          onToggle={() => mutations.toggle(selectedTask)}
          onDelete={() => {
            setDetailsOpen(false);
            actions.remove(selectedTask);
          }}
          onClose={() => {
            setDetailsOpen(false);
            listRef.current?.focus();
          }}
        />
      ) : null}
      <Toast toast={toast} onDismiss={dismissToast} />
      {sheetOpen ? <ShortcutsSheet onClose={() => setSheetOpen(false)} /> : null}
    </div>
  );
}
