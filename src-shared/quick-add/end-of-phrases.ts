// "by end of the year", "end of this month", "by the end of next week", "end of day" (issue 15 item 10): the
// last day of that period, all day. chrono reads only "the year" in "end of the year" (a year from today) and
// nothing in "end of week", so these phrases are read here, before chrono, and a chrono match inside one is
// dropped. The lead word (by, before, until, till, due) and "the" belong to the phrase, so the title keeps none
// of them ("finish report by end of the year" -> "finish report", due Dec 31).
//   day   -> today                        ("end of the day", "by end of day"; "end of next day": tomorrow)
//   week  -> Friday, the working week's last day: this week's (today on a Friday), or next week's on a weekend
//            or after "next"
//   month -> the month's last day         year -> December 31
import type { DatePhrase } from './date-phrases.ts';
import type { TextScan } from './text-scan.ts';
import { addDays, daysInMonth, weekdayOf, type CalendarDate } from './zoned-time.ts';

type Period = 'day' | 'week' | 'month' | 'year';

const END_OF =
  /(?<=^|\s)(?:(?:by|before|until|till|due)\s+)?(?:the\s+)?end\s+of\s+(?:(the|this|next)\s+)?(day|week|month|year)(?=$|[\s\uFFFF,.;:!?)])/giu;

const FRIDAY = 5;

function endOfWeek(today: CalendarDate, next: boolean): CalendarDate {
  const weekday = weekdayOf(today); // 0 = Sunday
  // Days to this working week's Friday; on a weekend the week has ended, so the coming Friday.
  let ahead = weekday === 0 ? FRIDAY : weekday === 6 ? FRIDAY + 1 : FRIDAY - weekday;
  if (next) ahead += 7;
  return addDays(today, ahead);
}

function endOf(period: Period, today: CalendarDate, next: boolean): CalendarDate {
  switch (period) {
    case 'day':
      return next ? addDays(today, 1) : today;
    case 'week':
      return endOfWeek(today, next);
    case 'month': {
      const month0 = today.month - 1 + (next ? 1 : 0);
      const year = today.year + Math.floor(month0 / 12);
      const month = (month0 % 12) + 1;
      return { year, month, day: daysInMonth(year, month) };
    }
    case 'year':
      return { year: today.year + (next ? 1 : 0), month: 12, day: 31 };
  }
}

/** Every "end of <period>" phrase in the (masked) text, in text order. */
export function findEndOfPhrases(scan: TextScan, today: CalendarDate): DatePhrase[] {
  const found: DatePhrase[] = [];
  // Most texts have no "end of": a plain substring test skips the look-behind regex (8 µs -> well under 1 µs).
  if (!/end\s+of\s/i.test(scan.masked)) return found;
  for (const m of scan.masked.matchAll(END_OF)) {
    const which = m[1]?.toLowerCase();
    const period = m[2]!.toLowerCase() as Period;
    const date = endOf(period, today, which === 'next');
    if (date.year > 9999) continue;
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
