// A repeat rule in words ("Every 2 weeks on Mon and Wed", "Every month on the first Mon", "Every day, 5 times"),
// the one wording wherever a rule is shown: quick-add chips, the details section, the repeat picker, row tooltips.
// Rules with parts this does not word (set by a script) fall back to rrule-temporal's own wording.
import { toText } from 'rrule-temporal/totext';
import { ruleParts } from '../../src-shared/recurrence-rule';
import type { RecurrenceFrom } from '../../src-shared/schedule-schemas';
import type { Weekday } from './repeat-rule';

const SHORT_DAYS: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };
const DAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const NTH: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' };
const UNIT: Record<string, string> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' };
const WORDED = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST']);

export function dayName(day: Weekday): string {
  return DAY_NAMES[day];
}

export function ordinal(n: number): string {
  if (n === -1) return 'last day';
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

function list(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** "12 Dec 2026" for a calendar date, in the viewer's language. */
export function formatCalendarDate(date: string): string {
  return new Date(`${date}T12:00:00.000Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "6 December" (month and day), in the viewer's language. */
export function formatMonthDay(month: number, day: number): string {
  return new Date(Date.UTC(2024, month - 1, day, 12)).toLocaleDateString(undefined, { day: 'numeric', month: 'long', timeZone: 'UTC' });
}

/** The rule's frequency and days in words, or null when it has parts this does not word. */
function words(parts: Map<string, string>, anchor: string | undefined): string | null {
  const freq = parts.get('FREQ') ?? '';
  const unit = UNIT[freq];
  if (!unit || [...parts.keys()].some((k) => !WORDED.has(k))) return null;
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const every = interval > 1 ? `Every ${interval} ${unit}s` : `Every ${unit}`;
  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  const byMonth = parts.get('BYMONTH');
  if (freq === 'DAILY' || freq === 'WEEKLY') {
    if (byMonthDay || byMonth) return null;
    if (!byDay) return every;
    if (!byDay.split(',').every((d) => d in SHORT_DAYS)) return null;
    if (interval === 1 && byDay === 'MO,TU,WE,TH,FR') return 'Every weekday';
    if (interval === 1 && byDay === 'SA,SU') return 'Every weekend day';
    return `${every} on ${list(byDay.split(',').map((d) => SHORT_DAYS[d]!))}`;
  }
  if (freq === 'MONTHLY') {
    if (byMonth || (byDay && byMonthDay)) return null;
    if (byDay) {
      const m = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay);
      return m ? `${every} on the ${NTH[m[1]!]} ${SHORT_DAYS[m[2]!]}` : null;
    }
    if (byMonthDay) return /^(-1|[1-9]|[12]\d|3[01])$/.test(byMonthDay) ? `${every} on the ${ordinal(Number(byMonthDay))}` : null;
    return anchor ? `${every} on the ${ordinal(Number(anchor.slice(8, 10)))}` : every;
  }
  // YEARLY
  if (byDay) return null;
  if (byMonth && byMonthDay && /^\d{1,2}$/.test(byMonth) && /^\d{1,2}$/.test(byMonthDay)) return `${every} on ${formatMonthDay(Number(byMonth), Number(byMonthDay))}`;
  if (byMonth || byMonthDay) return null;
  return anchor ? `${every} on ${formatMonthDay(Number(anchor.slice(5, 7)), Number(anchor.slice(8, 10)))}` : every;
}

/**
 * A rule in words. `anchor` is the task's due date ("YYYY-MM-DD") when known: "Every year on 6 December" rather
 * than "Every year" for a rule that takes its day from the due.
 */
export function describeRule(rule: string, from: RecurrenceFrom = 'due', anchor?: string): string {
  const parts = ruleParts(rule);
  let text = words(parts, anchor);
  if (text === null) {
    try {
      const start = (anchor ?? '2000-01-01').replaceAll('-', '');
      const raw = toText(`DTSTART:${start}\nRRULE:${rule}`);
      text = raw.charAt(0).toUpperCase() + raw.slice(1);
    } catch {
      text = `Repeats (${rule})`;
    }
  } else {
    const count = parts.get('COUNT');
    const until = parts.get('UNTIL');
    if (count) text += count === '1' ? ', once' : `, ${count} times`;
    if (until && /^\d{8}/.test(until)) text += `, until ${formatCalendarDate(`${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`)}`;
  }
  return from === 'completion' ? `${text} after completion` : text;
}
