// The details panel's Due field: what the task is due (all-day date, or date and time, with its zone when it is
// not the viewer's), a button that opens the date + time picker, and the warning when a change had to remove
// reminders that need a time or the repeat (due-edit.ts).
import { useState } from 'react';
import type { TaskPatchInput } from '../../src-shared/task-schemas';
import type { OrgTask } from '../api/organize-api';
import { DateTimePicker } from './date-time-picker';
import { dueChange, removedWarning, type Due } from './due-edit';
import type { DueFormat } from './due-format';

interface DueFieldProps {
  task: OrgTask;
  format: DueFormat;
  now: Date;
  onSave: (patch: TaskPatchInput) => void;
  /** The picker is open (the D shortcut opens it from the list). */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Also says what a change removed where it outlives the panel (the task may leave the view and close it). */
  onNotice?: (message: string) => void;
}

export function DueField({ task, format, now, onSave, open, onOpenChange, onNotice }: DueFieldProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const due: Due = { dueDate: task.dueDate, dueAt: task.dueAt, timeZone: task.timeZone };
  const shown = format.display(due, now, task.completed);
  const text = shown
    ? `${format.day(shown.date, undefined)}${shown.time ? `, ${shown.time}` : ', all day'}`
    : 'No date';

  const change = (next: Due) => {
    if (next.dueDate === due.dueDate && next.dueAt === due.dueAt && next.timeZone === due.timeZone) return;
    const { patch, removed } = dueChange(next, { recurrence: task.recurrence, reminders: task.reminders });
    const warning = removedWarning(removed);
    setNotice(warning);
    if (warning) onNotice?.(warning);
    onSave(patch);
  };

  return (
    <div className="field due-field">
      <span className="field-label" id={`due-label-${task.id}`}>
        Due date
      </span>
      <button
        type="button"
        className={`input due-button${shown ? ` due-${shown.tone}` : ''}`}
        id={`due-value-${task.id}`}
        aria-labelledby={`due-label-${task.id} due-value-${task.id}`}
        aria-haspopup="dialog"
        title={shown?.full}
        onClick={() => onOpenChange(true)}
      >
        {text}
      </button>
      {shown?.zoneNote ? <span className="field-hint">{shown.zoneNote}</span> : null}
      {notice && !open ? (
        <span className="field-hint due-notice" role="alert">
          {notice}
        </span>
      ) : null}
      {open ? (
        <DateTimePicker
          label={`Due date for ${task.title}`}
          value={due}
          onChange={change}
          onClose={() => onOpenChange(false)}
          format={format}
          now={now}
          notice={notice}
        />
      ) : null}
    </div>
  );
}
