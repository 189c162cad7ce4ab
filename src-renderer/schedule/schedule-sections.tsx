// The schedule part of the details panel: the repeat rule in words and the reminders, each with a button that
// opens its picker (R, Shift+R), and the snooze choices once a reminder has fired.
import type { SnoozeInput } from '../../src-shared/task-schemas';
import type { OrgTask } from '../api/organize-api';
import { formatInstant } from './format-due';
import { viewerTimeZone } from '../dates/viewer-zone';
import { describeReminder } from './reminder-words';
import { describeRule } from '../dates/describe-rule';
import { pendingSnooze, reminderFired, snoozeChoices } from './snooze-choices';
import './schedule.css';

interface ScheduleSectionsProps {
  task: OrgTask;
  now: Date;
  onEditRepeat: () => void;
  onEditReminders: () => void;
  onSnooze: (input: SnoozeInput | null) => void;
}

export function ScheduleSections({ task, now, onEditRepeat, onEditReminders, onSnooze }: ScheduleSectionsProps) {
  const zone = viewerTimeZone();
  const repeat = task.recurrence ? describeRule(task.recurrence.rrule, { from: task.recurrence.from }) : null;
  const reminders = task.reminders.map((r) => describeReminder(r, zone));
  const snoozed = pendingSnooze(task, now);
  const fired = reminderFired(task, now);
  return (
    <div className="schedule-sections">
      <div className="schedule-field">
        <span className="field-label" id={`repeat-label-${task.id}`}>
          Repeat
        </span>
        <span className="schedule-value" data-testid="details-repeat">
          {repeat ?? 'Does not repeat'}
        </span>
        <button type="button" className="button button-small" aria-describedby={`repeat-label-${task.id}`} aria-keyshortcuts="R" onClick={onEditRepeat}>
          {repeat ? 'Change…' : 'Set…'}
        </button>
      </div>
      <div className="schedule-field">
        <span className="field-label" id={`reminders-label-${task.id}`}>
          Reminders
        </span>
        <span className="schedule-value" data-testid="details-reminders">
          {reminders.length ? reminders.join(' · ') : 'None'}
        </span>
        <button type="button" className="button button-small" aria-describedby={`reminders-label-${task.id}`} aria-keyshortcuts="Shift+R" onClick={onEditReminders}>
          Edit…
        </button>
      </div>
      {snoozed ? (
        <div className="snooze-bar" role="group" aria-label="Snooze">
          <span>Snoozed until {formatInstant(snoozed, zone)}</span>
          <button type="button" className="button button-small button-quiet" onClick={() => onSnooze(null)}>
            Cancel snooze
          </button>
        </div>
      ) : fired ? (
        <div className="snooze-bar" role="group" aria-label="Snooze">
          <span>Reminder due</span>
          {snoozeChoices(now, zone).map((choice) => (
            <button key={choice.label} type="button" className="button button-small" onClick={() => onSnooze(choice.input)}>
              {choice.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
