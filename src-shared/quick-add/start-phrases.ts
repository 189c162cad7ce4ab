// Start dates: "start fri", "starts monday", "start on dec 5", "starts tomorrow" (issue 15 §3). Only a day that
// follows "start"/"starts" (and an optional "on") right away counts; a time with it is part of the phrase but a
// start date has none. "Start the car tomorrow" keeps "Start the car" as its title and "tomorrow" as its due.
// "starting <date>" stays what it was: the first occurrence of a rule ("every day starting dec 7") or a due.
import { chronoParse, toPhrase, type DateOrder } from './date-phrases.ts';
import type { TextScan } from './text-scan.ts';
import { compareDates, formatDate, type ZoneClock } from './zoned-time.ts';

export interface StartPhrase {
  start: number;
  end: number;
  /** "YYYY-MM-DD" */
  startDate: string;
}

const HEAD = /(?<=^|\s)starts?(?:\s+on)?\s+/giu;

export function findStartPhrases(
  scan: TextScan,
  now: number,
  clock: ZoneClock,
  order: DateOrder,
): StartPhrase[] {
  const found: StartPhrase[] = [];
  const today = clock.wallClock(now);
  for (const head of scan.masked.matchAll(HEAD)) {
    const restStart = head.index + head[0].length;
    // The rest of the line up to the next understood part or sigil.
    const window = scan.masked.slice(restStart).split(/[\uFFFF#@!]/u, 1)[0]!;
    const result = chronoParse(window, now, clock, order).find((r) => r.index === 0);
    if (!result) continue;
    const tags = result.tags();
    const namesDay =
      result.start.isCertain('day') ||
      result.start.isCertain('weekday') ||
      [...tags].some((t) => /^casualReference\/(today|tomorrow)/.test(t));
    if (!namesDay || tags.has('casualReference/now') || /\bago$|^(?:last|past|previous)\b/i.test(result.text))
      continue;
    const phrase = toPhrase(result, scan, today, restStart);
    const day = phrase.date ?? phrase.impliedDate;
    if (day.year < 1 || day.year > 9999 || compareDates(day, today) < 0) continue;
    found.push({ start: head.index, end: phrase.end, startDate: formatDate(day) });
  }
  return found;
}
