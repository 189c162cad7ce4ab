// The repeat picker: Daily, Weekdays, Weekly on <day>, Monthly on the <nth>, Yearly, or Custom (interval,
// weekdays, month day or "the first Monday", an end, from due or from completion). It shows the rule in words and
// the next three occurrences, computed with the server's arithmetic in the task's zone.
import { useMemo, useState } from 'react';
import { rruleProblem } from '../../src-shared/recurrence-rule';
import type { Recurrence } from '../../src-shared/schedule-schemas';
import type { OrgTask } from '../api/organize-api';
import { anchorDate, firstDueFor, formatOccurrence, previewOccurrences } from './occurrence-preview';
import { dayName, draftOf, presetDraft, PRESETS, ruleOf, WEEKDAYS, weekdayOf, type Freq, type Nth, type Preset, type RepeatDraft, type RepeatEnd, type Weekday } from './repeat-rule';
import { ScheduleDialog } from './schedule-dialog';
import { describeRule, ordinal } from '../dates/describe-rule';

export interface RepeatChange {
  recurrence: Recurrence | null;
  /** Set when the task had no due: the rule's first day (a repeating task needs a due). */
  dueDate?: string;
}

interface RepeatPickerProps {
  task: OrgTask;
  now: Date;
  onSave: (change: RepeatChange) => void;
  onCancel: () => void;
}

const UNITS: Record<Freq, [string, string]> = { DAILY: ['day', 'days'], WEEKLY: ['week', 'weeks'], MONTHLY: ['month', 'months'], YEARLY: ['year', 'years'] };
const NTHS: readonly Nth[] = [1, 2, 3, 4, -1];
const NTH_WORDS: Record<Nth, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

function presetLabel(preset: Preset, anchor: string): string {
  switch (preset) {
    case 'daily':
      return 'Daily';
    case 'weekdays':
      return 'Weekdays (Mon–Fri)';
    case 'weekly':
      return `Weekly on ${dayName(weekdayOf(anchor))}`;
    case 'monthly':
      return `Monthly on the ${ordinal(Number(anchor.slice(8, 10)))}`;
    case 'yearly':
      return `Yearly on ${new Date(`${anchor}T12:00:00.000Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'long', timeZone: 'UTC' })}`;
    case 'custom':
      return 'Custom…';
  }
}


export function RepeatPicker({ task, now, onSave, onCancel }: RepeatPickerProps) {
  const anchor = anchorDate(task, now);
  const stored = task.recurrence;
  const initial = useMemo(() => (stored ? draftOf(stored.rrule, stored.from, anchor) : null), [stored, anchor]);
  const [draft, setDraft] = useState<RepeatDraft>(() => initial ?? presetDraft('weekly', anchor, stored ? { from: stored.from } : undefined));
  const foreign = stored !== null && initial === null;

  const rule = ruleOf(draft);
  const problem = draftProblem(draft) ?? rruleProblem(rule);
  const recurrence: Recurrence = { rrule: rule, from: draft.from };
  const hasDue = task.dueDate !== null || task.dueAt !== null;
  const firstDue = problem || hasDue ? null : firstDueFor(recurrence, now);
  const due = hasDue ? task : { dueDate: firstDue, dueAt: null, timeZone: null };
  const preview = problem || (!hasDue && !firstDue) ? [] : previewOccurrences(due, recurrence, now);

  const set = (patch: Partial<RepeatDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const choose = (preset: Preset) =>
    setDraft((d) => (preset === 'custom' ? { ...d, preset } : { ...presetDraft(preset, anchor, d), preset }));

  return (
    <ScheduleDialog title={`Repeat “${task.title}”`} onCancel={onCancel}>
      {foreign ? (
        <p className="schedule-note" dir="auto">
          Repeats now: {describeRule(stored.rrule, { from: stored.from })} (set elsewhere). A choice here replaces it.
        </p>
      ) : null}
      <fieldset className="schedule-fieldset">
        <legend>Repeats</legend>
        <div className="repeat-presets">
          {PRESETS.map((preset) => (
            <label key={preset} className="radio-pill">
              <input
                type="radio"
                name="repeat-preset"
                checked={draft.preset === preset}
                data-autofocus={draft.preset === preset ? true : undefined}
                onChange={() => choose(preset)}
              />
              <span>{presetLabel(preset, anchor)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {draft.preset === 'custom' ? <CustomFields draft={draft} set={set} /> : null}
      <EndFields end={draft.end} onChange={(end) => set({ end })} />
      <fieldset className="schedule-fieldset">
        <legend>Next date counts from</legend>
        <div className="schedule-row">
          <label className="radio-pill">
            <input type="radio" name="repeat-from" checked={draft.from === 'due'} onChange={() => set({ from: 'due' })} />
            <span>The due date</span>
          </label>
          <label className="radio-pill">
            <input type="radio" name="repeat-from" checked={draft.from === 'completion'} onChange={() => set({ from: 'completion' })} />
            <span>The day it is completed</span>
          </label>
        </div>
      </fieldset>
      <div className="repeat-summary" aria-live="polite">
        {problem ? (
          <p className="field-error">{problem}</p>
        ) : (
          <>
            <p className="repeat-words" data-testid="repeat-words">
              {describeRule(rule, { from: draft.from })}
            </p>
            {!hasDue && firstDue ? <p className="field-hint">The task has no due date: it will be due {formatOccurrence({ dueDate: firstDue, dueAt: null })}.</p> : null}
            {preview.length > 0 ? (
              <div className="repeat-preview">
                <span className="field-label" id="repeat-preview-label">
                  {draft.from === 'completion' ? 'Next, if completed today' : 'Next'}
                </span>
                <ol aria-labelledby="repeat-preview-label">
                  {preview.map((next) => (
                    <li key={next.dueAt ?? next.dueDate}>{formatOccurrence(next)}</li>
                  ))}
                </ol>
              </div>
            ) : (
              <p className="field-hint">No further occurrence: completing the task finishes it.</p>
            )}
          </>
        )}
      </div>
      <div className="schedule-actions">
        {stored ? (
          <button type="button" className="button button-quiet" onClick={() => onSave({ recurrence: null })}>
            Don’t repeat
          </button>
        ) : null}
        <span className="schedule-spacer" />
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={problem !== null || (!hasDue && !firstDue)}
          onClick={() => onSave({ recurrence, ...(firstDue ? { dueDate: firstDue } : {}) })}
        >
          Save
        </button>
      </div>
    </ScheduleDialog>
  );
}

function draftProblem(draft: RepeatDraft): string | null {
  if (!Number.isInteger(draft.interval) || draft.interval < 1 || draft.interval > 1000) return 'Repeat every 1 to 1000.';
  if (draft.freq === 'WEEKLY' && draft.weekdays.length === 0) return 'Choose at least one day of the week.';
  if (draft.freq === 'MONTHLY' && draft.monthly.kind === 'day' && !(draft.monthly.day >= 1 && draft.monthly.day <= 31)) return 'Choose a day of the month from 1 to 31.';
  if (draft.end.kind === 'count' && !(Number.isInteger(draft.end.count) && draft.end.count >= 1 && draft.end.count <= 10_000)) return 'End after 1 to 10,000 times.';
  if (draft.end.kind === 'until' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.end.date)) return 'Choose the last date.';
  return null;
}

function CustomFields({ draft, set }: { draft: RepeatDraft; set: (patch: Partial<RepeatDraft>) => void }) {
  const toggleDay = (day: Weekday) =>
    set({ weekdays: draft.weekdays.includes(day) ? draft.weekdays.filter((d) => d !== day) : [...draft.weekdays, day] });
  return (
    <fieldset className="schedule-fieldset">
      <legend>Custom</legend>
      <div className="schedule-row">
        <span>Every</span>
        <input
          type="number"
          className="input input-small schedule-number"
          aria-label="Interval"
          min={1}
          max={1000}
          value={Number.isNaN(draft.interval) ? '' : draft.interval}
          onChange={(e) => set({ interval: e.target.valueAsNumber })}
        />
        <select className="input input-small" aria-label="Unit" value={draft.freq} onChange={(e) => set({ freq: e.target.value as Freq })}>
          {(Object.keys(UNITS) as Freq[]).map((freq) => (
            <option key={freq} value={freq}>
              {draft.interval === 1 ? UNITS[freq][0] : UNITS[freq][1]}
            </option>
          ))}
        </select>
      </div>
      {draft.freq === 'WEEKLY' ? (
        <div className="weekday-toggles" role="group" aria-label="On days">
          {WEEKDAYS.map((day) => (
            <button key={day} type="button" className="weekday-toggle" aria-pressed={draft.weekdays.includes(day)} onClick={() => toggleDay(day)}>
              <span aria-hidden="true">{dayName(day).slice(0, 2)}</span>
              <span className="visually-hidden">{dayName(day)}</span>
            </button>
          ))}
        </div>
      ) : null}
      {draft.freq === 'MONTHLY' ? (
        <div className="schedule-rows" role="radiogroup" aria-label="On">
          <label className="schedule-row">
            <input type="radio" name="repeat-monthly" checked={draft.monthly.kind === 'day'} onChange={() => set({ monthly: { kind: 'day', day: draft.monthly.kind === 'day' ? draft.monthly.day : 1 } })} />
            <span>On day</span>
            <input
              type="number"
              className="input input-small schedule-number"
              aria-label="Day of the month"
              min={1}
              max={31}
              disabled={draft.monthly.kind !== 'day'}
              value={draft.monthly.kind === 'day' && !Number.isNaN(draft.monthly.day) ? draft.monthly.day : ''}
              onChange={(e) => set({ monthly: { kind: 'day', day: e.target.valueAsNumber } })}
            />
          </label>
          <div className="schedule-row">
            <input
              type="radio"
              name="repeat-monthly"
              aria-label="On a weekday of the month"
              checked={draft.monthly.kind === 'weekday'}
              onChange={() => set({ monthly: { kind: 'weekday', nth: 1, weekday: draft.weekdays[0] ?? 'MO' } })}
            />
            <span>On the</span>
            <select
              className="input input-small"
              aria-label="Which week"
              disabled={draft.monthly.kind !== 'weekday'}
              value={draft.monthly.kind === 'weekday' ? draft.monthly.nth : 1}
              onChange={(e) => draft.monthly.kind === 'weekday' && set({ monthly: { ...draft.monthly, nth: Number(e.target.value) as Nth } })}
            >
              {NTHS.map((nth) => (
                <option key={nth} value={nth}>
                  {NTH_WORDS[nth]}
                </option>
              ))}
            </select>
            <select
              className="input input-small"
              aria-label="Weekday"
              disabled={draft.monthly.kind !== 'weekday'}
              value={draft.monthly.kind === 'weekday' ? draft.monthly.weekday : 'MO'}
              onChange={(e) => draft.monthly.kind === 'weekday' && set({ monthly: { ...draft.monthly, weekday: e.target.value as Weekday } })}
            >
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  {dayName(day)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}

function EndFields({ end, onChange }: { end: RepeatEnd; onChange: (end: RepeatEnd) => void }) {
  return (
    <fieldset className="schedule-fieldset">
      <legend>Ends</legend>
      <div className="schedule-row">
        <label className="radio-pill">
          <input type="radio" name="repeat-end" checked={end.kind === 'never'} onChange={() => onChange({ kind: 'never' })} />
          <span>Never</span>
        </label>
        <label className="radio-pill">
          <input type="radio" name="repeat-end" checked={end.kind === 'count'} onChange={() => onChange({ kind: 'count', count: 10 })} />
          <span>After</span>
        </label>
        {end.kind === 'count' ? (
          <input
            type="number"
            className="input input-small schedule-number"
            aria-label="Number of times"
            min={1}
            max={10_000}
            value={Number.isNaN(end.count) ? '' : end.count}
            onChange={(e) => onChange({ kind: 'count', count: e.target.valueAsNumber })}
          />
        ) : null}
        {end.kind === 'count' ? <span>times</span> : null}
        <label className="radio-pill">
          <input type="radio" name="repeat-end" checked={end.kind === 'until'} onChange={() => onChange({ kind: 'until', date: '' })} />
          <span>On a date</span>
        </label>
        {end.kind === 'until' ? (
          <input type="date" className="input input-small" aria-label="Last date" value={end.date} onChange={(e) => onChange({ kind: 'until', date: e.target.value })} />
        ) : null}
      </div>
    </fieldset>
  );
}
