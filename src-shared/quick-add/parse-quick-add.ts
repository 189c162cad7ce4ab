// The natural-language quick-add parser: one pure function used by the renderer (chips), the API
// (POST .../quick-add, .../quick-add/parse) and any CLI. No Node or DOM APIs; the time zone is an input and
// the machine's zone is never read. The passes run in this order, each masking what it understood:
//   quoted lists #"..." -> "literal text" -> #List -> @tag -> priority -> every ... -> remind ... -> start ...
//   -> dates.
import { findDatePhrases, type DateOrder, type DatePhrase } from './date-phrases.ts';
import type { QuickAddParsed, QuickAddSpan, QuickAddWarning, ReminderValue } from './quick-add-schemas.ts';
import { REMINDERS_MAX } from '../schedule-schemas.ts';
import { findRecurrences, type RecurrenceMatch } from './recurrence-phrases.ts';
import { findReminders } from './reminder-phrases.ts';
import { findStartPhrases } from './start-phrases.ts';
import { TextScan } from './text-scan.ts';
import { scanLists, scanLiterals, scanPriority, scanQuotedLists, scanTags } from './token-rules.ts';
import { addDays, formatDate, ZoneClock, type CalendarDate } from './zoned-time.ts';

export interface QuickAddList {
  id: string;
  name: string;
}

export interface QuickAddContext {
  /** The client's clock: "today", "in 3 days" and "at 5pm" are read from it. */
  now: Date | number | string;
  /** IANA zone the text is meant in (validate it first, e.g. with the timeZone schema: an unknown zone throws RangeError). */
  timeZone: string;
  /** The account's lists (names, or { id, name }); `#name` matches one of them ignoring case. */
  lists?: ReadonlyArray<string | QuickAddList>;
  /** How "5/12" reads: month/day (default) or day/month. */
  dateOrder?: DateOrder;
}

const DEFAULT_REMINDER_MINUTES = 9 * 60;
const NOTHING = { startDate: null, dueDate: null, dueAt: null, recurrence: null, list: null, priority: null } as const;

function epoch(now: QuickAddContext['now']): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new RangeError('now is not a valid date');
  return ms;
}

/** The first day on or after `from` that is an occurrence (the day after when its time has passed today). */
function firstOccurrence(rule: RecurrenceMatch, from: CalendarDate, skipFrom: boolean): CalendarDate {
  let day = skipFrom ? addDays(from, 1) : from;
  for (let i = 0; i < 3000 && !rule.matches(day); i++) day = addDays(day, 1);
  return day;
}

interface Due {
  dueDate: string | null;
  dueAt: string | null;
  /** The due's calendar day in the zone (reminders given as a time alone fall on it). */
  day: CalendarDate | null;
}

function resolveDue(
  phrase: DatePhrase | undefined,
  rule: RecurrenceMatch | undefined,
  clock: ZoneClock,
  now: number,
): Due {
  const today = clock.wallClock(now);
  if (phrase?.exact != null) {
    const w = clock.wallClock(phrase.exact);
    return { dueDate: null, dueAt: clock.isoWithOffset(phrase.exact), day: w };
  }
  if (!phrase && !rule) return { dueDate: null, dueAt: null, day: null };
  let day: CalendarDate = phrase?.date ?? phrase?.impliedDate ?? today;
  const minutes = phrase?.minutes ?? null;
  if (rule) {
    // Without a day of its own, a rule starts today, or tomorrow when today's time has already passed.
    const passed = !phrase?.date && minutes !== null && minutes <= today.hour * 60 + today.minute;
    day = firstOccurrence(rule, phrase?.date ?? today, passed && rule.matches(today));
  }
  if (minutes === null) return { dueDate: formatDate(day), dueAt: null, day };
  const instant = clock.instant({ ...day, hour: Math.floor(minutes / 60), minute: minutes % 60 });
  return { dueDate: null, dueAt: clock.isoWithOffset(instant), day };
}

function reminderAt(at: DatePhrase, due: Due, clock: ZoneClock): string {
  if (at.exact != null) return clock.isoWithOffset(at.exact);
  const day = at.date ?? due.day ?? at.impliedDate;
  const minutes = at.minutes ?? DEFAULT_REMINDER_MINUTES;
  return clock.isoWithOffset(clock.instant({ ...day, hour: Math.floor(minutes / 60), minute: minutes % 60 }));
}

/** The text without the understood parts, literal text without its quotes, spaces tidied. */
function titleOf(text: string, spans: readonly QuickAddSpan[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start);
    out += span.kind === 'literal' ? span.value.text : ' ';
    at = span.end;
  }
  out += text.slice(at);
  return out
    .replace(/\s+/g, ' ')
    .replace(/ ([,;:.!?])(?= |$)/g, '$1')
    .replace(/^[\s,;:-]+|[\s,;:-]+$/g, '');
}

function listValue(
  name: string,
  known: ReadonlyArray<{ id?: string | undefined; name: string }>,
): QuickAddParsed['list'] {
  const id = known.find((l) => l.name === name)?.id;
  return id === undefined ? { name } : { name, id };
}

export function parseQuickAdd(text: string, context: QuickAddContext): QuickAddParsed {
  const now = epoch(context.now);
  // Nothing typed yet (every render of an empty quick add): no need to wake chrono.
  if (text.trim() === '')
    return {
      ...NOTHING,
      title: '',
      timeZone: context.timeZone,
      tags: [],
      reminders: [],
      spans: [],
      warnings: [],
    };
  const clock = new ZoneClock(context.timeZone);
  const order = context.dateOrder ?? 'mdy';
  const known = (context.lists ?? []).map((l) => (typeof l === 'string' ? { id: undefined, name: l } : l));
  const lists = known.map((l) => l.name);
  const scan = new TextScan(text);
  const spans: QuickAddSpan[] = [];
  const warnings: QuickAddWarning[] = [];
  const emit = (span: QuickAddSpan) => spans.push(span);
  const warn = (warning: QuickAddWarning) => warnings.push(warning);
  const duplicate = (start: number, end: number, what: string) =>
    warn({ code: 'DUPLICATE', message: `The first ${what} counts; this one is left as text.`, start, end });

  scanQuotedLists(scan, lists, emit, warn);
  scanLiterals(scan, emit);
  scanLists(scan, lists, emit, warn);
  const tags = scanTags(scan, emit, warn);
  const priority = scanPriority(scan, emit, warn);
  const listSpans = spans.filter((s) => s.kind === 'list');
  for (const extra of listSpans.slice(1)) duplicate(extra.start, extra.end, 'list');
  const listSpan = listSpans[0];
  for (const extra of listSpans.slice(1)) spans.splice(spans.indexOf(extra), 1);

  const [rule, ...otherRules] = findRecurrences(scan.masked);
  for (const extra of otherRules) duplicate(extra.start, extra.end, 'repeat rule');
  if (rule) scan.mask(rule.start, rule.end);

  const reminderPhrases = findReminders(scan, now, clock, order);
  for (const r of reminderPhrases) scan.mask(r.start, r.end);

  // Before the due: "start fri" is the start date, not a due on Friday. A second one stays text (masked so the
  // due pass does not read it either).
  const [startPhrase, ...otherStarts] = findStartPhrases(scan, now, clock, order);
  for (const extra of [startPhrase, ...otherStarts]) if (extra) scan.mask(extra.start, extra.end);
  for (const extra of otherStarts) duplicate(extra.start, extra.end, 'start date');
  if (startPhrase)
    emit({
      kind: 'start',
      start: startPhrase.start,
      end: startPhrase.end,
      text: text.slice(startPhrase.start, startPhrase.end),
      value: { startDate: startPhrase.startDate },
    });

  const [phrase, ...otherPhrases] = findDatePhrases(scan, now, clock, order);
  for (const extra of otherPhrases) duplicate(extra.start, extra.end, 'date');
  if (phrase) scan.mask(phrase.start, phrase.end);

  const due = resolveDue(phrase, rule, clock, now);
  const dueValue = { dueDate: due.dueDate, dueAt: due.dueAt };
  if (phrase)
    emit({
      kind: 'date',
      start: phrase.start,
      end: phrase.end,
      text: text.slice(phrase.start, phrase.end),
      value: dueValue,
    });
  const recurrence = rule ? { rrule: rule.rrule, from: rule.from } : null;
  if (rule && recurrence)
    emit({
      kind: 'recurrence',
      start: rule.start,
      end: rule.end,
      text: text.slice(rule.start, rule.end),
      value: recurrence,
    });

  const reminders: ReminderValue[] = [];
  for (const r of reminderPhrases) {
    const span = { start: r.start, end: r.end, text: text.slice(r.start, r.end) };
    if (reminders.length >= REMINDERS_MAX) {
      warn({
        code: 'TOO_MANY_REMINDERS',
        message: `At most ${REMINDERS_MAX} reminders; this one is left out.`,
        ...span,
      });
      continue;
    }
    const value: ReminderValue =
      'beforeMinutes' in r ? { beforeMinutes: r.beforeMinutes } : { at: reminderAt(r.at, due, clock) };
    if ('beforeMinutes' in value && due.dueAt === null) {
      warn({
        code: 'REMINDER_NEEDS_DUE_TIME',
        message: 'A reminder "before" needs a due time; this one is left out.',
        ...span,
      });
    } else {
      reminders.push(value);
    }
    emit({ kind: 'reminder', ...span, value });
  }

  spans.sort((a, b) => a.start - b.start);
  warnings.sort((a, b) => a.start - b.start);
  return {
    title: titleOf(text, spans),
    startDate: startPhrase?.startDate ?? null,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    timeZone: context.timeZone,
    recurrence,
    list: listSpan?.kind === 'list' ? listValue(listSpan.value.name, known) : null,
    tags,
    priority,
    reminders,
    spans,
    warnings,
  };
}
