// Everything the task screen can do, in one place: row and keyboard actions, adding (with a word when the new
// task is hidden by the view), lists, the trash, moves, undo/redo and the palette's commands. Bulk actions are
// in use-bulk-actions.ts.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { TaskCreateInput } from '../../src-shared/task-schemas';
import type { ConfirmRequest } from '../app/confirm-dialog';
import { describeError } from '../api/api-error';
import type { OrgTask, TaskListInfo } from '../api/organize-api';
import type { CountsRange, ListParams } from '../api/tasks-api';
import type { DragEndEvent } from '@dnd-kit/core';
import { LIST_DROP_PREFIX, LIST_SORT_PREFIX } from '../organize/sidebar';
import { useUndo } from '../organize/use-undo';
import { advancedToast, animateAdvanced } from '../schedule/recurring-feedback';
import { listMatches } from './optimistic';
import { organizeKeys } from './query-keys';
import type { ListKeyActions, TaskListHandle } from './task-list';
import type { RowActions, SelectMods } from './task-row';
import { addTarget, sameView, type TaskView, type ViewKey } from './task-view';
import { restoreMessage } from './restore-message';
import type { ToastState } from './toast';
import { dragWords, paletteCommands, type PaletteExtras } from './organize-commands';
import { useListActions } from './use-list-actions';
import { useBulkActions, viewFilter, type BulkTarget } from './use-bulk-actions';
import { isMulti, nextSelection, type Selection } from './use-selection';
import { siblingsOf, useTaskMoves } from './use-task-moves';
import { useTaskMutations, type NewTask } from './use-task-mutations';
import { useTasksContext } from './tasks-context';

interface Options {
  state: TaskView;
  changeView: (next: Partial<TaskView>) => void;
  range: CountsRange;
  inbox: TaskListInfo | null;
  lists: readonly TaskListInfo[];
  visible: readonly OrgTask[];
  order: readonly string[];
  sel: { selection: Selection; setSelection: Dispatch<SetStateAction<Selection>>; selectOne: (id: string | null) => void };
  queries: { open: ListParams; done: ListParams | null } | null;
  listRef: RefObject<TaskListHandle | null>;
  showToast: (toast: Omit<ToastState, 'id'>) => void;
  announce: (message: string) => void;
  setEditingId: (id: string | null) => void;
  setDetailsOpen: (open: boolean) => void;
  setCollapsed: Dispatch<SetStateAction<ReadonlySet<string>>>;
  remember: (next: { selectedId: string | null }) => void;
  palette: PaletteExtras;
  /** How many tasks the whole view has (the server's count), once select all asked for it. */
  allCount: number | null;
  /** The app's own confirmation dialog (never the browser's confirm()). */
  confirm: (request: ConfirmRequest) => Promise<boolean>;
  clearToast: () => void;
}


const VIEW_TITLES: Record<Exclude<ViewKey['kind'], 'list' | 'tag'>, string> = {
  inbox: 'Inbox',
  today: 'Today',
  upcoming: 'Upcoming',
  all: 'All tasks',
  trash: 'Trash',
};

export function useOrganizeActions(o: Options) {
  const { api, organize, bulk: bulkApi, userId } = useTasksContext();
  const client = useQueryClient();
  const { selection, setSelection, selectOne } = o.sel;
  const { showToast, announce, listRef } = o;

  const refreshOrganize = useCallback(() => void client.invalidateQueries({ queryKey: organizeKeys.user(userId) }), [client, userId]);
  // Undo steps are recorded through a ref-stable callback (mutations are created before the history).
  const undoRef = useRef<ReturnType<typeof useUndo> | null>(null);
  // A toast's Undo button disappears as it is clicked: the keyboard goes back to the list at once (not after
  // the request, or keys typed meanwhile would land on the page), and again once the undo has landed.
  const undoFromToast = useCallback(() => {
    listRef.current?.focus();
    void undoRef.current?.undo().then(() => listRef.current?.focus());
  }, [listRef]);
  const mutations = useTaskMutations({
    onError: (message) => showToast({ message, tone: 'error' }),
    onDone: (entry) => undoRef.current?.record(entry),
    onAdvanced: (tasks) => {
      animateAdvanced(tasks);
      showToast(advancedToast(tasks, undoFromToast));
    },
  });
  const firstSibling = useCallback(
    (to: { listId: string | null; parentId: string | null }) => siblingsOf(o.visible, to.parentId, to.listId ?? undefined)[0]?.id ?? null,
    [o.visible],
  );
  const undo = useUndo({
    apis: { api, organize, bulk: bulkApi },
    settle: () => mutations.settle(true),
    onMessage: (message) => showToast({ message, tone: 'info' }),
    onError: (message) => showToast({ message, tone: 'error' }),
    firstSibling,
  });
  useEffect(() => {
    undoRef.current = undo;
  }, [undo]);

  const listName = useCallback((listId: string) => o.lists.find((l) => l.id === listId)?.name ?? 'the list', [o.lists]);
  const viewTitle = useCallback(
    (view: ViewKey) => {
      if (view.kind === 'list') return listName(view.listId);
      if (view.kind === 'tag') return `@${view.tag}`;
      return VIEW_TITLES[view.kind];
    },
    [listName],
  );

  const moves = useTaskMoves({
    items: o.visible,
    order: o.order,
    move: mutations.move,
    announce,
    listName,
    expand: (id) => o.setCollapsed((prev) => (prev.has(id) ? new Set([...prev].filter((x) => x !== id)) : prev)),
  });

  const select = useCallback(
    (task: OrgTask, mods: SelectMods = { shift: false, toggle: false }) => {
      setSelection((prev) => nextSelection(prev, task.id, o.order, mods));
      o.remember({ selectedId: task.id });
    },
    [o, setSelection],
  );

  /** The row after (or before) these tasks, for the cursor once they leave the view. */
  const neighbourOf = useCallback(
    (tasks: readonly OrgTask[]) => {
      const gone = new Set(tasks.map((t) => t.id));
      const last = Math.max(...tasks.map((t) => o.order.indexOf(t.id)));
      const first = Math.min(...tasks.map((t) => o.order.indexOf(t.id)));
      return o.order.slice(last + 1).find((id) => !gone.has(id)) ?? o.order.slice(0, first).reverse().find((id) => !gone.has(id)) ?? null;
    },
    [o.order],
  );
  const bulkRuns = useBulkActions({
    undo,
    showToast,
    announce,
    settle: () => mutations.settle(true),
    listName,
    timeZone: o.range.timeZone,
  });
  /** What a bulk action acts on: the whole view after select all, else the selected rows. */
  const bulkTarget = useCallback((): BulkTarget => {
    if (selection.all && o.queries) {
      return { request: { filter: viewFilter(o.queries.open, o.state.showCompleted) }, count: o.allCount ?? o.order.length };
    }
    const ids = o.order.filter((id) => selection.ids.has(id));
    // The occurrence each selected recurring task showed, so a repeated or concurrent complete skips none.
    const occurrences: Record<string, string> = {};
    for (const t of o.visible) {
      const due = t.dueAt ?? t.dueDate;
      if (t.recurrence && due && selection.ids.has(t.id)) occurrences[t.id] = due;
    }
    return { request: { ids }, count: ids.length, occurrences };
  }, [o.allCount, o.order, o.queries, o.state.showCompleted, o.visible, selection.all, selection.ids]);
  /** Whether acting on `task` means the multi-selection (it is part of it). */
  const actsOnSelection = useCallback(
    (task: OrgTask) => isMulti(selection) && (selection.all || selection.ids.has(task.id)),
    [selection],
  );

  const complete = useCallback(
    (tasks: readonly OrgTask[], completed: boolean) => {
      // Completing in a view of open tasks takes the rows away: the cursor stays at the same place in the list.
      // A recurring task stays (it moves to its next occurrence), and so does the cursor on it.
      const leaving = completed ? tasks.filter((t) => !t.recurrence) : [];
      if (leaving.some((t) => t.id === selection.cursorId)) selectOne(neighbourOf(leaving));
      mutations.setCompleted(tasks, completed);
      const one = tasks.length === 1 ? tasks[0] : undefined;
      // Like Delete: say what happened, with Undo (a recurring task's own word comes from the schedule feedback).
      if (one && !one.recurrence) {
        showToast({
          message: `${completed ? 'Completed' : 'Reopened'} “${one.title}”`,
          tone: 'info',
          action: { label: 'Undo', run: undoFromToast },
        });
      }
    },
    [mutations, neighbourOf, selectOne, selection.cursorId, showToast, undoFromToast],
  );
  const remove = useCallback(
    (tasks: readonly OrgTask[]) => {
      if (tasks.some((t) => selection.ids.has(t.id))) selectOne(neighbourOf(tasks));
      mutations.remove(tasks);
      const label = tasks.length === 1 && tasks[0] ? `Deleted “${tasks[0].title}”` : `Deleted ${tasks.length} tasks`;
      showToast({ message: label, tone: 'info', action: { label: 'Undo', run: undoFromToast } });
      listRef.current?.focus();
    },
    [listRef, mutations, neighbourOf, selectOne, selection.ids, showToast, undoFromToast],
  );

  const settleTrash = useCallback(() => mutations.settle(true), [mutations]);
  const rowActions: RowActions = useMemo(
    () => ({
      select,
      toggle: (task) => {
        if (!actsOnSelection(task)) return complete([task], !task.completed);
        const target = bulkTarget();
        selectOne(null);
        bulkRuns.complete(target, !task.completed);
      },
      startEdit: (task) => {
        selectOne(task.id);
        o.setEditingId(task.id);
      },
      commitTitle: (task, title) => {
        o.setEditingId(null);
        if (title.trim() && title.trim() !== task.title) mutations.update(task, { title: title.trim() });
        listRef.current?.focus();
      },
      cancelEdit: () => {
        o.setEditingId(null);
        listRef.current?.focus();
      },
      remove: (task) => {
        if (!actsOnSelection(task)) return remove([task]);
        const target = bulkTarget();
        selectOne(null);
        bulkRuns.remove(target);
        listRef.current?.focus();
      },
      openDetails: (task) => {
        selectOne(task.id);
        o.setDetailsOpen(true);
      },
      toggleCollapsed: (task) =>
        o.setCollapsed((prev) => {
          const next = new Set(prev);
          if (next.has(task.id)) next.delete(task.id);
          else next.add(task.id);
          return next;
        }),
      restore: (task) => {
        selectOne(neighbourOf([task]));
        api
          .untrash(task.id)
          .then((restored) => {
            undo.record({ label: `Restore “${task.title}”`, op: { type: 'untrash', ids: [task.id] } });
            showToast({ message: restoreMessage(task.title, restored.restoredTo), tone: 'info' });
          })
          .catch((error: unknown) => showToast({ message: `Could not restore: ${describeError(error)}`, tone: 'error' }))
          .finally(settleTrash);
      },
      purge: (task) =>
        void o
          .confirm({ title: 'Delete for good?', message: `“${task.title}” will be deleted for good. This cannot be undone.`, confirmLabel: 'Delete for good', danger: true })
          .then((yes) => {
            // The row's button that asked is gone or going: the keyboard goes back to the list.
            listRef.current?.focus();
            if (!yes) return;
            selectOne(neighbourOf([task]));
            organize
              .purge(task.id)
              .catch((error: unknown) => showToast({ message: `Could not delete: ${describeError(error)}`, tone: 'error' }))
              .finally(settleTrash);
          }),
    }),
    [actsOnSelection, api, bulkRuns, bulkTarget, complete, listRef, mutations, neighbourOf, o, organize, remove, select, selectOne, settleTrash, showToast, undo],
  );

  const keyActions: ListKeyActions = {
    moveCursor: (task, extend) => select(task, { shift: extend, toggle: false }),
    // Every task of the view by the server's filter, not only the loaded rows (the bar shows the server's count).
    selectAll: () => setSelection({ cursorId: selection.cursorId ?? o.order[0] ?? null, ids: new Set(o.order), anchorId: o.order[0] ?? null, all: true }),
    clearSelection: () => {
      if (!isMulti(selection)) return false;
      selectOne(selection.cursorId);
      return true;
    },
    reorder: moves.reorder,
    nest: moves.nest,
    expand: (task, open) =>
      o.setCollapsed((prev) => {
        const next = new Set(prev);
        if (open) next.delete(task.id);
        else next.add(task.id);
        return next;
      }),
  };

  const goTo = useCallback(
    (view: ViewKey) => {
      // A toast belongs to the view it was said in ("Restored …" stayed on screen under later views).
      o.clearToast();
      o.setDetailsOpen(false);
      selectOne(null);
      o.changeView({ view, search: '' });
      setTimeout(() => listRef.current?.focus(), 0);
    },
    [listRef, o, selectOne],
  );

  const openTask = useCallback(
    (task: OrgTask) => {
      const here = o.visible.some((t) => t.id === task.id);
      if (!here) o.changeView({ view: task.listId ? (task.listId === o.inbox?.id ? { kind: 'inbox' } : { kind: 'list', listId: task.listId }) : { kind: 'all' }, search: '', showCompleted: task.completed || o.state.showCompleted });
      selectOne(task.id);
      o.setDetailsOpen(true);
    },
    [o, selectOne],
  );

  const addTask = useCallback(
    async (input: TaskCreateInput & Partial<NewTask>) => {
      const target = addTarget(o.state.view, o.inbox?.id ?? null, o.range);
      const body: NewTask = { ...input };
      // A #list, @tags or a date typed in quick add win over the view's defaults (tags add up).
      if (target.listId && !body.listId) body.listId = target.listId;
      if (target.tags) body.tags = [...(body.tags ?? []), ...target.tags];
      // Added in Today: due today, all day, on the viewer's calendar (was 23:59:59.999, shown as a time).
      if (target.dueDate && !body.dueAt && !body.dueDate) body.dueDate = target.dueDate;
      const task = await mutations.create(body);
      if (!task) return false;
      // The view (a search, a filter) hides the new task: say where it went, with a way to see it.
      if (o.queries && !listMatches({ ...o.queries.open, q: o.state.search.trim() || undefined }, task)) {
        const where = task.listId ? listName(task.listId) : 'your tasks';
        showToast({
          message: `Added “${task.title}” to ${where}. It is hidden by the current ${o.state.search.trim() ? 'search' : 'view'}.`,
          tone: 'info',
          action: {
            label: 'Show',
            run: () => {
              o.changeView({
                view: task.listId ? (task.listId === o.inbox?.id ? { kind: 'inbox' } : { kind: 'list', listId: task.listId }) : { kind: 'all' },
                search: '',
              });
              selectOne(task.id);
              listRef.current?.focus();
            },
          },
        });
      }
      return true;
    },
    [listName, listRef, mutations, o, selectOne, showToast],
  );

  const addSubtask = useCallback(
    async (parent: OrgTask, title: string) => {
      const task = await mutations.create({ title, parentId: parent.id, ...(parent.listId ? { listId: parent.listId } : {}) });
      return task !== null;
    },
    [mutations],
  );

  const listActions = useListActions({ lists: o.lists, undo, showToast, announce, refreshOrganize, onDeleted: (list) => {
    if (sameView(o.state.view, { kind: 'list', listId: list.id })) goTo({ kind: 'inbox' });
    mutations.settle(true);
  } });
  const { createList, renameList, deleteList, moveList, placeList } = listActions;

  const onDragEnd = useCallback(
    (event: DragEndEvent) => {
      const active = String(event.active.id);
      if (!active.startsWith(LIST_SORT_PREFIX)) return moves.onDragEnd(event);
      const list = o.lists.find((l) => l.id === active.slice(LIST_SORT_PREFIX.length));
      const over = event.over ? String(event.over.id).replace(LIST_SORT_PREFIX, '').replace(LIST_DROP_PREFIX, '') : null;
      if (list && over) placeList(list, over);
    },
    [moves, o.lists, placeList],
  );

  /** The bulk bar's actions: on the whole selection (or view), then the selection is cleared. */
  const bulk = {
    running: bulkRuns.running,
    complete: () => (bulkRuns.complete(bulkTarget()), selectOne(null)),
    remove: () => (bulkRuns.remove(bulkTarget()), selectOne(null)),
    priority: (priority: Parameters<typeof bulkRuns.priority>[1]) => bulkRuns.priority(bulkTarget(), priority),
    tag: (tag: string, add: boolean) => bulkRuns.tag(bulkTarget(), tag, add),
    move: (listId: string) => (bulkRuns.move(bulkTarget(), listId), selectOne(null)),
  };

  const { confirm } = o;
  const emptyTrash = useCallback(() => {
    void confirm({ title: 'Empty the trash?', message: 'Every task in the trash will be deleted for good. This cannot be undone.', confirmLabel: 'Empty trash', danger: true }).then(
      (yes) => {
        if (!yes) return;
        organize
          .emptyTrash()
          .then(() => showToast({ message: 'The trash is empty.', tone: 'info' }))
          .catch((error: unknown) => showToast({ message: `Could not empty the trash: ${describeError(error)}`, tone: 'error' }))
          .finally(() => mutations.settle(true));
      },
    );
  }, [confirm, mutations, organize, showToast]);

  const commands = paletteCommands({ palette: o.palette, undo, showCompleted: o.state.showCompleted, changeView: o.changeView, emptyTrash });
  const dragAnnouncements = dragWords(o.visible, o.lists);

  return { mutations, undo, moves, onDragEnd, rowActions, keyActions, goTo, viewTitle, openTask, addTask, addSubtask, createList, renameList, deleteList, moveList, bulk, emptyTrash, commands, dragAnnouncements };
}
