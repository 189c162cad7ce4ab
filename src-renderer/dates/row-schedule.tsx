// A row's schedule, after its other pills (defects 3 and 6): the due date (all-day ones too), the time in the
// viewer's format, the task's own zone when it differs ("09:00 Paris · 08:00 here"), a repeat icon with the rule
// in words as its tooltip, and a bell when the task has reminders. Each part has words for screen readers.
import type { OrgTask } from '../api/organize-api';
import { describeReminder } from '../schedule/reminder-words';
import { BellIcon, CalendarIcon, RepeatIcon } from '../tasks/icons';
import { describeRule } from './describe-rule';
import type { DueFormat } from './due-format';
import './row-schedule.css';

interface RowScheduleProps {
  task: OrgTask;
  now: Date;
  format: DueFormat;
  /** In the trash a date is only information: neutral, never "overdue". */
  neutral?: boolean;
}

export function RowSchedule({ task, now, format, neutral = false }: RowScheduleProps) {
  const due = format.display(task, now, task.completed || neutral);
  const rule = task.recurrence ? describeRule(task.recurrence.rrule, { from: task.recurrence.from }) : null;
  const reminders = task.reminders ?? [];
  const bell = reminders.length
    ? `Reminder${reminders.length > 1 ? 's' : ''}: ${reminders.map((r) => describeReminder(r, format.viewerZone)).join(', ')}`
    : null;
  const time = due?.zoneNote ?? due?.time;
  return (
    <>
      {rule ? (
        <span className="row-icon repeat" title={rule}>
          <RepeatIcon />
          <span className="visually-hidden">Repeats: {rule}</span>
        </span>
      ) : null}
      {bell ? (
        <span className="row-icon bell" title={bell}>
          <BellIcon />
          <span className="visually-hidden">{bell}</span>
        </span>
      ) : null}
      {due ? (
        <span className={`pill due-${due.tone}`} title={due.full}>
          <CalendarIcon />
          <span aria-hidden="true">
            {due.dayText}
            {time ? <span className="due-time"> {time}</span> : null}
          </span>
          <span className="visually-hidden">{due.full}</span>
        </span>
      ) : null}
    </>
  );
}
