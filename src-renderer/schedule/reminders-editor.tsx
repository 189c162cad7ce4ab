// The reminders editor: at the due time, N minutes/hours/days before it, or at a date and time; add and remove
// (up to 10), then Save. Relative reminders need a due time; the editor says so instead of offering them.
import { useState } from 'react';
import { BEFORE_MINUTES_MAX, REMINDERS_MAX } from '../../src-shared/schedule-schemas';
import { zonedInstant } from '../../src-shared/schedule/zoned-time';
import type { Reminder } from '../../src-shared/task-schemas';
import type { OrgTask } from '../api/organize-api';
import { viewerTimeZone } from '../dates/viewer-zone';
import { describeReminder, MINUTES_PER, sameReminder, type ReminderUnit } from './reminder-words';
import { ScheduleDialog } from './schedule-dialog';

type Kind = 'due' | 'before' | 'at';

interface RemindersEditorProps {
  task: OrgTask;
  onSave: (reminders: Reminder[]) => void;
  onCancel: () => void;
}

/** The instant a `datetime-local` value ("2026-12-04T09:00") names in the viewer's zone, as ISO. */
export function instantFromLocalInput(value: string, zone = viewerTimeZone()): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  return zonedInstant(match[1]!, { hour: Number(match[2]), minute: Number(match[3]) }, zone).toISOString();
}

export function RemindersEditor({ task, onSave, onCancel }: RemindersEditorProps) {
  const zone = viewerTimeZone();
  const timed = task.dueAt !== null;
  const [items, setItems] = useState<Reminder[]>(task.reminders);
  const [kind, setKind] = useState<Kind>(timed ? 'before' : 'at');
  const [amount, setAmount] = useState(30);
  const [unit, setUnit] = useState<ReminderUnit>('minutes');
  const [at, setAt] = useState('');

  const candidate: Reminder | null =
    kind === 'due'
      ? { beforeMinutes: 0 }
      : kind === 'before'
        ? Number.isInteger(amount) && amount >= 1
          ? { beforeMinutes: amount * MINUTES_PER[unit] }
          : null
        : (() => {
            const iso = instantFromLocalInput(at, zone);
            return iso ? { at: iso } : null;
          })();
  let problem: string | null = null;
  if (items.length >= REMINDERS_MAX) problem = `A task has at most ${REMINDERS_MAX} reminders.`;
  else if (kind !== 'at' && !timed) problem = 'Reminders before the due need a due time; set one, or remind at a date and time.';
  else if (!candidate) problem = kind === 'at' ? 'Choose a date and time.' : 'Give a whole number.';
  else if ('beforeMinutes' in candidate && candidate.beforeMinutes > BEFORE_MINUTES_MAX) problem = 'At most 28 days before.';
  else if (items.some((r) => sameReminder(r, candidate))) problem = 'That reminder is already set.';

  return (
    <ScheduleDialog title={`Reminders for “${task.title}”`} onCancel={onCancel}>
      {items.length ? (
        <ul className="reminder-list" aria-label="Reminders">
          {items.map((reminder, index) => {
            const words = describeReminder(reminder, zone);
            return (
              <li key={`${index}-${words}`} className="reminder-item">
                <span>{words.charAt(0).toUpperCase() + words.slice(1)}</span>
                <button type="button" className="button button-small button-quiet" aria-label={`Remove reminder: ${words}`} onClick={() => setItems(items.filter((_, i) => i !== index))}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="field-hint">No reminders.</p>
      )}
      <fieldset className="schedule-fieldset">
        <legend>Add a reminder</legend>
        <div className="schedule-row">
          <select className="input input-small" aria-label="Remind" value={kind} data-autofocus onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="due">At the due time</option>
            <option value="before">Before the due time</option>
            <option value="at">At a date and time</option>
          </select>
          {kind === 'before' ? (
            <>
              <input
                type="number"
                className="input input-small schedule-number"
                aria-label="How long before"
                min={1}
                value={Number.isNaN(amount) ? '' : amount}
                onChange={(e) => setAmount(e.target.valueAsNumber)}
              />
              <select className="input input-small" aria-label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as ReminderUnit)}>
                <option value="minutes">minutes</option>
                <option value="hours">hours</option>
                <option value="days">days</option>
              </select>
            </>
          ) : null}
          {kind === 'at' ? (
            <input type="datetime-local" className="input input-small" aria-label="Reminder date and time" value={at} onChange={(e) => setAt(e.target.value)} />
          ) : null}
          <button
            type="button"
            className="button button-small"
            disabled={problem !== null}
            onClick={() => {
              if (candidate && !problem) setItems([...items, candidate]);
            }}
          >
            Add
          </button>
        </div>
        {problem && !(kind === 'at' && !at && items.length < REMINDERS_MAX) ? <p className="field-hint">{problem}</p> : null}
      </fieldset>
      <div className="schedule-actions">
        <span className="schedule-spacer" />
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={() => onSave(items)}>
          Save
        </button>
      </div>
    </ScheduleDialog>
  );
}
