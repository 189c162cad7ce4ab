// A task → a VTODO (the write half of the mapping). A new VTODO is written whole; an update edits the VTODO last
// read (from a file or a server) field by field: a property is rewritten only when the task's value for it differs
// from what that VTODO says, so properties and parameters this app does not understand survive untouched.
import ICAL from 'ical.js';
import { tagKey } from '../../src-shared/tag-schemas.ts';
import type { Priority, Reminder } from '../../src-shared/task-schemas.ts';
import { zonedInstant } from '../../src-shared/schedule/zoned-time.ts';
import { timeProperty, utcText, utcValue, type ZoneContext } from './ical-time.ts';
import { readVtodo } from './read-vtodo.ts';
import {
  LIST_PROPERTY,
  REPEAT_FROM_PROPERTY,
  SNOOZE_PROPERTY,
  SORT_ORDER_PROPERTY,
  type TaskForVtodo,
} from './vtodo-fields.ts';

const PRIORITY_VALUES: Record<Priority, number | null> = { none: null, low: 9, medium: 5, high: 1 };

function replace(vtodo: ICAL.Component, name: string, value: string | number | ICAL.Time | null): void {
  vtodo.removeAllProperties(name);
  if (value !== null) vtodo.addPropertyWithValue(name, value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function writeCompletion(vtodo: ICAL.Component, task: TaskForVtodo): void {
  vtodo.removeAllProperties('completed');
  vtodo.removeAllProperties('percent-complete');
  replace(vtodo, 'status', task.completed ? 'COMPLETED' : 'NEEDS-ACTION');
  if (task.completed) {
    vtodo.addPropertyWithValue(
      'completed',
      utcValue(task.completedAt ?? task.updatedAt ?? new Date(0).toISOString()),
    );
    vtodo.addPropertyWithValue('percent-complete', 100);
  }
}

/**
 * DTSTART takes DUE's value type (RFC 5545 §3.8.2.3): a date beside an all-day due, else the start day's midnight
 * in the due's zone (UTC for a due without one); read back as that day.
 */
function writeStart(vtodo: ICAL.Component, task: TaskForVtodo): void {
  vtodo.removeAllProperties('dtstart');
  if (task.startDate === null) return;
  if (task.dueAt === null) {
    vtodo.addProperty(timeProperty('dtstart', { date: task.startDate }));
    return;
  }
  const zone = task.timeZone;
  const at = zonedInstant(task.startDate, { hour: 0, minute: 0 }, zone ?? 'UTC').toISOString();
  vtodo.addProperty(timeProperty('dtstart', { at, zone }));
}

function writeDue(vtodo: ICAL.Component, task: TaskForVtodo): void {
  vtodo.removeAllProperties('due');
  if (task.dueDate !== null) vtodo.addProperty(timeProperty('due', { date: task.dueDate }));
  else if (task.dueAt !== null)
    vtodo.addProperty(timeProperty('due', { at: task.dueAt, zone: task.timeZone }));
}

function writeRecurrence(vtodo: ICAL.Component, task: TaskForVtodo): void {
  vtodo.removeAllProperties('rrule');
  vtodo.removeAllProperties(REPEAT_FROM_PROPERTY.toLowerCase());
  if (task.recurrence === null) return;
  vtodo.addPropertyWithValue('rrule', ICAL.Recur.fromString(task.recurrence.rrule));
  if (task.recurrence.from === 'completion')
    vtodo.addPropertyWithValue(REPEAT_FROM_PROPERTY.toLowerCase(), 'COMPLETION');
}

function alarmFor(reminder: Reminder, title: string): ICAL.Component {
  const alarm = new ICAL.Component('valarm');
  alarm.addPropertyWithValue('action', 'DISPLAY');
  alarm.addPropertyWithValue('description', title);
  const trigger = new ICAL.Property('trigger');
  if ('at' in reminder) {
    trigger.resetType('date-time');
    trigger.setValue(utcValue(reminder.at));
  } else {
    trigger.setValue(ICAL.Duration.fromSeconds(-reminder.beforeMinutes * 60));
    trigger.setParameter('related', 'END');
  }
  alarm.addProperty(trigger);
  return alarm;
}

/** Keeps each VALARM that still stands for one of the task's reminders (with whatever else it carries). */
function writeReminders(vtodo: ICAL.Component, task: TaskForVtodo, ctx: ZoneContext): void {
  const wanted = new Map(task.reminders.map((r) => [JSON.stringify(r), r]));
  for (const alarm of vtodo.getAllSubcomponents('valarm')) {
    const probe = new ICAL.Component('vtodo');
    for (const name of ['due', 'dtstart']) {
      const prop = vtodo.getFirstProperty(name);
      if (prop !== null) probe.addProperty(ICAL.Property.fromString(prop.toICALString()));
    }
    probe.addSubcomponent(new ICAL.Component(alarm.toJSON() as unknown[]));
    const [reminder] = readVtodo(probe, ctx, 0).draft.reminders;
    const key = reminder === undefined ? null : JSON.stringify(reminder);
    if (key !== null && wanted.has(key)) wanted.delete(key);
    else if (text(alarm, 'action')?.toUpperCase() !== 'NONE') vtodo.removeSubcomponent(alarm);
  }
  for (const reminder of wanted.values()) vtodo.addSubcomponent(alarmFor(reminder, task.title));
}

function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : null;
}

function writeParent(vtodo: ICAL.Component, task: TaskForVtodo): void {
  for (const prop of vtodo.getAllProperties('related-to')) {
    const reltype = String(prop.getParameter('reltype') ?? 'PARENT').toUpperCase();
    if (reltype === 'PARENT') vtodo.removeProperty(prop);
  }
  if (task.parentUid === null) return;
  const prop = new ICAL.Property('related-to');
  prop.setParameter('reltype', 'PARENT');
  prop.setValue(task.parentUid);
  vtodo.addProperty(prop);
}

function writeTags(vtodo: ICAL.Component, task: TaskForVtodo): void {
  vtodo.removeAllProperties('categories');
  if (task.tags.length === 0) return;
  const prop = new ICAL.Property('categories');
  prop.setValues(task.tags);
  vtodo.addProperty(prop);
}

/** iCalendar text escapes LF only (\\n); a CR would end the content line, so CR LF and CR are written as LF. */
function lineBreaks(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

const dueKind = (t: TaskForVtodo): string =>
  t.dueDate !== null ? 'date' : t.dueAt !== null ? 'time' : 'none';

const tagsKey = (tags: string[]): string => JSON.stringify(tags.map(tagKey).sort());

/**
 * Writes `task` into `vtodo` (edited in place). `before` is what `vtodo` said when it was read (null for a new
 * VTODO: every field is written); only fields that differ from it are rewritten.
 */
export function applyTask(
  vtodo: ICAL.Component,
  before: TaskForVtodo | null,
  task: TaskForVtodo,
  ctx: ZoneContext,
  now: Date,
): void {
  const changed = <K extends keyof TaskForVtodo>(...keys: K[]): boolean =>
    before === null || keys.some((key) => !sameJson(before[key], task[key]));
  let any = before === null;
  const step = (is: boolean, write: () => void): void => {
    if (!is) return;
    any = true;
    write();
  };
  if (before === null) {
    replace(vtodo, 'uid', task.uid);
    if (task.createdAt !== null) replace(vtodo, 'created', utcValue(task.createdAt));
  }
  step(changed('title'), () => replace(vtodo, 'summary', lineBreaks(task.title)));
  step(changed('description'), () =>
    replace(vtodo, 'description', task.description.length > 0 ? lineBreaks(task.description) : null),
  );
  step(changed('priority'), () => replace(vtodo, 'priority', PRIORITY_VALUES[task.priority]));
  step(changed('completed', 'completedAt'), () => writeCompletion(vtodo, task));
  const dueChanged = changed('dueDate', 'dueAt', 'timeZone');
  // DTSTART follows DUE's value type: rewritten when the start date changes or the due turns all-day/timed.
  step(changed('startDate') || (before !== null && dueKind(before) !== dueKind(task)), () =>
    writeStart(vtodo, task),
  );
  step(dueChanged, () => writeDue(vtodo, task));
  step(changed('recurrence'), () => writeRecurrence(vtodo, task));
  step(dueChanged || changed('reminders'), () => writeReminders(vtodo, task, ctx));
  step(changed('snoozedUntil'), () =>
    replace(
      vtodo,
      SNOOZE_PROPERTY.toLowerCase(),
      task.snoozedUntil === null ? null : utcText(task.snoozedUntil),
    ),
  );
  step(before === null || tagsKey(before.tags) !== tagsKey(task.tags), () => writeTags(vtodo, task));
  step(changed('parentUid'), () => writeParent(vtodo, task));
  step(changed('sortOrder'), () =>
    replace(
      vtodo,
      SORT_ORDER_PROPERTY.toLowerCase(),
      task.sortOrder === null ? null : String(task.sortOrder),
    ),
  );
  step(changed('listName'), () => replace(vtodo, LIST_PROPERTY.toLowerCase(), task.listName));
  replace(vtodo, 'dtstamp', utcValue(now.toISOString()));
  if (any) {
    replace(vtodo, 'last-modified', utcValue(task.updatedAt ?? now.toISOString()));
    const sequence = Number(vtodo.getFirstPropertyValue('sequence'));
    if (before !== null && vtodo.hasProperty('sequence') && Number.isInteger(sequence)) {
      replace(vtodo, 'sequence', sequence + 1);
    }
  }
}
