// One VTODO → the task fields it carries (the read half of the mapping). Lenient the way other apps' files need:
// PRIORITY 1-4 high, 5 medium, 6-9 low; completion from STATUS, COMPLETED or PERCENT-COMPLETE; tags from every
// CATEGORIES; reminders from VALARMs relative to DUE (RELATED=END) or DTSTART, or absolute. What cannot be kept as
// written is dropped with a note rather than failing the task.
import ICAL from 'ical.js';
import {
  BEFORE_MINUTES_MAX,
  recurrence as recurrenceSchema,
  REMINDERS_MAX,
} from '../../src-shared/schedule-schemas.ts';
import { normalizeRrule } from '../../src-shared/recurrence-rule.ts';
import { TAG_NAME_MAX, tagKey, TAGS_PER_TASK_MAX } from '../../src-shared/tag-schemas.ts';
import type { Priority, Reminder } from '../../src-shared/task-schemas.ts';
import { localDate, zonedInstant } from '../../src-shared/schedule/zoned-time.ts';
import { readTime, readUtcText, type ReadTime, type ZoneContext } from './ical-time.ts';
import {
  LIST_PROPERTY,
  NO_FIELDS,
  REPEAT_FROM_PROPERTY,
  SNOOZE_PROPERTY,
  SORT_ORDER_PROPERTY,
  type VtodoDraft,
} from './vtodo-fields.ts';

/** A VTODO as read, before the calendar's other VTODOs are looked at (parents, occurrences, order). */
export interface ReadVtodo {
  draft: VtodoDraft;
  /** UIDs this VTODO names as its children (RELATED-TO;RELTYPE=CHILD). */
  childUids: string[];
  /** RECURRENCE-ID: this is one occurrence of a recurring task. */
  recurrenceId: ReadTime | null;
}

export function readPriority(value: unknown): Priority {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 9) return 'none';
  return n <= 4 ? 'high' : n === 5 ? 'medium' : 'low';
}

function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : null;
}

function instantOf(time: ReadTime | null, ctx: ZoneContext): string | null {
  if (time === null) return null;
  if (time.kind === 'instant') return time.at;
  return zonedInstant(time.date, { hour: 0, minute: 0 }, ctx.floatingZone).toISOString();
}

function timeOf(component: ICAL.Component, name: string, ctx: ZoneContext): ReadTime | null {
  const prop = component.getFirstProperty(name);
  return prop === null ? null : readTime(prop, ctx);
}

/** A CATEGORIES value as a tag name: no spaces or quick-add characters, at most 50 characters. */
export function tagFromCategory(category: string): string {
  return [...category.trim().replace(/\s+/gu, '-').replace(/[#@!]/gu, '')].slice(0, TAG_NAME_MAX).join('');
}

function readTags(component: ICAL.Component, notes: string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const prop of component.getAllProperties('categories')) {
    for (const value of prop.getValues()) {
      if (typeof value !== 'string') continue;
      const tag = tagFromCategory(value);
      if (tag.length === 0 || seen.has(tagKey(tag))) continue;
      if (tag !== value.trim()) notes.push(`Category "${value.slice(0, 60)}" became the tag "${tag}".`);
      seen.add(tagKey(tag));
      tags.push(tag);
    }
  }
  if (tags.length > TAGS_PER_TASK_MAX) {
    notes.push(`Only the first ${TAGS_PER_TASK_MAX} of ${tags.length} categories were kept.`);
    return tags.slice(0, TAGS_PER_TASK_MAX);
  }
  return tags;
}

function readRecurrence(
  component: ICAL.Component,
  hasDue: boolean,
  notes: string[],
): VtodoDraft['recurrence'] {
  const value = component.getFirstPropertyValue('rrule');
  if (!(value instanceof ICAL.Recur)) return null;
  const raw = normalizeRrule(value.toString());
  // tasks.org spells "repeat from completion" as a FROM=COMPLETION rule part in its own database.
  const fromPart = /(^|;)FROM=([A-Z-]+)/.exec(raw);
  const rule = raw.replace(/(^|;)FROM=[A-Z-]+/, '').replace(/^;/, '');
  const fromProperty = text(component, REPEAT_FROM_PROPERTY.toLowerCase())?.toUpperCase();
  const from = fromProperty === 'COMPLETION' || fromPart?.[2] === 'COMPLETION' ? 'completion' : 'due';
  if (!hasDue) {
    notes.push('RRULE dropped: a repeating task needs a due date.');
    return null;
  }
  const parsed = recurrenceSchema.safeParse({ rrule: rule, from });
  if (!parsed.success) {
    notes.push(`RRULE "${rule.slice(0, 80)}" dropped: ${parsed.error.issues[0]?.message ?? 'not supported'}`);
    return null;
  }
  return parsed.data;
}

function readReminders(
  component: ICAL.Component,
  ctx: ZoneContext,
  due: ReadTime | null,
  start: ReadTime | null,
  notes: string[],
): Reminder[] {
  const reminders: Reminder[] = [];
  const seen = new Set<string>();
  const add = (reminder: Reminder): void => {
    const key = JSON.stringify(reminder);
    if (seen.has(key)) return;
    seen.add(key);
    reminders.push(reminder);
  };
  for (const alarm of component.getAllSubcomponents('valarm')) {
    const action = text(alarm, 'action')?.toUpperCase();
    // Apple writes ACTION:NONE alarms to say "no default alarm".
    if (action === 'NONE') continue;
    const trigger = alarm.getFirstProperty('trigger');
    if (trigger === null) continue;
    const value = trigger.getFirstValue();
    if (value instanceof ICAL.Time) {
      const at = instantOf(readTime(trigger, ctx), ctx);
      if (at !== null) add({ at });
      continue;
    }
    if (!(value instanceof ICAL.Duration)) continue;
    const seconds = value.toSeconds();
    const related = String(trigger.getParameter('related') ?? 'START').toUpperCase();
    // RELATED=START without a DTSTART: read against the due, as Thunderbird and tasks.org do for tasks.
    const anchor = related === 'END' || start === null ? due : start;
    if (anchor === null) {
      notes.push('A reminder relative to a missing DUE/DTSTART was dropped.');
      continue;
    }
    // Relative to a DTSTART at the due's instant (Apple, Thunderbird write DTSTART = DUE) is relative to the due.
    const atDue =
      anchor === due || (anchor.kind === 'instant' && due?.kind === 'instant' && anchor.at === due.at);
    if (
      atDue &&
      due?.kind === 'instant' &&
      seconds <= 0 &&
      seconds % 60 === 0 &&
      -seconds / 60 <= BEFORE_MINUTES_MAX
    ) {
      add({ beforeMinutes: Math.abs(seconds) / 60 });
      continue;
    }
    const base = instantOf(anchor, ctx);
    if (base !== null) add({ at: new Date(Date.parse(base) + seconds * 1000).toISOString() });
  }
  if (reminders.length > REMINDERS_MAX) {
    notes.push(`Only the first ${REMINDERS_MAX} of ${reminders.length} reminders were kept.`);
    return reminders.slice(0, REMINDERS_MAX);
  }
  return reminders;
}

function readSortOrder(component: ICAL.Component, notes: string[]): number | null {
  const value = component.getFirstPropertyValue(SORT_ORDER_PROPERTY.toLowerCase());
  if (value === null || value === undefined) return null;
  const raw = String(value).trim();
  const n = /^[+-]?\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n)) {
    notes.push(`${SORT_ORDER_PROPERTY} "${raw.slice(0, 40)}" is not an integer: ignored.`);
    return null;
  }
  return n;
}

function readCompletion(
  component: ICAL.Component,
  ctx: ZoneContext,
  notes: string[],
): Pick<VtodoDraft, 'completed' | 'completedAt'> {
  const status = text(component, 'status')?.toUpperCase() ?? null;
  const completedTime = instantOf(timeOf(component, 'completed', ctx), ctx);
  const percent = Number(component.getFirstPropertyValue('percent-complete') ?? 0);
  if (status === 'CANCELLED') notes.push('A cancelled task was imported as completed.');
  const completed =
    status === 'COMPLETED' ||
    status === 'CANCELLED' ||
    (status === null && (completedTime !== null || percent >= 100));
  if (!completed) return { completed: false, completedAt: null };
  const stamp = instantOf(timeOf(component, 'last-modified', ctx) ?? timeOf(component, 'dtstamp', ctx), ctx);
  return { completed: true, completedAt: completedTime ?? stamp };
}

/** Reads one VTODO. `index` is its place in the file, for the UID of a VTODO without one. */
export function readVtodo(component: ICAL.Component, ctx: ZoneContext, index: number): ReadVtodo {
  const notes: string[] = [];
  const uid = text(component, 'uid')?.trim() ?? '';
  const due = timeOf(component, 'due', ctx);
  const start = timeOf(component, 'dtstart', ctx);
  for (const time of [due, start]) if (time?.kind === 'instant' && time.note !== null) notes.push(time.note);

  const schedule: Pick<VtodoDraft, 'dueDate' | 'dueAt' | 'timeZone'> =
    due === null
      ? { dueDate: null, dueAt: null, timeZone: null }
      : due.kind === 'date'
        ? { dueDate: due.date, dueAt: null, timeZone: null }
        : { dueDate: null, dueAt: due.at, timeZone: due.zone };
  const startDate =
    start === null
      ? null
      : start.kind === 'date'
        ? start.date
        : localDate(new Date(start.at), start.zone ?? ctx.floatingZone);

  const parentUids: string[] = [];
  const childUids: string[] = [];
  for (const prop of component.getAllProperties('related-to')) {
    const target = prop.getFirstValue();
    if (typeof target !== 'string' || target.trim().length === 0) continue;
    const reltype = String(prop.getParameter('reltype') ?? 'PARENT').toUpperCase();
    if (reltype === 'PARENT') parentUids.push(target.trim());
    else if (reltype === 'CHILD') childUids.push(target.trim());
  }

  const recurrenceIdProp = component.getFirstProperty('recurrence-id');
  const draft: VtodoDraft = {
    ...NO_FIELDS,
    uid: uid.length > 0 ? uid : `missing-uid-${index}`,
    title: (text(component, 'summary') ?? '').trim(),
    description: text(component, 'description') ?? '',
    priority: readPriority(component.getFirstPropertyValue('priority')),
    ...readCompletion(component, ctx, notes),
    ...schedule,
    startDate,
    recurrence: readRecurrence(component, due !== null, notes),
    reminders: readReminders(component, ctx, due, start, notes),
    snoozedUntil: readUtcText(component.getFirstPropertyValue(SNOOZE_PROPERTY.toLowerCase())),
    tags: readTags(component, notes),
    parentUid: parentUids.find((p) => p !== uid) ?? null,
    sortOrder: readSortOrder(component, notes),
    listName: text(component, LIST_PROPERTY.toLowerCase())?.trim() || null,
    createdAt: instantOf(timeOf(component, 'created', ctx), ctx),
    updatedAt: instantOf(timeOf(component, 'last-modified', ctx) ?? timeOf(component, 'dtstamp', ctx), ctx),
    completions: [],
    notes,
  };
  if (uid.length === 0) notes.push('The VTODO has no UID: its place in the file stands in for one.');
  if (parentUids.includes(uid)) notes.push('RELATED-TO names the task itself: ignored.');
  return {
    draft,
    childUids,
    recurrenceId: recurrenceIdProp === null ? null : readTime(recurrenceIdProp, ctx),
  };
}
