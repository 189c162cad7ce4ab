// A task's repeat rule (an RFC 5545 RRULE without DTSTART, as the API stores it) in words, for row tooltips, the
// details panel and the repeat picker: "Every 2 weeks on Monday and Wednesday", "Every month on the first
// Monday", "Every weekday, 10 times", "Every day until Fri, 18 Dec 2026", "Every 3 days after completion".
// Weekday and month names come from Intl in the viewer's locale; the sentence itself is English like the rest
// of the window.
import { ruleParts, normalizeRrule } from '../../src-shared/recurrence-rule';

const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const UNITS: Record<string, string> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' };
const NTH: Record<string, string> = {
  '1': 'first',
  '2': 'second',
  '3': 'third',
  '4': 'fourth',
  '5': 'fifth',
  '-1': 'last',
  '-2': 'second-to-last',
};

export interface DescribeOptions {
  from?: 'due' | 'completion';
  /** BCP 47 locale for weekday, month and date names (default: the viewer's). */
  locale?: string;
}

/** A fixed week (Sun 2 Jan 2000 ... Sat 8 Jan 2000 UTC) to name weekdays. */
function weekdayName(code: string, locale: string | undefined, width: 'long' | 'short' = 'long'): string {
  const index = DAY_CODES.indexOf(code as (typeof DAY_CODES)[number]);
  if (index < 0) return code;
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(
    Date.UTC(2000, 0, 2 + index),
  );
}

function monthName(month: number, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2000, month - 1, 1),
  );
}

export function ordinal(n: number): string {
  if (n === -1) return 'last day';
  if (n < 0) return `${ordinal(-n)}-to-last day`;
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** "MO" -> "Monday"; "1MO" -> "first Monday"; "-1FR" -> "last Friday". */
function dayWords(entry: string, locale: string | undefined): string {
  const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(entry);
  if (!m) return entry;
  const name = weekdayName(m[2]!, locale);
  if (!m[1]) return name;
  const n = String(Number(m[1]));
  return `${NTH[n] ?? ordinal(Number(n))} ${name}`;
}

function untilWords(until: string, locale: string | undefined): string {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(until);
  if (!m) return until;
  const date = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The rule in words; an unreadable rule reads as itself (never throws: it is display text). */
export function describeRule(rrule: string, options: DescribeOptions = {}): string {
  const { locale } = options;
  const parts = ruleParts(normalizeRrule(rrule));
  const freq = parts.get('FREQ');
  const unit = freq ? UNITS[freq] : undefined;
  if (!unit) return rrule;
  const interval = Math.max(1, Number(parts.get('INTERVAL') ?? 1) || 1);
  const byDay = parts.get('BYDAY')?.split(',').filter(Boolean) ?? [];
  const byMonthDay = parts.get('BYMONTHDAY')?.split(',').map(Number).filter(Number.isFinite) ?? [];
  const byMonth = parts.get('BYMONTH')?.split(',').map(Number).filter(Number.isFinite) ?? [];
  const setPos = parts.get('BYSETPOS');

  let words = interval > 1 ? `Every ${interval} ${unit}s` : `Every ${unit}`;
  const plainDays = byDay.every((d) => /^[A-Z]{2}$/.test(d));
  const sorted = [...byDay].sort(
    (a, b) => ((DAY_CODES.indexOf(a as never) + 6) % 7) - ((DAY_CODES.indexOf(b as never) + 6) % 7),
  );
  if (plainDays && sorted.join(',') === 'MO,TU,WE,TH,FR' && (freq === 'WEEKLY' || freq === 'DAILY')) {
    words = interval > 1 ? `Every ${interval} weeks on weekdays` : 'Every weekday';
  } else if (plainDays && sorted.join(',') === 'SA,SU' && (freq === 'WEEKLY' || freq === 'DAILY')) {
    words = interval > 1 ? `Every ${interval} weeks on the weekend` : 'Every weekend day';
  } else if (byDay.length > 0) {
    if (setPos && byDay.length === 1 && plainDays) {
      words += ` on the ${NTH[setPos] ?? ordinal(Number(setPos))} ${weekdayName(byDay[0]!, locale)}`;
    } else if (plainDays) {
      words += ` on ${joinWords(sorted.map((d) => weekdayName(d, locale)))}`;
    } else {
      words += ` on the ${joinWords(byDay.map((d) => dayWords(d, locale)))}`;
    }
  }
  if (byMonth.length > 0) {
    const months = joinWords(byMonth.map((m) => monthName(m, locale)));
    words += byMonthDay.length > 0 ? ` on ${months} ${joinWords(byMonthDay.map(String))}` : ` in ${months}`;
  } else if (byMonthDay.length > 0) {
    words += ` on the ${joinWords(byMonthDay.map(ordinal))}`;
  }
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count) words += Number(count) === 1 ? ', once' : `, ${count} times`;
  else if (until) words += ` until ${untilWords(until, locale)}`;
  return options.from === 'completion' ? `${words} after completion` : words;
}
