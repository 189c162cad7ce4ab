// The signed-in screen, three panes: the sidebar (views, lists, tags, trash), the list (toolbar, quick add,
// the virtualized rows, bulk actions) and the details panel. The view (place, search, sort, selection) is
// reported upward so that after a session expiry the same user comes back to where they were.
import { closestCenter, DndContext, PointerSensor, pointerWithin, useSensor, useSensors, type CollisionDetection } from '@dnd-kit/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TasksBridge } from '../../src-preload/contract';
import type { OrgTask } from '../api/organize-api';
import { useConfirm } from '../app/confirm-dialog';
import { createDueFormat } from '../dates/due-format';
import { viewerTimeZone } from '../dates/viewer-zone';
import { CommandPalette } from '../organize/command-palette';
import { LIST_DROP_PREFIX, Sidebar } from '../organize/sidebar';
import { useReminderOpen } from '../schedule/use-reminder-open';
import { useScheduleUi } from '../schedule/use-schedule-ui';
import { BulkBar } from './bulk-bar';
import { ListToolbar } from './list-toolbar';
import { ListBusy, ListEmpty, ListError, ListLoading } from './list-states';
import { QuickAdd } from './quick-add';
import { ShortcutsSheet } from './shortcuts-sheet';
import { isPending } from './task-format';
import { TaskDetails } from './task-details';
import { buildEntries, taskEntries } from './task-entries';
import { TaskList, type TaskListHandle } from './task-list';
import { countsRange, DEFAULT_ORDER, isManual, sortable, viewId, viewQueries, type TaskView } from './task-view';
import { Toast, type ToastState } from './toast';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { useOrganizeActions } from './use-organize-actions';
import { viewFilter } from './use-bulk-actions';
import { isMulti, useSelection } from './use-selection';
import { useTasksContext } from './tasks-context';
import { useLists, useTags, useTaskCounts, useTaskList } from './use-task-queries';
import { useDebounced, useMinuteClock } from './use-timing';
import { useViewPrefs } from './use-view-prefs';

/** A drop on a sidebar list wins when the pointer is over it; among rows, the one closest to the dragged row. */
const collision: CollisionDetection = (args) => {
  const onList = pointerWithin(args).find((c) => String(c.id).startsWith(LIST_DROP_PREFIX));
  if (onList) return [onList];
  return closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => !String(c.id).startsWith(LIST_DROP_PREFIX)) });
};

export interface RememberedView extends TaskView {
  selectedId: string | null;
}

export interface HeaderControls {
  openShortcuts: () => void;
  openPalette: () => void;
}

interface TasksScreenProps {
  initialView: RememberedView;
  onViewChange: (view: RememberedView) => void;
  header: (controls: HeaderControls) => ReactNode;
  /** The bridge's reminders (`reminder:open-task`): a clicked notification opens its task here. */
  reminders?: TasksBridge['reminders'];
  /** Start with focus in the quick add (a new account's first thing to do; focus was on nothing). */
  focusQuickAdd?: boolean;
}

export function TasksScreen({ initialView, onViewChange, header, reminders, focusQuickAdd: startInQuickAdd = false }: TasksScreenProps) {
  const { selectedId: initialSelected, ...initialState } = initialView;
  const [state, setState] = useState<TaskView>(initialState);
  const sel = useSelection(initialSelected);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [toast, setToast] = useState<ToastState | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [prefs, setPrefs] = useViewPrefs();
  const quickAddRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<TaskListHandle>(null);

  const now = useMinuteClock();
  // Read the zone again each minute: a system zone change moves "today" with it.
  const range = useMemo(() => countsRange(now, viewerTimeZone()), [now]);
  const dueFormat = useMemo(() => createDueFormat(range.timeZone), [range.timeZone]);
  const [pickingDate, setPickingDate] = useState(false);
  const [pickingStart, setPickingStart] = useState(false);
  const search = useDebounced(state.search, 200);
  const lists = useLists();
  const tags = useTags();
  const counts = useTaskCounts(range);
  const inbox = lists.data?.find((l) => l.isInbox) ?? null;
  const queries = useMemo(() => viewQueries({ ...state, search }, range, inbox?.id ?? null), [state, search, range, inbox?.id]);
  const openList = useTaskList(queries?.open ?? null);
  const doneList = useTaskList(queries?.done ?? null);
  const startList = useTaskList(queries?.starts ?? null);
  const manual = isManual({ ...state, search });
  const trash = state.view.kind === 'trash';
  const entries = useMemo(
    () =>
      buildEntries({
        view: state.view,
        open: openList.items,
        done: queries?.done ? doneList.items : null,
        starts: queries?.starts ? startList.items : null,
        now,
        format: dueFormat,
        tree: manual,
        collapsed,
      }),
    [state.view, openList.items, doneList.items, startList.items, queries?.done, queries?.starts, now, dueFormat, manual, collapsed],
  );
  const visible = useMemo(() => taskEntries(entries).map((e) => e.task), [entries]);
  const order = useMemo(() => visible.map((t) => t.id), [visible]);

  // Select all: the server counts the whole view (every page), for the bulk bar's "500 selected".
  const { bulk: bulkApi, userId } = useTasksContext();
  const allFilter = useMemo(() => (queries ? viewFilter(queries.open, state.showCompleted) : null), [queries, state.showCompleted]);
  const allCount = useQuery({
    queryKey: ['bulk-count', userId, allFilter],
    queryFn: ({ signal }) => bulkApi.count(allFilter ?? {}, signal),
    enabled: Boolean(sel.selection.all && allFilter),
  });

  const remember = (next: Partial<RememberedView>) => onViewChange({ ...state, selectedId: sel.selection.cursorId, ...next });
  const changeView = useCallback(
    (next: Partial<TaskView>) => {
      setState((prev) => ({ ...prev, ...next }));
      onViewChange({ ...state, ...next, selectedId: sel.selection.cursorId });
    },
    [onViewChange, sel.selection.cursorId, state],
  );

  const confirm = useConfirm();
  useEffect(() => {
    if (startInQuickAdd) quickAddRef.current?.focus();
  }, [startInQuickAdd]);
  const showToast = useCallback((next: Omit<ToastState, 'id'>) => setToast({ ...next, id: Date.now() }), []);
  const dismissToast = useCallback(() => setToast(null), []);
  const announce = useCallback((message: string) => setAnnouncement(message), []);

  // After the palette closes (it returns focus to where it was opened), move focus on.
  const focusQuickAdd = useCallback(() => setTimeout(() => quickAddRef.current?.focus(), 0), []);
  const focusSearch = useCallback(() => setTimeout(() => searchRef.current?.focus(), 0), []);
  const org = useOrganizeActions({
    state,
    changeView,
    range,
    inbox,
    lists: lists.data ?? [],
    visible,
    order,
    sel,
    queries,
    listRef,
    showToast,
    announce,
    setEditingId,
    setDetailsOpen,
    setCollapsed,
    remember,
    allCount: allCount.data?.count ?? null,
    confirm: confirm.ask,
    clearToast: dismissToast,
    palette: {
      focusQuickAdd,
      focusSearch,
      showShortcuts: () => setSheetOpen(true),
      density: prefs.density,
      setDensity: (density) => setPrefs({ density }),
      toggleSidebar: () => setPrefs({ sidebarCollapsed: !prefs.sidebarCollapsed }),
    },
  });

  useGlobalShortcuts(
    {
      focusQuickAdd: () => quickAddRef.current?.focus(),
      focusSearch: () => searchRef.current?.focus(),
      showShortcuts: () => setSheetOpen(true),
      openPalette: () => setPaletteOpen(true),
      undo: () => void org.undo.undo().then(() => listRef.current?.focus()),
      redo: () => void org.undo.redo().then(() => listRef.current?.focus()),
      pickDate: () => {
        if (!cursorTask || trash || isPending(cursorTask)) return;
        setDetailsOpen(true);
        setPickingDate(true);
      },
      pickStart: () => {
        if (!cursorTask || trash || isPending(cursorTask)) return;
        setDetailsOpen(true);
        setPickingStart(true);
      },
    },
    !sheetOpen && !paletteOpen && !pickingDate && !pickingStart,
  );

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const cursorTask = visible.find((t) => t.id === sel.selection.cursorId) ?? null;
  const selectedIds = useMemo(() => (sel.selection.all ? new Set(order) : sel.selection.ids), [order, sel.selection.all, sel.selection.ids]);
  const selectedCount = sel.selection.all ? (allCount.data?.count ?? null) : visible.filter((t) => selectedIds.has(t.id)).length;
  const running = org.bulk.running;
  useReminderOpen({ reminders, open: org.openTask, showToast });
  const schedule = useScheduleUi({ visible, cursorTask: trash ? null : cursorTask, now, update: org.mutations.update, showToast, keysEnabled: !sheetOpen && !paletteOpen });
  const title = org.viewTitle(state.view);

  let body: ReactNode;
  if (!queries || openList.isPending) body = lists.isError && state.view.kind === 'inbox' ? null : <ListLoading />;
  else if (openList.isError && entries.length === 0) body = <ListError error={openList.error} onRetry={() => void openList.refetch()} />;
  // While a bulk action runs its rows leave the view batch by batch: say what is happening, not "No open tasks".
  else if (entries.length === 0 && running) body = <ListBusy run={running} />;
  else if (entries.length === 0) body = <ListEmpty view={state.view} search={search} onClearSearch={() => changeView({ search: '' })} />;
  else {
    body = (
      <TaskList
        // A different view, search or order starts at the top.
        key={`${viewId(state.view)}|${search}|${state.sort}|${state.order}`}
        ref={listRef}
        entries={entries}
        selectedIds={selectedIds}
        cursorId={sel.selection.cursorId}
        editingId={editingId}
        hasNextPage={openList.hasNextPage || startList.hasNextPage || doneList.hasNextPage}
        isFetchingNextPage={openList.isFetchingNextPage || startList.isFetchingNextPage || doneList.isFetchingNextPage}
        fetchNextPage={() =>
          void (openList.hasNextPage ? openList.fetchNextPage() : startList.hasNextPage ? startList.fetchNextPage() : doneList.fetchNextPage())
        }
        now={now}
        dueFormat={dueFormat}
        actions={org.rowActions}
        keys={org.keyActions}
        label={`${title} tasks`}
        density={prefs.density}
        manual={manual}
        trash={trash}
      />
    );
  }
  if (lists.isError && state.view.kind === 'inbox' && !queries) {
    body = <ListError error={lists.error} onRetry={() => void lists.refetch()} />;
  }

  const classes = ['tasks-screen', detailsOpen && cursorTask && !trash ? 'with-details' : '', prefs.sidebarCollapsed ? 'sidebar-collapsed' : ''];
  return (
    <DndContext sensors={sensors} collisionDetection={collision} onDragEnd={org.onDragEnd} accessibility={{ announcements: org.dragAnnouncements }}>
      <div className={classes.filter(Boolean).join(' ')}>
        {header({ openShortcuts: () => setSheetOpen(true), openPalette: () => setPaletteOpen(true) })}
        <Sidebar
          view={state.view}
          onView={org.goTo}
          lists={lists.data}
          listsError={lists.isError}
          tags={tags.data}
          counts={{ today: counts.data?.today, all: counts.data?.active }}
          collapsed={prefs.sidebarCollapsed}
          onCollapse={(value) => setPrefs({ sidebarCollapsed: value })}
          onCreateList={org.createList}
          onRenameList={org.renameList}
          onDeleteList={org.deleteList}
          onMoveList={org.moveList}
        />
        <main className={`tasks-main density-${prefs.density}`}>
          <ListToolbar
            ref={searchRef}
            title={title}
            search={state.search}
            sort={state.sort}
            order={state.order}
            showCompleted={state.showCompleted}
            hideNotStarted={state.hideNotStarted ?? false}
            density={prefs.density}
            sortable={sortable(state.view)}
            optionsOpen={prefs.optionsOpen}
            onOptionsOpen={(open) => setPrefs({ optionsOpen: open })}
            onSearch={(value) => changeView({ search: value })}
            onSort={(sortKey) => changeView({ sort: sortKey, order: DEFAULT_ORDER[sortKey] })}
            onOrder={(dir) => changeView({ order: dir })}
            onShowCompleted={(show) => changeView({ showCompleted: show })}
            onHideNotStarted={(hide) => changeView({ hideNotStarted: hide })}
            onDensity={(density) => setPrefs({ density })}
            onLeave={() => listRef.current?.focus()}
          />
          {trash ? (
            <div className="trash-bar">
              <span>Deleted tasks stay here for 30 days.</span>
              <button type="button" className="button button-small button-danger" onClick={org.emptyTrash} disabled={visible.length === 0}>
                Empty trash
              </button>
            </div>
          ) : (
            <QuickAdd ref={quickAddRef} onAdd={org.addTask} placeholder={`Add to ${title}…`} lists={lists.data} />
          )}
          {(isMulti(sel.selection) || running) && !trash ? (
            <BulkBar
              count={selectedCount}
              all={Boolean(sel.selection.all)}
              running={running}
              lists={lists.data ?? []}
              onComplete={org.bulk.complete}
              onMove={org.bulk.move}
              onTag={org.bulk.tag}
              onPriority={org.bulk.priority}
              onDelete={org.bulk.remove}
              onClear={() => sel.selectOne(sel.selection.cursorId)}
            />
          ) : null}
          <section
            className="task-panel"
            aria-label={title}
            aria-busy={openList.isFetching}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && detailsOpen) setDetailsOpen(false);
            }}
          >
            {body}
            {openList.isFetching && !openList.isPending ? <div className="refresh-bar" aria-hidden="true" /> : null}
          </section>
          <Toast toast={toast} onDismiss={dismissToast} />
        </main>
        {detailsOpen && cursorTask && !trash ? (
          <TaskDetails
            key={cursorTask.id}
            task={cursorTask}
            lists={lists.data ?? []}
            onSave={(patch) => org.mutations.update(cursorTask, patch)}
            onMoveToList={(listId) => {
              // Say where it went (the panel closes when the task leaves this view), with a way to follow it.
              org.moves.toList(cursorTask, listId);
              const list = lists.data?.find((l) => l.id === listId);
              if (list && listId !== cursorTask.listId) {
                showToast({
                  message: `Moved “${cursorTask.title}” to ${list.name}`,
                  tone: 'info',
                  action: { label: 'Show', run: () => org.goTo(list.isInbox ? { kind: 'inbox' } : { kind: 'list', listId }) },
                });
              }
            }}
            onToggle={() => org.rowActions.toggle(cursorTask)}
            onDelete={() => {
              setDetailsOpen(false);
              org.rowActions.remove(cursorTask);
              listRef.current?.focus();
            }}
            onClose={() => {
              setDetailsOpen(false);
              setPickingDate(false);
              setPickingStart(false);
              listRef.current?.focus();
            }}
            onAddSubtask={(subtitle) => org.addSubtask(cursorTask, subtitle)}
            onOpenTask={(task: OrgTask) => org.openTask(task)}
            sections={schedule.sections(cursorTask)}
            dueFormat={dueFormat}
            now={now}
            pickingDate={pickingDate}
            onPickingDate={setPickingDate}
            onDueNotice={(message) => showToast({ message, tone: 'info' })}
            pickingStart={pickingStart}
            onPickingStart={setPickingStart}
          />
        ) : null}
        <div className="visually-hidden" role="status" aria-live="assertive">
          {announcement}
        </div>
        {sheetOpen ? <ShortcutsSheet onClose={() => setSheetOpen(false)} /> : null}
        {confirm.dialog}
        {schedule.dialog}
        <CommandPalette
          open={paletteOpen}
          onOpenChange={setPaletteOpen}
          lists={lists.data ?? []}
          tags={tags.data ?? []}
          commands={[...org.commands, ...schedule.commands]}
          onView={org.goTo}
          onTask={org.openTask}
        />
      </div>
    </DndContext>
  );
}
