// Tasks → iCalendar text: a whole calendar (the .ics export: one VCALENDAR, a VTODO per task, the VTIMEZONEs their
// times use) and one task as a calendar resource (CalDAV: a VCALENDAR holding one VTODO), written fresh or as an edit
// of the resource last read so that what other apps put in it survives.
import ICAL from 'ical.js';
import { timeProperty, utcValue, type ZoneContext } from './ical-time.ts';
import { readVtodo } from './read-vtodo.ts';
import { buildVtimezone } from './vtimezone.ts';
import { applyTask } from './write-vtodo.ts';
import {
  CALENDAR_NAME_PROPERTY,
  type OccurrenceCompletion,
  PRODUCT_ID,
  type TaskForVtodo,
} from './vtodo-fields.ts';

function newCalendar(name: string | null): ICAL.Component {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', PRODUCT_ID);
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  if (name !== null) calendar.addPropertyWithValue(CALENDAR_NAME_PROPERTY.toLowerCase(), name);
  return calendar;
}

/** One VTIMEZONE per zone the tasks' timed dues use, covering the years of those dues (and the next one). */
function addVtimezones(calendar: ICAL.Component, tasks: readonly TaskForVtodo[]): void {
  const years = new Map<string, { min: number; max: number }>();
  for (const task of tasks) {
    if (task.dueAt === null || task.timeZone === null || task.timeZone === 'UTC') continue;
    const year = new Date(task.dueAt).getUTCFullYear();
    const span = years.get(task.timeZone);
    years.set(task.timeZone, {
      min: Math.min(span?.min ?? year, year - 1),
      max: Math.max(span?.max ?? year, year + 1),
    });
  }
  const have = new Set(
    calendar.getAllSubcomponents('vtimezone').map((tz) => String(tz.getFirstPropertyValue('tzid'))),
  );
  for (const [zone, span] of years) {
    if (!have.has(zone))
      calendar.addSubcomponent(buildVtimezone(zone, span.min, Math.max(span.max, span.min)));
  }
}

/**
 * A past completion of a recurring task as Thunderbird writes one: a VTODO with the series' UID, RECURRENCE-ID and
 * DUE at the occurrence, STATUS:COMPLETED. Read back (read-calendar.ts) as a completion, not a second task.
 */
function completedOccurrence(
  task: TaskForVtodo,
  done: OccurrenceCompletion,
  now: Date,
): ICAL.Component | null {
  const at: { date: string } | { at: string; zone: string | null } | null =
    done.dueDate !== null
      ? { date: done.dueDate }
      : done.dueAt !== null
        ? { at: done.dueAt, zone: done.timeZone ?? task.timeZone }
        : null;
  if (at === null) return null;
  const vtodo = new ICAL.Component('vtodo');
  vtodo.addPropertyWithValue('uid', task.uid);
  vtodo.addPropertyWithValue('dtstamp', utcValue(now.toISOString()));
  vtodo.addProperty(timeProperty('recurrence-id', at));
  vtodo.addPropertyWithValue('summary', task.title.replace(/\r\n?/g, '\n'));
  vtodo.addProperty(timeProperty('due', at));
  vtodo.addPropertyWithValue('status', 'COMPLETED');
  vtodo.addPropertyWithValue('completed', utcValue(done.completedAt));
  vtodo.addPropertyWithValue('percent-complete', 100);
  return vtodo;
}

const WRITE_CONTEXT: ZoneContext = { vtimezones: new Map(), floatingZone: 'UTC' };

/** The .ics export: one VCALENDAR named `name` (X-WR-CALNAME; null for none) with a VTODO per task, in order. */
export function writeCalendar(
  name: string | null,
  tasks: readonly TaskForVtodo[],
  now: Date = new Date(),
): string {
  const calendar = newCalendar(name);
  addVtimezones(calendar, tasks);
  for (const task of tasks) {
    const vtodo = new ICAL.Component('vtodo');
    applyTask(vtodo, null, task, WRITE_CONTEXT, now);
    calendar.addSubcomponent(vtodo);
    for (const occurrence of task.recurrence === null ? [] : (task.completions ?? [])) {
      const done = completedOccurrence(task, occurrence, now);
      if (done !== null) calendar.addSubcomponent(done);
    }
  }
  return calendar.toString() + '\r\n';
}

/**
 * One task as a calendar resource. With `previous` (the resource as last read), that resource's VTODO is edited
 * field by field and everything else in it (unknown properties, alarms' extra lines, other VTIMEZONEs) is kept.
 */
export function writeTaskResource(
  task: TaskForVtodo,
  previous: string | null,
  now: Date = new Date(),
): string {
  if (previous === null) return writeCalendar(null, [task], now);
  const calendar = new ICAL.Component(ICAL.parse(previous.replace(/^\uFEFF/, '')) as unknown[]);
  const ctx: ZoneContext = { vtimezones: new Map(), floatingZone: 'UTC' };
  for (const tz of calendar.getAllSubcomponents('vtimezone'))
    ctx.vtimezones.set(String(tz.getFirstPropertyValue('tzid')), tz);
  const vtodo =
    calendar.getAllSubcomponents('vtodo').find((c) => !c.hasProperty('recurrence-id')) ??
    calendar.getFirstSubcomponent('vtodo');
  if (vtodo === null) {
    const fresh = new ICAL.Component('vtodo');
    applyTask(fresh, null, task, WRITE_CONTEXT, now);
    calendar.addSubcomponent(fresh);
  } else {
    applyTask(vtodo, readVtodo(vtodo, ctx, 0).draft, task, ctx, now);
  }
  addVtimezones(calendar, [task]);
  return calendar.toString() + '\r\n';
}
