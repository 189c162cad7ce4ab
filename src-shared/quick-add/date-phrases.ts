// Dates and times through chrono-node, with rules for when a chrono match counts (chrono alone reads "Sun" in
// "Sun cream", "at 5" in "Meet at 5 guys", "1/2" in "Buy 1/2 kg flour" and "March" in "March madness").
// A match counts unless one of these rules rejects it:
//   1. "now" / "right now" never counts ("Do it now").
//   2. A bare part of day ("morning", "evening", "noon" ...) counts only with "this", "tomorrow", a weekday or a
//      date, or after "at"/"by" for noon and midnight ("Morning run" stays text; "tomorrow morning" counts).
//   3. A month without a day never counts ("March madness", "Call May", "in June").
//   4. A weekday abbreviation alone ("sun", "sat", "wed", "mon") counts only after on/next/this/by/due/until/
//      before/from/starting, or with a time ("Sat exam" stays text; "on sat", "sat 10am" count). Full names count.
//   5. A bare hour ("at 5", no minutes, no am/pm) counts only at the end of the text (ignoring #list, @tag,
//      priority and other understood parts): "Meet at 5 guys" stays text, "Call mom at 5" is 17:00.
//      Bare hours 1-7 are afternoon (13:00-19:00); 8-12 are as written.
//   6. A numeric date without a year ("5/12") counts only after a date word (on, by, due, until, before, from,
//      starting) or at the end of the text, and only in the configured order (month/day by default): "Buy 1/2 kg
//      flour" and "Open 24/7" stay text. With a year ("5/12/2027") it always counts.
//   7. Dates in the past ("3 days ago", "last friday") and years outside 0001-9999 never count.
//   8. A length of time alone ("the year", "a week", "3 days", "for a month") is not a date: "Review the year in
//      numbers and send it tomorrow" is due tomorrow, not in a year. It counts as "in 3 days", "within a week",
//      "next month", "a week from now", "2 weeks later".
// Read apart from chrono: "end of the year/month/week/day" (end-of-phrases.ts) and "on the 15th" at the end.
// The first match that counts is the due date; later ones stay text with a DUPLICATE warning.
import type { ParsedResult } from 'chrono-node/en';
import * as chronoEn from 'chrono-node/en';
import { findEndOfPhrases } from './end-of-phrases.ts';
import type { TextScan } from './text-scan.ts';
import {
  addDays,
  compareDates,
  daysInMonth,
  type CalendarDate,
  type WallClock,
  type ZoneClock,
} from './zoned-time.ts';

export type DateOrder = 'mdy' | 'dmy';

/** A date or time understood from the text, before it is turned into dueDate / dueAt. */
export interface DatePhrase {
  start: number;
  end: number;
  /** The calendar day, when the phrase names one ("tomorrow", "fri", "Dec 5"); null for a time alone. */
  date: CalendarDate | null;
  /** The day chrono chose, also for a time alone ("at 5pm": today, or tomorrow once 17:00 has passed). */
  impliedDate: CalendarDate;
  /** Minutes after midnight, when the phrase names a time. */
  minutes: number | null;
  /** For "in 3 hours": the exact instant (epoch ms), which wins over date + minutes across DST. */
  exact: number | null;
}

const DATE_WORDS = new Set([
  'on',
  'by',
  'due',
  'until',
  'till',
  'before',
  'from',
  'starting',
  'next',
  'this',
  'every',
]);
/** Words swallowed into the date's span so the title does not keep them ("Pay rent by friday"). */
const LEAD_WORDS = new Set(['on', 'by', 'due', 'at', 'until', 'till', 'before', 'starting', 'from']);
const PART_OF_DAY_HOURS: Record<string, number> = {
  morning: 9 * 60,
  noon: 12 * 60,
  afternoon: 15 * 60,
  evening: 19 * 60,
  tonight: 19 * 60,
  midnight: 0,
};
const WEEKDAY_ABBREVIATION = /^(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?$/;
const BARE_PART_OF_DAY = /^(?:morning|afternoon|evening|night|noon|midnight)$/;
const BARE_HOUR = /^(?:at\s+)?(\d{1,2})$/;
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})$/;
const RELATIVE_AHEAD = /^(?:in|within|next|this|coming)\b|\b(?:from\s+now|later|hence|after\s+tomorrow)$/;

function parser(order: DateOrder) {
  return order === 'dmy' ? chronoEn.GB : chronoEn.casual;
}

/** Runs chrono on `text` with the zone's wall clock as reference. */
export function chronoParse(text: string, now: number, clock: ZoneClock, order: DateOrder): ParsedResult[] {
  return parser(order).parse(
    text,
    { instant: new Date(now), timezone: clock.offsetMinutes(now) },
    { forwardDate: true },
  );
}

function isCertain(
  result: ParsedResult,
  ...components: Parameters<ParsedResult['start']['isCertain']>[0][]
): boolean {
  return components.some((c) => result.start.isCertain(c));
}

function partOfDay(result: ParsedResult): number | null {
  for (const tag of result.tags()) {
    const name = /^casualReference\/(\w+)$/.exec(tag)?.[1];
    if (name !== undefined && name in PART_OF_DAY_HOURS) return PART_OF_DAY_HOURS[name]!;
  }
  return null;
}

/** Rules 1-7 above. `wordBefore` is the word before the match, lower-cased. */
function counts(
  result: ParsedResult,
  scan: TextScan,
  order: DateOrder,
  clock: ZoneClock,
  now: number,
): boolean {
  const text = result.text.toLowerCase().trim();
  const tags = [...result.tags()];
  const before = scan.wordBefore(result.index)?.word ?? '';
  const end = result.index + result.text.length;
  if (tags.includes('casualReference/now')) return false;
  if (/\bago$/.test(text) || /^(?:last|past|previous)\b/.test(text)) return false;
  if (tags.includes('result/relativeDate') && !RELATIVE_AHEAD.test(text)) return false;
  if (BARE_PART_OF_DAY.test(text))
    return (text === 'noon' || text === 'midnight') && (before === 'at' || before === 'by');
  if (isCertain(result, 'month') && !isCertain(result, 'day')) return false;
  if (WEEKDAY_ABBREVIATION.test(text)) return DATE_WORDS.has(before);
  const bareHour = BARE_HOUR.exec(text);
  if (bareHour) return scan.endsAt(end);
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const first = Number(numeric[1]);
    const firstIsMonth = result.start.get('month') === first;
    if (firstIsMonth !== (order === 'mdy')) return false;
    if (!DATE_WORDS.has(before) && !scan.endsAt(end)) return false;
  }
  const s = result.start;
  const year = s.get('year') ?? 0;
  if (year < 1 || year > 9999) return false;
  // A day before today (chrono forwards most phrases; this catches explicit past dates such as "Nov 3 2020").
  const day = { year, month: s.get('month') ?? 1, day: s.get('day') ?? 1 };
  return compareDates(day, clock.wallClock(now)) >= 0;
}

/** A chrono result as a phrase; `shift` is where the text chrono read starts in the scan. */
export function toPhrase(result: ParsedResult, scan: TextScan, today: WallClock, shift = 0): DatePhrase {
  let start = result.index + shift;
  const end = start + result.text.length;
  const lead = scan.wordBefore(start);
  if (lead && LEAD_WORDS.has(lead.word)) start = lead.start;
  const s = result.start;
  const hasDate = isCertain(result, 'day', 'weekday', 'month');
  const impliedDate = { year: s.get('year')!, month: s.get('month')!, day: s.get('day')! };
  let date: CalendarDate | null = hasDate ? impliedDate : null;
  // "the day after tomorrow": chrono reads only "tomorrow".
  const dayAfter = /\b(?:the\s+)?day\s+after\s+$/i.exec(scan.masked.slice(0, start));
  if (dayAfter && date && result.tags().has('casualReference/tomorrow')) {
    date = addDays(date, 1);
    start = dayAfter.index;
  }
  if (result.tags().has('result/relativeDateAndTime')) {
    return { start, end, date, impliedDate, minutes: null, exact: s.date().getTime() };
  }
  let minutes: number | null;
  if (s.isCertain('hour')) {
    let hour = s.get('hour')!;
    // A bare hour 1-7 ("at 5", "friday at 3") is in the afternoon; "7:30" (with minutes) stays as written.
    const bare = !s.isCertain('meridiem') && !/\d[:.]\d|am\b|pm\b|a\.m|p\.m|noon|midnight/i.test(result.text);
    if (bare && hour >= 1 && hour <= 7) {
      hour += 12;
      // chrono moved a passed 5:00 to tomorrow; 17:00 may still be ahead today.
      if (!hasDate && hour * 60 + (s.get('minute') ?? 0) > today.hour * 60 + today.minute) {
        return {
          start,
          end,
          date: null,
          impliedDate: today,
          minutes: hour * 60 + (s.get('minute') ?? 0),
          exact: null,
        };
      }
    }
    minutes = hour * 60 + (s.get('minute') ?? 0);
  } else {
    minutes = partOfDay(result);
  }
  return { start, end, date, impliedDate: date ?? impliedDate, minutes, exact: null };
}

/** "on the 15th" at the end: the next day of the month with that number (today counts), months without it skipped. */
const ON_THE_NTH = /(?<=^|\s)on\s+the\s+(\d{1,2})(?:st|nd|rd|th)(?=$|[\s,.;:!?])/giu;

function onTheNth(scan: TextScan, today: CalendarDate): DatePhrase[] {
  const found: DatePhrase[] = [];
  for (const m of scan.masked.matchAll(ON_THE_NTH)) {
    const n = Number(m[1]);
    // Only at the end of the text (understood parts aside): "on the 3rd floor" stays text.
    if (n < 1 || n > 31 || !scan.endsAt(m.index + m[0].length)) continue;
    let { year, month } = today;
    if (n < today.day) month += 1;
    for (
      let i = 0;
      i < 12 && n > daysInMonth(year + Math.floor((month - 1) / 12), ((month - 1) % 12) + 1);
      i++
    )
      month += 1;
    year += Math.floor((month - 1) / 12);
    month = ((month - 1) % 12) + 1;
    const date = { year, month, day: n };
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      date,
      impliedDate: date,
      minutes: null,
      exact: null,
    });
  }
  return found;
}

/** The date phrases that count, in text order. */
export function findDatePhrases(
  scan: TextScan,
  now: number,
  clock: ZoneClock,
  order: DateOrder,
): DatePhrase[] {
  const today = clock.wallClock(now);
  const found = findEndOfPhrases(scan, today);
  const free = (p: DatePhrase) => found.every((q) => p.end <= q.start || p.start >= q.end);
  for (const result of chronoParse(scan.masked, now, clock, order)) {
    if (!counts(result, scan, order, clock, now)) continue;
    const phrase = toPhrase(result, scan, today);
    if (free(phrase)) found.push(phrase);
  }
  found.push(...onTheNth(scan, today).filter(free));
  return found.sort((a, b) => a.start - b.start);
}
