// "every ..." phrases -> an RFC 5545 RRULE. Only phrases that start with "every" (or "every!" = repeat from
// completion) count: "Daily standup" or "Weekly review" stay titles. The grammar:
//   every [other | N] day(s)|week(s)|month(s)|year(s)
//   every [N] week(s) on <weekdays>       every month on the <Nth>|last day      every month on the first <weekday>
//   every year on <month> <day>            every weekday | every weekend           every <weekdays> ("mon, wed and fri")
//   every <Nth> | every last day           every <first..fourth|last> <weekday>    every <month> <day>
//   every other <weekday> | every N <weekdays> (weekly with INTERVAL; "every 2nd tuesday" is monthly, as "second")
import { daysInMonth, weekdayOf, type CalendarDate } from './zoned-time.ts';

export interface RecurrenceMatch {
  start: number;
  end: number;
  rrule: string;
  from: 'due' | 'completion';
  /** Whether a date is an occurrence of the rule (to find the first one on or after a day). */
  matches: (date: CalendarDate) => boolean;
}

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const WEEKDAY_PATTERN =
  '(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_PATTERN =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL_DAY = '(\\d{1,2})(?:st|nd|rd|th)';
const NTH_WORDS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  last: -1,
};
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const END = '(?=$|[\\s\\uFFFF,.;:!?)])';

function weekdayIndex(word: string): number {
  const w = word.toLowerCase().slice(0, 2);
  return ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'].indexOf(w);
}

function weekdayList(text: string): number[] {
  const days = [...text.matchAll(new RegExp(WEEKDAY_PATTERN, 'giu'))].map((m) => weekdayIndex(m[0]));
  return [...new Set(days)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)); // Monday first
}

const byDay = (days: number[]) => days.map((d) => WEEKDAY_CODES[d]).join(',');
const isLastDay = (d: CalendarDate) => d.day === daysInMonth(d.year, d.month);
const always = () => true;

interface Rule {
  parts: string[];
  matches: (d: CalendarDate) => boolean;
}

const WEEKDAYS = `${WEEKDAY_PATTERN}(?:\\s*(?:,\\s*and|,|and|&)\\s*${WEEKDAY_PATTERN})*`;

interface Form {
  pattern: RegExp;
  build: (m: RegExpExecArray) => Rule | null;
}

function monthDay(day: number): Rule | null {
  if (day < 1 || day > 31) return null;
  return { parts: ['FREQ=MONTHLY', `BYMONTHDAY=${day}`], matches: (d) => d.day === day };
}

function nthWeekday(nth: number, weekday: number): Rule {
  const matches = (d: CalendarDate) =>
    weekdayOf(d) === weekday &&
    (nth > 0 ? Math.ceil(d.day / 7) === nth : d.day + 7 > daysInMonth(d.year, d.month));
  return { parts: ['FREQ=MONTHLY', `BYDAY=${nth}${WEEKDAY_CODES[weekday]}`], matches };
}

function yearDay(monthWord: string, day: number): Rule | null {
  const month = MONTHS.indexOf(monthWord.slice(0, 3).toLowerCase()) + 1;
  if (day < 1 || day > daysInMonth(2024, month)) return null;
  return {
    parts: ['FREQ=YEARLY', `BYMONTH=${month}`, `BYMONTHDAY=${day}`],
    matches: (d) => d.month === month && d.day === day,
  };
}

const re = (source: string) => new RegExp(`^${source}${END}`, 'iu');

/** The forms after "every", most specific first. Each pattern is anchored at the start of the rest. */
const FORMS: Form[] = [
  {
    pattern: re('weekdays?'),
    build: () => ({ parts: ['FREQ=WEEKLY', 'BYDAY=MO,TU,WE,TH,FR'], matches: (d) => weekdayOf(d) % 6 !== 0 }),
  },
  {
    pattern: re('weekends?'),
    build: () => ({ parts: ['FREQ=WEEKLY', 'BYDAY=SA,SU'], matches: (d) => weekdayOf(d) % 6 === 0 }),
  },
  {
    pattern: re(
      `(?:(other)\\s+|(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\\s+)?weeks?\\s+on\\s+(${WEEKDAYS})`,
    ),
    build: (m) => {
      const days = weekdayList(m[3]!);
      return { parts: ['FREQ=WEEKLY', `BYDAY=${byDay(days)}`], matches: (d) => days.includes(weekdayOf(d)) };
    },
  },
  {
    pattern: re(
      `(?:(other)\\s+|(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\\s+)?months?\\s+on\\s+the\\s+(?:${ORDINAL_DAY}|(last)\\s+day)`,
    ),
    build: (m) =>
      m[4] ? { parts: ['FREQ=MONTHLY', 'BYMONTHDAY=-1'], matches: isLastDay } : monthDay(Number(m[3])),
  },
  {
    pattern: re(
      `(?:(other)\\s+|(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\\s+)?months?\\s+on\\s+the\\s+(first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+(${WEEKDAY_PATTERN})`,
    ),
    build: (m) => nthWeekday(NTH_WORDS[m[3]!.toLowerCase()]!, weekdayIndex(m[4]!)),
  },
  {
    pattern: re(
      `(?:(other)\\s+|(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\\s+)?years?\\s+on\\s+(${MONTH_PATTERN})\\s+${ORDINAL_DAY.replace('(?:st|nd|rd|th)', '(?:st|nd|rd|th)?')}`,
    ),
    build: (m) => yearDay(m[3]!, Number(m[4])),
  },
  {
    pattern: re(
      `(?:(other)\\s+|(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\\s+)?(day|week|month|year)s?`,
    ),
    build: (m) => ({
      parts: [
        `FREQ=${{ day: 'DAILY', week: 'WEEKLY', month: 'MONTHLY', year: 'YEARLY' }[m[3]!.toLowerCase()]!}`,
      ],
      matches: always,
    }),
  },
  {
    // "every other thursday", "every 2 fridays": weekly with an interval (the first due sets the phase).
    pattern: re(`(?:(other)\\s+|(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\\s+)?(${WEEKDAYS})`),
    build: (m) => {
      const days = weekdayList(m[3]!);
      return { parts: ['FREQ=WEEKLY', `BYDAY=${byDay(days)}`], matches: (d) => days.includes(weekdayOf(d)) };
    },
  },
  {
    pattern: re('(?:the\\s+)?last\\s+day(?:\\s+of\\s+(?:the|every)\\s+month)?'),
    build: () => ({ parts: ['FREQ=MONTHLY', 'BYMONTHDAY=-1'], matches: isLastDay }),
  },
  // Before "every 2nd": "every 2nd tuesday" is the second Tuesday of each month, as "every second tuesday".
  {
    pattern: re(
      `(?:the\\s+)?(first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+(${WEEKDAY_PATTERN})(?:\\s+of\\s+(?:the|every)\\s+month)?`,
    ),
    build: (m) => nthWeekday(NTH_WORDS[m[1]!.toLowerCase()]!, weekdayIndex(m[2]!)),
  },
  {
    pattern: re(`(?:the\\s+)?${ORDINAL_DAY}(?:\\s+of\\s+(?:the|every)\\s+month)?`),
    build: (m) => monthDay(Number(m[1])),
  },
  {
    pattern: re(`(${MONTH_PATTERN})\\s+${ORDINAL_DAY.replace('(?:st|nd|rd|th)', '(?:st|nd|rd|th)?')}`),
    build: (m) => yearDay(m[1]!, Number(m[2])),
  },
];

function interval(m: RegExpExecArray): number {
  if (m[1]) return 2; // "other"
  const n = m[2]?.toLowerCase();
  if (n === undefined) return 1;
  return NUMBER_WORDS[n] ?? Number(n);
}

/** Every "every ..." phrase in the (masked) text. */
export function findRecurrences(masked: string): RecurrenceMatch[] {
  const found: RecurrenceMatch[] = [];
  for (const head of masked.matchAll(/(?<=^|[\s(])every(!?)\s+/giu)) {
    const restStart = head.index + head[0].length;
    const rest = masked.slice(restStart);
    for (const form of FORMS) {
      const m = form.pattern.exec(rest);
      if (!m) continue;
      const rule = form.build(m);
      if (!rule) break;
      // Forms with an [other | N] prefix capture it in groups 1-2; the others have no interval.
      const hasInterval = form.pattern.source.includes('(other)');
      const every = hasInterval ? interval(m) : 1;
      if (every < 1 || every > 999) break;
      const parts = every > 1 ? [rule.parts[0]!, `INTERVAL=${every}`, ...rule.parts.slice(1)] : rule.parts;
      found.push({
        start: head.index,
        end: restStart + m[0].length,
        rrule: parts.join(';'),
        from: head[1] === '!' ? 'completion' : 'due',
        matches: rule.matches,
      });
      break;
    }
  }
  return found;
}
