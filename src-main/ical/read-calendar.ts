// A whole iCalendar file → task drafts in the app's order (the read half of the mapping, for import and for a
// CalDAV calendar's resources). Several VCALENDARs in one file; each VTODO's list is its own X-TASKS-DESKTOP-LIST or
// its calendar's X-WR-CALNAME. Parents from RELATED-TO in either direction; a Thunderbird-style completed occurrence
// (same UID + RECURRENCE-ID) becomes a completion of its series, whose due moves past it; anything that is not a
// task is reported, never silently dropped.
import ICAL from 'ical.js';
import { nextOccurrence } from '../../src-shared/schedule/recurrence.ts';
import type { ZoneContext } from './ical-time.ts';
import { readVtodo, type ReadVtodo } from './read-vtodo.ts';
import { CALENDAR_NAME_PROPERTY, type VtodoDraft } from './vtodo-fields.ts';

export type IcalSkipReason = 'NOT_A_TASK' | 'INVALID' | 'DUPLICATE_IN_FILE';

export interface IcalSkip {
  /** Place of the component in the file: 0 for the first VTODO/VEVENT/VJOURNAL/... (VTIMEZONEs not counted). */
  index: number;
  uid: string | null;
  reason: IcalSkipReason;
  message: string;
}

export interface IcalTask extends VtodoDraft {
  index: number;
}

export interface IcalRead {
  /** The VCALENDARs' names (X-WR-CALNAME), in file order; null for one without. */
  calendarNames: Array<string | null>;
  /** In the app's order: siblings by X-APPLE-SORT-ORDER (as numbers, lower first), then file order. */
  tasks: IcalTask[];
  skipped: IcalSkip[];
}

/** The file is not iCalendar at all (no VCALENDAR, or a line ical.js cannot read). */
export class IcalMalformed extends Error {
  override readonly name = 'IcalMalformed';
}

export interface IcalReadOptions {
  /** The zone floating times (no TZID, no Z) are read in; default UTC. */
  floatingZone?: string;
  /**
   * A RELATED-TO parent that is not in the text: `drop` (default: a file is read whole, the task goes to top
   * level, with a note) or `keep` (one resource of a calendar read on its own, as sync does).
   */
  parentsOutsideFile?: 'drop' | 'keep';
}

function parseRoots(text: string): ICAL.Component[] {
  const body = text.replace(/^\uFEFF/, '');
  if (!/^\s*BEGIN:VCALENDAR/i.test(body)) {
    throw new IcalMalformed('This is not an iCalendar file (it does not start with BEGIN:VCALENDAR).');
  }
  let parsed: unknown;
  try {
    parsed = ICAL.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
    throw new IcalMalformed(`The iCalendar file cannot be read: ${reason}`);
  }
  const roots = Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : (parsed as unknown[]);
  return roots.map((jcal) => {
    const component = new ICAL.Component(jcal as unknown[]);
    if (component.name !== 'vcalendar') {
      throw new IcalMalformed(`Expected VCALENDAR, found ${component.name.toUpperCase().slice(0, 40)}.`);
    }
    return component;
  });
}

const KIND_NAMES: Record<string, string> = {
  vevent: 'an event',
  vjournal: 'a journal entry',
  vfreebusy: 'free/busy time',
};

/** Completed occurrences become completions of the series, whose due moves past each of them. */
function foldOccurrences(master: VtodoDraft, occurrences: ReadVtodo[]): void {
  const done = occurrences
    .filter((o) => o.draft.completed && o.recurrenceId !== null)
    .map((o) => ({
      id: o.recurrenceId!,
      completedAt: o.draft.completedAt ?? o.draft.updatedAt ?? new Date(0).toISOString(),
    }))
    .sort((a, b) => (a.completedAt < b.completedAt ? -1 : a.completedAt > b.completedAt ? 1 : 0));
  for (const occurrence of done) {
    master.completions.push({
      completedAt: occurrence.completedAt,
      dueDate: occurrence.id.kind === 'date' ? occurrence.id.date : null,
      dueAt: occurrence.id.kind === 'instant' ? occurrence.id.at : null,
      timeZone: occurrence.id.kind === 'instant' ? master.timeZone : null,
    });
    const occurrenceKey = occurrence.id.kind === 'date' ? occurrence.id.date : occurrence.id.at;
    const dueKey = master.dueDate ?? master.dueAt;
    if (master.recurrence === null || master.completed || dueKey === null || occurrenceKey < dueKey) continue;
    const next = nextOccurrence({
      rrule: master.recurrence.rrule,
      from: 'due',
      due: { dueDate: master.dueDate, dueAt: master.dueAt, timeZone: master.timeZone },
      completedAt: new Date(occurrence.completedAt),
      done: master.completions.length - 1,
    });
    if (next === null) {
      master.completed = true;
      master.completedAt = occurrence.completedAt;
    } else {
      master.dueDate = next.dueDate;
      master.dueAt = next.dueAt;
    }
  }
}

/** Parents by UID: the VTODO's own RELATED-TO;RELTYPE=PARENT (or no RELTYPE), else a parent naming it as CHILD. */
function resolveParents(
  entries: Array<{ draft: IcalTask; childUids: string[] }>,
  keepOutside: boolean,
): void {
  const byUid = new Map(entries.map((e) => [e.draft.uid, e.draft]));
  const claimedBy = new Map<string, string>();
  for (const { draft, childUids } of entries) {
    for (const child of childUids)
      if (child !== draft.uid && !claimedBy.has(child)) claimedBy.set(child, draft.uid);
  }
  for (const { draft } of entries) {
    if (draft.parentUid !== null && !byUid.has(draft.parentUid) && !keepOutside) {
      draft.notes.push(
        `The parent "${draft.parentUid.slice(0, 80)}" is not in the file: imported at top level.`,
      );
      draft.parentUid = null;
    }
    draft.parentUid ??= claimedBy.get(draft.uid) ?? null;
  }
  // A cycle (A's parent B, B's parent A) is cut where it is found.
  for (const { draft } of entries) {
    const seen = new Set<string>([draft.uid]);
    let at: IcalTask | undefined = draft;
    while (at?.parentUid != null) {
      if (seen.has(at.parentUid)) {
        at.notes.push('RELATED-TO makes a cycle: this task was put at top level.');
        at.parentUid = null;
        break;
      }
      seen.add(at.parentUid);
      at = byUid.get(at.parentUid);
    }
  }
}

/** The reading, one component at a time (yield) so that a caller may give other work a turn between them. */
function* readSteps(text: string, options: IcalReadOptions): Generator<void, IcalRead> {
  const roots = parseRoots(text);
  const calendarNames: Array<string | null> = [];
  const skipped: IcalSkip[] = [];
  const series = new Map<
    string,
    { master: (ReadVtodo & { index: number }) | null; occurrences: Array<ReadVtodo & { index: number }> }
  >();
  const order: string[] = [];
  let index = 0;
  for (const root of roots) {
    const nameValue = root.getFirstPropertyValue(CALENDAR_NAME_PROPERTY.toLowerCase());
    const calendarName =
      typeof nameValue === 'string' && nameValue.trim().length > 0 ? nameValue.trim() : null;
    calendarNames.push(calendarName);
    const ctx: ZoneContext = {
      vtimezones: new Map(),
      floatingZone: options.floatingZone ?? 'UTC',
      zoneNames: new Map(),
    };
    for (const tz of root.getAllSubcomponents('vtimezone')) {
      const tzid = tz.getFirstPropertyValue('tzid');
      if (typeof tzid === 'string') ctx.vtimezones.set(tzid, tz);
    }
    for (const component of root.getAllSubcomponents()) {
      if (component.name === 'vtimezone') continue;
      yield;
      const at = index++;
      if (component.name !== 'vtodo') {
        const kind = KIND_NAMES[component.name] ?? `a ${component.name.toUpperCase().slice(0, 40)}`;
        const uid = component.getFirstPropertyValue('uid');
        skipped.push({
          index: at,
          uid: typeof uid === 'string' ? uid : null,
          reason: 'NOT_A_TASK',
          message: `${component.name.toUpperCase().slice(0, 40)} is ${kind}, not a task (VTODO).`,
        });
        continue;
      }
      let read: ReadVtodo;
      try {
        read = readVtodo(component, ctx, at);
      } catch (error) {
        const reason = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
        skipped.push({
          index: at,
          uid: null,
          reason: 'INVALID',
          message: `This VTODO cannot be read: ${reason}`,
        });
        continue;
      }
      read.draft.listName ??= calendarName;
      const uid = read.draft.uid;
      let entry = series.get(uid);
      if (entry === undefined) {
        entry = { master: null, occurrences: [] };
        series.set(uid, entry);
        order.push(uid);
      }
      if (read.recurrenceId !== null) {
        entry.occurrences.push({ ...read, index: at });
        if (!read.draft.completed) {
          skipped.push({
            index: at,
            uid,
            reason: 'DUPLICATE_IN_FILE',
            message: 'An edited occurrence (RECURRENCE-ID) of a recurring task: the series is imported once.',
          });
        }
      } else if (entry.master !== null) {
        skipped.push({
          index: at,
          uid,
          reason: 'DUPLICATE_IN_FILE',
          message: 'The same UID appears earlier in the file.',
        });
      } else {
        entry.master = { ...read, index: at };
      }
    }
  }
  const entries: Array<{ draft: IcalTask; childUids: string[] }> = [];
  for (const uid of order) {
    const { master, occurrences } = series.get(uid)!;
    if (master === null) {
      for (const o of occurrences.filter((o) => o.draft.completed)) {
        skipped.push({
          index: o.index,
          uid,
          reason: 'INVALID',
          message: 'A completed occurrence (RECURRENCE-ID) whose recurring task is not in the file.',
        });
      }
      continue;
    }
    foldOccurrences(master.draft, occurrences);
    entries.push({ draft: { ...master.draft, index: master.index }, childUids: master.childUids });
  }
  resolveParents(entries, options.parentsOutsideFile === 'keep');
  // Stable: equal sort orders (and none) keep file order; those without one come after those with one.
  const tasks = entries
    .map((e) => e.draft)
    .sort(
      (a, b) =>
        (a.sortOrder ?? Number.POSITIVE_INFINITY) - (b.sortOrder ?? Number.POSITIVE_INFINITY) ||
        a.index - b.index,
    );
  skipped.sort((a, b) => a.index - b.index);
  return { calendarNames, tasks, skipped };
}

export function readCalendars(text: string, options: IcalReadOptions = {}): IcalRead {
  const steps = readSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long the asynchronous reading works before it gives the event loop a turn. */
const SLICE_MS = 10;

/**
 * readCalendars, giving the event loop a turn every 10 ms between components: mapping 20,000 VTODOs takes ~4x as long
 * as ical.js's parse of the text (bench/ical-parse.ts), and an import must not hold other requests that long. The
 * parse itself is one synchronous step.
 */
export async function readCalendarsAsync(
  text: string,
  options: IcalReadOptions = {},
  yieldTurn: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
): Promise<IcalRead> {
  const steps = readSteps(text, options);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldTurn();
      sliceStart = performance.now();
    }
  }
}
