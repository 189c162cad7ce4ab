// The sidebar's list actions: create, rename, delete (with its tasks, undoable) and reorder (drag or Alt+↑/↓),
// each recorded in the undo history.
import { useCallback } from 'react';
import { describeError } from '../api/api-error';
import type { TaskListInfo } from '../api/organize-api';
import type { UndoControls } from '../organize/use-undo';
import type { ToastState } from './toast';
import { useTasksContext } from './tasks-context';
import { positionBetween } from './use-task-mutations';

interface Options {
  lists: readonly TaskListInfo[];
  undo: UndoControls;
  showToast: (toast: Omit<ToastState, 'id'>) => void;
  announce: (message: string) => void;
  refreshOrganize: () => void;
  /** After a list went to the trash (leave its view, refetch its tasks). */
  onDeleted: (list: TaskListInfo) => void;
}

export function useListActions({ lists, undo, showToast, announce, refreshOrganize, onDeleted }: Options) {
  const { organize } = useTasksContext();
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
        onDeleted(list);
        showToast({ message: `Deleted list “${list.name}” and its tasks`, tone: 'info', action: { label: 'Undo', run: () => void undo.undo() } });
      }),
    [listAction, onDeleted, organize, showToast, undo],
  );
  /** Puts a list right before (or after, when it comes from above) another one: by drag or by Alt+↑/↓. */
  const placeList = useCallback(
    (list: TaskListInfo, targetId: string) => {
      const others = lists.filter((l) => !l.isInbox);
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
    [announce, listAction, lists, organize, undo],
  );
  const moveList = useCallback(
    (list: TaskListInfo, direction: 'up' | 'down') => {
      const others = lists.filter((l) => !l.isInbox);
      const index = others.findIndex((l) => l.id === list.id);
      const target = others[direction === 'up' ? index - 1 : index + 1];
      if (target) placeList(list, target.id);
    },
    [lists, placeList],
  );

  return { createList, renameList, deleteList, placeList, moveList };
}
