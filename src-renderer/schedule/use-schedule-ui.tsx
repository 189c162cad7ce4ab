// The schedule pickers on the task screen: which one is open on which task, the keys that open them (R repeat,
// Shift+R reminders on the selected task), their palette commands, the details sections, and snoozing.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Reminder, SnoozeInput, TaskPatchInput } from '../../src-shared/task-schemas';
import { describeError } from '../api/api-error';
import type { OrgTask } from '../api/organize-api';
import type { PaletteCommand } from '../organize/command-palette';
import { applyToLists } from '../tasks/optimistic';
import { replaceTask } from '../tasks/task-cache';
import { useTasksContext } from '../tasks/tasks-context';
import type { ToastState } from '../tasks/toast';
import { formatInstant } from './format-due';
import { viewerTimeZone } from '../dates/viewer-zone';
import { RemindersEditor } from './reminders-editor';
import { RepeatPicker, type RepeatChange } from './repeat-picker';
import { ScheduleSections } from './schedule-sections';
import { snoozeChoices } from './snooze-choices';

type Picker = { kind: 'repeat' | 'reminders'; taskId: string };

interface ScheduleUiOptions {
  /** The tasks the screen shows (a picker follows its task's latest state). */
  visible: readonly OrgTask[];
  /** The selected task, which the keys and palette commands act on. */
  cursorTask: OrgTask | null;
  now: Date;
  update: (task: OrgTask, patch: TaskPatchInput) => void;
  showToast: (toast: Omit<ToastState, 'id'>) => void;
  /** False while another dialog (palette, shortcuts sheet) has the keyboard. */
  keysEnabled: boolean;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useScheduleUi({ visible, cursorTask, now, update, showToast, keysEnabled }: ScheduleUiOptions) {
  const { api, userId } = useTasksContext();
  const client = useQueryClient();
  const [picker, setPicker] = useState<Picker | null>(null);
  const task = picker ? (visible.find((t) => t.id === picker.taskId) ?? null) : null;
  const close = useCallback(() => setPicker(null), []);

  const openRepeat = useCallback((t: OrgTask) => setPicker({ kind: 'repeat', taskId: t.id }), []);
  const openReminders = useCallback((t: OrgTask) => setPicker({ kind: 'reminders', taskId: t.id }), []);

  const snooze = useCallback(
    (t: OrgTask, input: SnoozeInput | null) => {
      api
        .snooze(t.id, input)
        .then(async (saved) => {
          await applyToLists(client, userId, (data) => replaceTask(data, saved.id, saved));
          showToast({ message: saved.snoozedUntil ? `Snoozed “${t.title}” until ${formatInstant(saved.snoozedUntil, viewerTimeZone())}` : `Snooze of “${t.title}” cancelled`, tone: 'info' });
        })
        .catch((error: unknown) => showToast({ message: `Could not snooze: ${describeError(error)}`, tone: 'error' }));
    },
    [api, client, showToast, userId],
  );

  const saveRepeat = (t: OrgTask, change: RepeatChange) => {
    close();
    update(t, change.dueDate ? { recurrence: change.recurrence, dueDate: change.dueDate } : { recurrence: change.recurrence });
  };
  const saveReminders = (t: OrgTask, reminders: Reminder[]) => {
    close();
    update(t, { reminders });
  };

  // R / Shift+R on the selected task, unless the person is typing or another dialog has the keyboard.
  const ref = useRef({ cursorTask, openRepeat, openReminders });
  useEffect(() => {
    ref.current = { cursorTask, openRepeat, openReminders };
  });
  const active = keysEnabled && picker === null;
  useEffect(() => {
    if (!active) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const current = ref.current.cursorTask;
      if (!current || event.key.toLowerCase() !== 'r') return;
      event.preventDefault();
      if (event.shiftKey) ref.current.openReminders(current);
      else ref.current.openRepeat(current);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);

  const commands: PaletteCommand[] = cursorTask
    ? [
        { id: 'repeat', label: `Repeat “${cursorTask.title}”…`, shortcut: 'R', run: () => openRepeat(cursorTask) },
        { id: 'reminders', label: `Reminders of “${cursorTask.title}”…`, shortcut: 'Shift+R', run: () => openReminders(cursorTask) },
        ...snoozeChoices(now, viewerTimeZone()).map((choice, i) => ({
          id: `snooze-${i}`,
          label: `${choice.label.startsWith('Snooze') ? choice.label : `Snooze until ${choice.label.toLowerCase()}`}: “${cursorTask.title}”`,
          run: () => snooze(cursorTask, choice.input),
        })),
      ]
    : [];

  let dialog: ReactNode = null;
  if (task && picker?.kind === 'repeat') dialog = <RepeatPicker task={task} now={now} onSave={(change) => saveRepeat(task, change)} onCancel={close} />;
  if (task && picker?.kind === 'reminders') dialog = <RemindersEditor task={task} onSave={(reminders) => saveReminders(task, reminders)} onCancel={close} />;

  const sections = (t: OrgTask) => (
    <ScheduleSections task={t} now={now} onEditRepeat={() => openRepeat(t)} onEditReminders={() => openReminders(t)} onSnooze={(input) => snooze(t, input)} />
  );

  return { dialog, sections, commands, open: picker !== null, openRepeat, openReminders };
}
