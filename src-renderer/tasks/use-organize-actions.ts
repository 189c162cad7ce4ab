// Everything the task screen can do, in one place: row and keyboard actions, adding (with a word when the new
// task is hidden by the view), lists, bulk actions, the trash, moves, undo/redo and the palette's commands.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { Priority, TaskCreateInput } from '../../src-shared/task-schemas';
import { describeError } from '../api/api-error';
import type { OrgTask, TaskListInfo } from '../api/organize-api';
import type { CountsRange, ListParams } from '../api/tasks-api';
import type { DragEndEvent } from '@dnd-kit/core';
import type { PaletteCommand } from '../organize/command-palette';
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
import { nextSelection, type Selection } from './use-selection';
import { siblingsOf, useTaskMoves } from './use-task-moves';
import { useTaskMutations, type NewTask } from './use-task-mutations';
import { useTasksContext } from './tasks-context';
import { placementOf, positionBetween } from './use-task-mutations';
import type { Density } from './task-list';

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
}

interface PaletteExtras {
  focusQuickAdd: () => void;
  focusSearch: () => void;
  showShortcuts: () => void;
  density: Density;
  setDensity: (density: Density) => void;
  toggleSidebar: () => void;
}

const VIEW_TITLES: Record<Exclude<ViewKey['kind'], 'list' | 'tag'>, string> = {
  inbox: 'Inbox',
  today: 'Today',
  upcoming: 'Upcoming',
  all: 'All tasks',
  trash: 'Trash',
};

export function useOrganizeActions(o: Options) {
  const { api, organize, userId } = useTasksContext();
  const client = useQueryClient();
  const { selection, setSelection, selectOne } = o.sel;
  const { showToast, announce, listRef } = o;

  const refreshOrganize = useCallback(() => void client.invalidateQueries({ queryKey: organizeKeys.user(userId) }), [client, userId]);
  // Undo steps are recorded through a ref-stable callback (mutations are created before the history).
  const undoRef = useRef<ReturnType<typeof useUndo> | null>(null);
  const mutations = useTaskMutations({
    onError: (message) => showToast({ message, tone: 'error' }),
    onDone: (entry) => undoRef.current?.record(entry),
    onAdvanced: (tasks) => {
      animateAdvanced(tasks);
      showToast(advancedToast(tasks, () => void undoRef.current?.undo().then(() => listRef.current?.focus())));
    },
  });
  const firstSibling = useCallback(
    (to: { listId: string | null; parentId: string | null }) => siblingsOf(o.visible, to.parentId, to.listId ?? undefined)[0]?.id ?? null,
    [o.visible],
  );
  const undo = useUndo({
    apis: { api, organize },
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
      if (view.kind === 'tag') return `#${view.tag}`;
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
  /** The selection when `task` is acted on: the whole multi-selection if it is part of it. */
  const targets = useCallback(
    (task: OrgTask) => (selection.ids.has(task.id) && selection.ids.size > 1 ? o.visible.filter((t) => selection.ids.has(t.id)) : [task]),
    [o.visible, selection.ids],
  );

  const complete = useCallback(
    (tasks: readonly OrgTask[], completed: boolean) => {
      // Completing in a view of open tasks takes the rows away: the cursor stays at the same place in the list.
      // A recurring task stays (it moves to its next occurrence), and so does the cursor on it.
      const leaving = completed ? tasks.filter((t) => !t.recurrence) : [];
      if (leaving.some((t) => t.id === selection.cursorId)) selectOne(neighbourOf(leaving));
      mutations.setCompleted(tasks, completed);
    },
    [mutations, neighbourOf, selectOne, selection.cursorId],
  );
  const remove = useCallback(
    (tasks: readonly OrgTask[]) => {
      if (tasks.some((t) => selection.ids.has(t.id))) selectOne(neighbourOf(tasks));
      mutations.remove(tasks);
      const label = tasks.length === 1 && tasks[0] ? `Deleted “${tasks[0].title}”` : `Deleted ${tasks.length} tasks`;
      showToast({ message: label, tone: 'info', action: { label: 'Undo', run: () => void undo.undo().then(() => listRef.current?.focus()) } });
      listRef.current?.focus();
    },
    [listRef, mutations, neighbourOf, selectOne, selection.ids, showToast, undo],
  );

  const settleTrash = useCallback(() => mutations.settle(true), [mutations]);
  const rowActions: RowActions = useMemo(
    () => ({
      select,
      toggle: (task) => complete(targets(task), !task.completed),
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
      remove: (task) => remove(targets(task)),
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
      purge: (task) => {
        if (!window.confirm(`Delete “${task.title}” for good? This cannot be undone.`)) return;
        selectOne(neighbourOf([task]));
        organize
          .purge(task.id)
          .catch((error: unknown) => showToast({ message: `Could not delete: ${describeError(error)}`, tone: 'error' }))
          .finally(settleTrash);
      },
    }),
    [api, complete, listRef, mutations, neighbourOf, o, organize, remove, select, selectOne, settleTrash, showToast, targets, undo],
  );

  const keyActions: ListKeyActions = {
    moveCursor: (task, extend) => select(task, { shift: extend, toggle: false }),
    selectAll: () => setSelection({ cursorId: selection.cursorId ?? o.order[0] ?? null, ids: new Set(o.order), anchorId: o.order[0] ?? null }),
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
      if (target.dueToday && !body.dueAt && !body.dueDate) body.dueDate = o.range.today;
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

  const listAction = useCallback(
    async (verb: string, run: () => Promise<unknown>) => {
      try {
        await run();
        return true;
      } catch (error) {
        showToast({ message: `Could not ${verb}: ${describeError(error)}`, tone: 'error' });
        return false;
      } finally {
        refreshOrganize();
      }
    },
    [refreshOrganize, showToast],
  );

  const createList = useCallback(
    async (name: string) => {
      try {
        const list = await organize.createList({ name });
        undo.record({ label: `Create list “${name}”`, op: { type: 'list-untrash', id: list.id } });
        refreshOrganize();
        return true;
      } catch (error) {
        if ((error as { code?: string }).code !== 'LIST_NAME_TAKEN') showToast({ message: `Could not create the list: ${describeError(error)}`, tone: 'error' });
        return false;
      }
    },
    [organize, refreshOrganize, showToast, undo],
  );
  const renameList = useCallback(
    (list: TaskListInfo, name: string) =>
      void listAction('rename the list', async () => {
        await organize.updateList(list.id, { name });
        undo.record({ label: `Rename list “${list.name}”`, op: { type: 'list-patch', id: list.id, before: { name: list.name }, after: { name } } });
      }),
    [listAction, organize, undo],
  );
  const deleteList = useCallback(
    (list: TaskListInfo) =>
      void listAction('delete the list', async () => {
        await organize.deleteList(list.id);
        undo.record({ label: `Delete list “${list.name}”`, op: { type: 'list-trash', id: list.id } });
        if (sameView(o.state.view, { kind: 'list', listId: list.id })) goTo({ kind: 'inbox' });
        showToast({ message: `Deleted list “${list.name}” and its tasks`, tone: 'info', action: { label: 'Undo', run: () => void undo.undo() } });
        mutations.settle(true);
      }),
    [goTo, listAction, mutations, o.state.view, organize, showToast, undo],
  );
  /** Puts a list right before (or after, when it comes from above) another one: by drag or by Alt+↑/↓. */
  const placeList = useCallback(
    (list: TaskListInfo, targetId: string) => {
      const others = o.lists.filter((l) => !l.isInbox);
      const index = others.findIndex((l) => l.id === list.id);
      const target = others.findIndex((l) => l.id === targetId);
      if (index < 0 || target < 0 || index === target) return;
      const down = index < target;
      const rest = others.filter((l) => l.id !== list.id);
      const at = rest.findIndex((l) => l.id === targetId);
      const [a, b] = down ? [rest[at], rest[at + 1]] : [rest[at - 1], rest[at]];
      const position = positionBetween(a?.position, b?.position);
      if (!position) return;
      void listAction('move the list', async () => {
        await organize.updateList(list.id, { position });
        undo.record({ label: `Move list “${list.name}”`, op: { type: 'list-patch', id: list.id, before: { position: list.position }, after: { position } } });
        announce(`Moved list “${list.name}” ${down ? 'below' : 'above'} “${others[target]?.name ?? ''}”.`);
      });
    },
    [announce, listAction, o.lists, organize, undo],
  );
  const moveList = useCallback(
    (list: TaskListInfo, direction: 'up' | 'down') => {
      const others = o.lists.filter((l) => !l.isInbox);
      const index = others.findIndex((l) => l.id === list.id);
      const target = others[direction === 'up' ? index - 1 : index + 1];
      if (target) placeList(list, target.id);
    },
    [o.lists, placeList],
  );
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

  const bulkPatch = useCallback(
    (tasks: readonly OrgTask[], label: string, patchOf: (task: OrgTask) => Record<string, unknown> | null) => {
      const changes = tasks.flatMap((task) => {
        const after = patchOf(task);
        if (!after) return [];
        const before = Object.fromEntries(Object.keys(after).map((k) => [k, (task as unknown as Record<string, unknown>)[k] ?? null]));
        return [{ id: task.id, before, after }];
      });
      if (!changes.length) return;
      void Promise.all(changes.map((c) => api.update(c.id, c.after)))
        .then(() => undo.record({ label, op: { type: 'patch', changes } }))
        .catch((error: unknown) => showToast({ message: `Could not change the tasks: ${describeError(error)}`, tone: 'error' }))
        .finally(() => mutations.settle(true));
    },
    [api, mutations, showToast, undo],
  );

  const bulk = {
    complete: (tasks: readonly OrgTask[]) => complete(tasks, true),
    remove: (tasks: readonly OrgTask[]) => remove(tasks),
    priority: (tasks: readonly OrgTask[], priority: Priority) =>
      bulkPatch(tasks, `Set priority of ${tasks.length} tasks`, (t) => (t.priority === priority ? null : { priority })),
    tag: (tasks: readonly OrgTask[], tag: string, add: boolean) =>
      bulkPatch(tasks, `${add ? 'Tag' : 'Untag'} ${tasks.length} tasks #${tag}`, (t) => {
        const tags = t.tags ?? [];
        const has = tags.some((x) => x.toLowerCase() === tag.toLowerCase());
        if (add === has) return null;
        return { tags: add ? [...tags, tag] : tags.filter((x) => x.toLowerCase() !== tag.toLowerCase()) };
      }),
    move: (tasks: readonly OrgTask[], listId: string) => {
      const roots = tasks.filter((t) => !t.parentId || !tasks.some((p) => p.id === t.parentId));
      const ops = roots.filter((t) => t.listId !== listId);
      if (!ops.length) return;
      // One after the other, each after the previous: they keep their order at the top of the list.
      const moves = ops.map((t, i) => ({
        id: t.id,
        from: placementOf(t, o.visible),
        to: { listId, parentId: null, afterId: i > 0 ? (ops[i - 1]?.id ?? null) : null },
      }));
      void (async () => {
        for (const m of moves) await organize.move(m.id, { listId, parentId: null, ...(m.to.afterId ? { afterId: m.to.afterId } : {}) });
      })()
        .then(() => undo.record({ label: `Move ${ops.length} tasks to ${listName(listId)}`, op: { type: 'move', moves } }))
        .catch((error: unknown) => showToast({ message: `Could not move the tasks: ${describeError(error)}`, tone: 'error' }))
        .finally(() => mutations.settle(true));
      announce(`Moved ${ops.length} tasks to ${listName(listId)}.`);
    },
  };

  const emptyTrash = useCallback(() => {
    if (!window.confirm('Delete every task in the trash for good? This cannot be undone.')) return;
    organize
      .emptyTrash()
      .then(() => showToast({ message: 'The trash is empty.', tone: 'info' }))
      .catch((error: unknown) => showToast({ message: `Could not empty the trash: ${describeError(error)}`, tone: 'error' }))
      .finally(() => mutations.settle(true));
  }, [mutations, organize, showToast]);

  const extra = o.palette;
  const commands: PaletteCommand[] = [
    { id: 'new-task', label: 'New task', shortcut: 'N', run: extra.focusQuickAdd },
    { id: 'search', label: 'Search tasks', shortcut: '/', run: extra.focusSearch },
    { id: 'undo', label: undo.canUndo ? `Undo: ${undo.canUndo}` : 'Undo', shortcut: 'Ctrl+Z', run: () => void undo.undo() },
    { id: 'redo', label: undo.canRedo ? `Redo: ${undo.canRedo}` : 'Redo', shortcut: 'Ctrl+Shift+Z', run: () => void undo.redo() },
    {
      id: 'show-completed',
      label: o.state.showCompleted ? 'Hide completed tasks' : 'Show completed tasks',
      run: () => o.changeView({ showCompleted: !o.state.showCompleted }),
    },
    {
      id: 'density',
      label: extra.density === 'compact' ? 'Comfortable rows' : 'Compact rows',
      run: () => extra.setDensity(extra.density === 'compact' ? 'comfortable' : 'compact'),
    },
    { id: 'sidebar', label: 'Toggle sidebar', run: extra.toggleSidebar },
    { id: 'shortcuts', label: 'Keyboard shortcuts', shortcut: '?', run: extra.showShortcuts },
    { id: 'empty-trash', label: 'Empty trash', run: emptyTrash },
  ];

  const dragAnnouncements = {
    onDragStart: ({ active }: { active: { id: string | number } }) => `Picked up ${titleOf(o.visible, active.id)}.`,
    onDragOver: ({ active, over }: { active: { id: string | number }; over: { id: string | number } | null }) =>
      over ? `${titleOf(o.visible, active.id)} is over ${titleOf(o.visible, over.id, o.lists)}.` : `${titleOf(o.visible, active.id)} is no longer over a drop place.`,
    onDragEnd: ({ active, over }: { active: { id: string | number }; over: { id: string | number } | null }) =>
      over ? `Dropped ${titleOf(o.visible, active.id)} on ${titleOf(o.visible, over.id, o.lists)}.` : `Dropped ${titleOf(o.visible, active.id)}.`,
    onDragCancel: ({ active }: { active: { id: string | number } }) => `Moving ${titleOf(o.visible, active.id)} was cancelled.`,
  };

  return { mutations, undo, moves, onDragEnd, rowActions, keyActions, goTo, viewTitle, openTask, addTask, addSubtask, createList, renameList, deleteList, moveList, bulk, emptyTrash, commands, dragAnnouncements };
}

function titleOf(tasks: readonly OrgTask[], id: string | number, lists: readonly TaskListInfo[] = []): string {
  const key = String(id);
  const task = tasks.find((t) => t.id === key);
  if (task) return `“${task.title}”`;
  const list = lists.find((l) => key.endsWith(l.id));
  return list ? `list ${list.name}` : 'a task';
}
