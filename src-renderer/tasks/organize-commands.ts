// The command palette's commands and the drag-and-drop announcements of the task screen (words only: the
// actions themselves are passed in).
import type { OrgTask, TaskListInfo } from '../api/organize-api';
import type { PaletteCommand } from '../organize/command-palette';
import type { UndoControls } from '../organize/use-undo';
import type { Density } from './task-list';
import type { TaskView } from './task-view';

export interface PaletteExtras {
  focusQuickAdd: () => void;
  focusSearch: () => void;
  showShortcuts: () => void;
  density: Density;
  setDensity: (density: Density) => void;
  toggleSidebar: () => void;
}

interface CommandOptions {
  palette: PaletteExtras;
  undo: UndoControls;
  showCompleted: boolean;
  changeView: (next: Partial<TaskView>) => void;
  emptyTrash: () => void;
}

export function paletteCommands({ palette: extra, undo, showCompleted, changeView, emptyTrash }: CommandOptions): PaletteCommand[] {
  return [
    { id: 'new-task', label: 'New task', shortcut: 'N', run: extra.focusQuickAdd },
    { id: 'search', label: 'Search tasks', shortcut: '/', run: extra.focusSearch },
    { id: 'undo', label: undo.canUndo ? `Undo: ${undo.canUndo}` : 'Undo', shortcut: 'Ctrl+Z', run: () => void undo.undo() },
    { id: 'redo', label: undo.canRedo ? `Redo: ${undo.canRedo}` : 'Redo', shortcut: 'Ctrl+Shift+Z', run: () => void undo.redo() },
    {
      id: 'show-completed',
      label: showCompleted ? 'Hide completed tasks' : 'Show completed tasks',
      run: () => changeView({ showCompleted: !showCompleted }),
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
}

type DragId = { id: string | number };

/** What a screen reader hears while a row is dragged. */
export function dragWords(visible: readonly OrgTask[], lists: readonly TaskListInfo[]) {
  return {
    onDragStart: ({ active }: { active: DragId }) => `Picked up ${titleOf(visible, active.id)}.`,
    onDragOver: ({ active, over }: { active: DragId; over: DragId | null }) =>
      over ? `${titleOf(visible, active.id)} is over ${titleOf(visible, over.id, lists)}.` : `${titleOf(visible, active.id)} is no longer over a drop place.`,
    onDragEnd: ({ active, over }: { active: DragId; over: DragId | null }) =>
      over ? `Dropped ${titleOf(visible, active.id)} on ${titleOf(visible, over.id, lists)}.` : `Dropped ${titleOf(visible, active.id)}.`,
    onDragCancel: ({ active }: { active: DragId }) => `Moving ${titleOf(visible, active.id)} was cancelled.`,
  };
}

function titleOf(tasks: readonly OrgTask[], id: string | number, lists: readonly TaskListInfo[] = []): string {
  const key = String(id);
  const task = tasks.find((t) => t.id === key);
  if (task) return `“${task.title}”`;
  const list = lists.find((l) => key.endsWith(l.id));
  return list ? `list ${list.name}` : 'a task';
}
