// Whether a recurrence rule's BY* filters can ever meet, decided with integer calendar arithmetic and no
// occurrence expansion: February 30, BYMONTH=12 with BYYEARDAY=1..80, week 1 in June. The Gregorian calendar
// repeats every 400 years (146,097 days, a whole number of weeks), so scanning one cycle decides it for good;
// and within it, years of one kind (below) look alike to every filter, so one year of each kind is scanned.
// A superset check: ordinals on BYDAY count as their weekday, BYSETPOS and INTERVAL are ignored, so a rule this
// refuses never matches, and a rule it passes may still be sparse (the expansion budget covers those).
// UI-free and Node-free.

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const CYCLE_START = 2000;
const CYCLE_YEARS = 400;

/** The filters of a rule, as sets of accepted values (null: no filter). Negative values count from the end. */
interface Filters {
  months: Set<number> | null;
  monthDays: Set<number> | null;
  yearDays: Set<number> | null;
  weekNos: Set<number> | null;
  /** ISO weekdays 1 (Monday) to 7 (Sunday). */
  weekdays: Set<number> | null;
  /** ISO weekday weeks start on (WKST, default Monday). */
  weekStart: number;
  /** Day number of the first day of week 1 of a year (memoised per call: the scan asks for each year often). */
  weekOneStart: (year: number) => number;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthLength = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);
const yearLength = (y: number): number => (isLeap(y) ? 366 : 365);

/** Days since 1970-01-01 of a Gregorian date (Howard Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO weekday (1 = Monday) of a day number. */
const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** Day number of the first day of week 1 of `year` (the week holding January 4th), weeks starting on `wkst`. */
function firstWeekStart(year: number, wkst: number): number {
  const jan4 = dayNumber(year, 1, 4);
  return jan4 - ((weekdayOf(jan4) - wkst + 7) % 7);
}

function numberSet(value: string | undefined): Set<number> | null {
  if (value === undefined) return null;
  return new Set(value.split(',').map(Number));
}

function filtersOf(parts: Map<string, string>): Filters {
  const byDay = parts.get('BYDAY');
  const wkst = WEEKDAYS.indexOf((parts.get('WKST') ?? 'MO') as (typeof WEEKDAYS)[number]) + 1;
  return {
    months: numberSet(parts.get('BYMONTH')),
    monthDays: numberSet(parts.get('BYMONTHDAY')),
    yearDays: numberSet(parts.get('BYYEARDAY')),
    // RFC 5545 gives BYWEEKNO a meaning in YEARLY rules only; elsewhere it is not used as a filter here.
    weekNos: parts.get('FREQ') === 'YEARLY' ? numberSet(parts.get('BYWEEKNO')) : null,
    weekdays:
      byDay === undefined
        ? null
        : new Set(
            byDay
              .split(',')
              .map((token) => WEEKDAYS.indexOf(token.slice(-2) as (typeof WEEKDAYS)[number]) + 1),
          ),
    weekStart: wkst > 0 ? wkst : 1,
    weekOneStart: memoWeekOneStart(wkst > 0 ? wkst : 1),
  };
}

function memoWeekOneStart(wkst: number): (year: number) => number {
  const starts = new Map<number, number>();
  return (year) => {
    let start = starts.get(year);
    if (start === undefined) {
      start = firstWeekStart(year, wkst);
      starts.set(year, start);
    }
    return start;
  };
}

const inSet = (set: Set<number> | null, value: number, fromEnd: number): boolean =>
  set === null || set.has(value) || set.has(value - fromEnd - 1);

function matchesWeekNo(filters: Filters, year: number, day: number): boolean {
  if (filters.weekNos === null) return true;
  // The week-year of the day: the year whose week 1 starts on or before it and whose next year's does not.
  let weekYear = year + 1;
  let start = filters.weekOneStart(weekYear);
  if (day < start) {
    weekYear = year;
    start = filters.weekOneStart(weekYear);
    if (day < start) {
      weekYear = year - 1;
      start = filters.weekOneStart(weekYear);
    }
  }
  const weeks = (filters.weekOneStart(weekYear + 1) - start) / 7;
  const weekNo = Math.floor((day - start) / 7) + 1;
  return inSet(filters.weekNos, weekNo, weeks);
}

/** Whether the day meets every filter but BYMONTH (the caller's loop applies that one). */
function matchesDay(filters: Filters, y: number, m: number, d: number): boolean {
  if (!inSet(filters.monthDays, d, monthLength(y, m))) return false;
  const day = dayNumber(y, m, d);
  if (filters.weekdays !== null && !filters.weekdays.has(weekdayOf(day))) return false;
  if (filters.yearDays !== null) {
    const yearDay = day - dayNumber(y, 1, 1) + 1;
    if (!inSet(filters.yearDays, yearDay, yearLength(y))) return false;
  }
  return matchesWeekNo(filters, y, day);
}

/** Day-of-month candidates of one month: the listed BYMONTHDAY days when given, else every day. */
function candidateDays(filters: Filters, y: number, m: number): number[] {
  const length = monthLength(y, m);
  if (filters.monthDays === null) return Array.from({ length }, (_, i) => i + 1);
  const days: number[] = [];
  for (const v of filters.monthDays) {
    const d = v > 0 ? v : length + v + 1;
    if (d >= 1 && d <= length) days.push(d);
  }
  return days;
}

/**
 * True when no date of any year meets the rule's BY* filters together (the rule can never produce an occurrence).
 * Assumes a rule that passed the syntax checks (parts upper-cased, values in range). Worst case the candidate
 * days of about 20 years (a few thousand integer checks; well under 1 ms).
 */
export function ruleNeverMatches(parts: Map<string, string>): boolean {
  const filters = filtersOf(parts);
  if (
    filters.months === null &&
    filters.monthDays === null &&
    filters.yearDays === null &&
    filters.weekNos === null
  ) {
    return false; // A weekday filter alone (or none) always meets some day.
  }
  const months = filters.months ? [...filters.months].filter((m) => m >= 1 && m <= 12) : null;
  // Every property a filter reads of a day in year y (month lengths, year day, weekday, week number and the week
  // counts of the week-years around it) follows from January 1st's weekday and whether y-1, y, y+1 are leap
  // years: scan one year of each such kind (about 20 of the 400).
  const kinds = new Set<string>();
  for (let y = CYCLE_START; y < CYCLE_START + CYCLE_YEARS; y++) {
    const kind = `${weekdayOf(dayNumber(y, 1, 1))}${isLeap(y - 1)}${isLeap(y)}${isLeap(y + 1)}`;
    if (kinds.has(kind)) continue;
    kinds.add(kind);
    if (filters.yearDays !== null && filters.monthDays === null) {
      // Walk the listed year days instead of the months (a short list in a long year).
      const length = yearLength(y);
      const jan1 = dayNumber(y, 1, 1);
      for (const v of filters.yearDays) {
        const yearDay = v > 0 ? v : length + v + 1;
        if (yearDay < 1 || yearDay > length) continue;
        if (months && !months.includes(monthOf(y, yearDay))) continue;
        if (filters.weekdays !== null && !filters.weekdays.has(weekdayOf(jan1 + yearDay - 1))) continue;
        if (matchesWeekNo(filters, y, jan1 + yearDay - 1)) return false;
      }
      continue;
    }
    for (let m = 1; m <= 12; m++) {
      if (months && !months.includes(m)) continue;
      for (const d of candidateDays(filters, y, m)) if (matchesDay(filters, y, m, d)) return false;
    }
  }
  return true;
}

function monthOf(y: number, yearDay: number): number {
  let rest = yearDay;
  for (let m = 1; m <= 12; m++) {
    rest -= monthLength(y, m);
    if (rest <= 0) return m;
  }
  return 12;
}
