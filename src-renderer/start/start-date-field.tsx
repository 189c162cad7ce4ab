// The details panel's Start date field (issue 15 §3): the day the task becomes workable, chosen with the dates
// helper's picker without a time (`allowTime={false}`); "No start date" clears it. S from the list opens it.
import type { TaskPatchInput } from '../../src-shared/task-schemas';
import type { OrgTask } from '../api/organize-api';
import { DateTimePicker } from '../dates/date-time-picker';
import type { Due } from '../dates/due-edit';
import type { DueFormat } from '../dates/due-format';
import { dateInZone } from '../dates/zoned-day';

interface StartDateFieldProps {
  task: OrgTask;
  format: DueFormat;
  now: Date;
  onSave: (patch: TaskPatchInput) => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function StartDateField({ task, format, now, onSave, open, onOpenChange }: StartDateFieldProps) {
  const start = task.startDate ?? null;
  const today = dateInZone(now, format.viewerZone);
  const text = start ? format.day(start, today) : 'No start date';
  const value: Due = { dueDate: start, dueAt: null, timeZone: null };
  const change = (next: Due) => {
    // A date-only picker answers a date; a typed phrase with a time still names its day.
    const date = next.dueDate ?? (next.dueAt ? dateInZone(next.dueAt, format.viewerZone) : null);
    if (date !== start) onSave({ startDate: date });
  };
  return (
    <div className="field start-field">
      <span className="field-label" id={`start-label-${task.id}`}>
        Start date
      </span>
      <button
        type="button"
        className="input due-button"
        id={`start-value-${task.id}`}
        aria-labelledby={`start-label-${task.id} start-value-${task.id}`}
        aria-haspopup="dialog"
        onClick={() => onOpenChange(true)}
      >
        {text}
      </button>
      {start && start > today ? <span className="field-hint">Hidden from Today until then</span> : null}
      {open ? (
        <DateTimePicker
          label={`Start date for ${task.title}`}
          value={value}
          onChange={change}
          onClose={() => onOpenChange(false)}
          format={format}
          now={now}
          allowTime={false}
        />
      ) : null}
    </div>
  );
}
