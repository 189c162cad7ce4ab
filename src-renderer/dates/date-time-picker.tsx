// The date + time picker (issue 15 §2): a modal dialog with one-click dates (Today, Tomorrow, This weekend, Next
// week, No date), a calendar (react-day-picker), a time or "All day", and a text field that reads the quick-add
// date language ("fri 3pm", "in 3 days") with the shared parser. Every choice is applied at once (onChange); a
// preset or Enter in the text field also closes it. A new date keeps the time and its zone, a new time keeps
// the date (due-edit.ts). Reused for other dates (a start date, a reminder's date): `allowTime={false}` hides
// the time. Esc or Done closes; focus returns to where it was.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { DayPicker } from 'react-day-picker';
import { parseQuickAdd } from '../../src-shared/quick-add/parse-quick-add';
import { useModalFocus } from '../app/use-modal-focus';
import { datePresets } from './date-presets';
import { dueDateOf, dueTimeOf, dueZone, NO_DUE, withDate, withTime, type Due } from './due-edit';
import type { DueFormat } from './due-format';
import { zoneCity } from './due-format';
import { dateInZone, parseDate } from './zoned-day';
import './date-time-picker.css';

export interface DateTimePickerProps {
  /** The dialog's name, e.g. "Due date for Pay rent". */
  label: string;
  value: Due;
  onChange: (next: Due) => void;
  onClose: () => void;
  format: DueFormat;
  now: Date;
  /** Offer a time of day (default true); false for date-only fields. */
  allowTime?: boolean;
  /** Shown under the choices (e.g. what a change removed). */
  notice?: string | null;
}

const DEFAULT_TIME = '09:00';

/** A calendar date as a local Date at noon (DayPicker works with local Dates; noon is never in a DST gap). */
function toCalendarDate(date: string): Date {
  const { year, month, day } = parseDate(date);
  const d = new Date(2000, month - 1, day, 12);
  d.setFullYear(year);
  return d;
}

function fromCalendarDate(d: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** What a typed phrase means as a due, or null when it names no date. */
export function parseDuePhrase(text: string, now: Date, timeZone: string): Due | null {
  if (!text.trim()) return null;
  const parsed = parseQuickAdd(text, { now, timeZone });
  if (parsed.dueAt)
    return { dueDate: null, dueAt: new Date(parsed.dueAt).toISOString(), timeZone: parsed.timeZone };
  if (parsed.dueDate) return { dueDate: parsed.dueDate, dueAt: null, timeZone: null };
  return null;
}

export function DateTimePicker({
  label,
  value,
  onChange,
  onClose,
  format,
  now,
  allowTime = true,
  notice,
}: DateTimePickerProps) {
  const viewerZone = format.viewerZone;
  const today = dateInZone(now, viewerZone);
  const date = dueDateOf(value, viewerZone);
  const time = dueTimeOf(value, viewerZone);
  const zone = dueZone(value, viewerZone);
  const [month, setMonth] = useState(() => toCalendarDate(date ?? today));
  const [text, setText] = useState('');
  const [timeText, setTimeText] = useState(time ?? DEFAULT_TIME);
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const typed = useMemo(() => parseDuePhrase(text, now, viewerZone), [text, now, viewerZone]);
  const presets = useMemo(() => datePresets(today), [today]);

  const trapTab = useModalFocus(dialogRef);
  const pickDate = (next: string) => {
    onChange(withDate(value, next, viewerZone));
    setMonth(toCalendarDate(next));
  };
  const choose = (next: Due) => {
    onChange(next);
    onClose();
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
    // Focus stays in the dialog (it is modal).
    trapTab(event);
  }

  const summary = date
    ? `${format.day(date, today)}${time ? `, ${time}${zone !== viewerZone ? ` ${zoneCity(zone)}` : ''}` : allowTime ? ', all day' : ''}`
    : 'No date';
  const typedSummary = typed
    ? `${format.day(dueDateOf(typed, viewerZone) ?? today, today)}${typed.dueAt ? `, ${format.time(typed.dueAt)}` : ''}`
    : null;

  return (
    <div className="overlay picker-overlay" role="presentation" onMouseDown={onClose}>
      <div
        ref={dialogRef}
        className="picker"
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <div className="picker-head">
          <span className="picker-title">{label}</span>
          <output className="picker-summary" aria-label="Chosen">
            {summary}
          </output>
        </div>
        <div className="field picker-text">
          <label className="field-label" htmlFor={`${id}-text`}>
            Type a date
          </label>
          <input
            data-autofocus
            id={`${id}-text`}
            className="input"
            value={text}
            placeholder="fri 3pm, next monday, in 3 days…"
            aria-describedby={`${id}-typed`}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && typed) {
                e.preventDefault();
                choose(allowTime ? typed : { ...NO_DUE, dueDate: dueDateOf(typed, viewerZone) });
              }
            }}
          />
          <span id={`${id}-typed`} className="field-hint" aria-live="polite">
            {text.trim() ? (typedSummary ? `Enter: ${typedSummary}` : 'Not a date I know yet.') : ''}
          </span>
        </div>
        <div className="picker-presets" role="group" aria-label="Quick dates">
          {presets.map((preset) => (
            <button
              key={preset.label}
              type="button"
              className={`button button-small${date === preset.date ? ' is-current' : ''}`}
              aria-pressed={date === preset.date}
              onClick={() => choose(withDate(value, preset.date, viewerZone))}
            >
              <span>{preset.label}</span>
              <span className="picker-preset-day">{format.day(preset.date, today).split(' ')[0]}</span>
            </button>
          ))}
          <button
            type="button"
            className="button button-small"
            aria-pressed={date === null}
            onClick={() => choose(NO_DUE)}
          >
            No date
          </button>
        </div>
        <DayPicker
          mode="single"
          className="picker-calendar"
          selected={date ? toCalendarDate(date) : undefined}
          onSelect={(d) => d && pickDate(fromCalendarDate(d))}
          month={month}
          onMonthChange={setMonth}
          today={toCalendarDate(today)}
          weekStartsOn={1}
          showOutsideDays
        />
        {allowTime ? (
          <div className="picker-time">
            <label className="picker-allday">
              <input
                type="checkbox"
                checked={time === null}
                onChange={(e) =>
                  onChange(withTime(value, e.target.checked ? null : timeText, viewerZone, today))
                }
              />
              All day
            </label>
            <label className="field picker-time-field">
              <span className="field-label">
                Time{zone !== viewerZone && time ? ` (${zoneCity(zone)})` : ''}
              </span>
              <input
                type="time"
                className="input"
                value={time ?? ''}
                disabled={time === null}
                onChange={(e) => {
                  if (!e.target.value) return;
                  setTimeText(e.target.value);
                  onChange(withTime(value, e.target.value, viewerZone, today));
                }}
              />
            </label>
          </div>
        ) : null}
        {notice ? (
          <p className="picker-notice" role="alert">
            {notice}
          </p>
        ) : null}
        <div className="picker-actions">
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}
