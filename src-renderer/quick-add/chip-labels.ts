// What a chip says after its kind: the understood value in words ("Tue, Dec 1, 09:00", "Every week on Mon and
// Wed after completion", "Home", "30 min before"), in the viewer's locale.
import type { QuickAddSpan } from '../../src-shared/quick-add/quick-add-schemas';

const WEEKDAYS: Record<string, string> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};
const UNITS: Record<string, string> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' };
const NTH: Record<string, string> = {
  '1': 'first',
  '2': 'second',
  '3': 'third',
  '4': 'fourth',
  '-1': 'last',
};

function ordinal(n: number): string {
  if (n === -1) return 'last day';
  const suffix =
    n % 10 === 1 && n !== 11
      ? 'st'
      : n % 10 === 2 && n !== 12
        ? 'nd'
        : n % 10 === 3 && n !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** An RRULE in words: "Every 2 weeks on Mon and Wed", "Every weekday", "Every month on the 1st". */
export function ruleInWords(rrule: string, from: 'due' | 'completion' = 'due'): string {
  const parts = new Map(rrule.split(';').map((p) => p.split('=') as [string, string]));
  const freq = parts.get('FREQ') ?? 'DAILY';
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const unit = UNITS[freq] ?? 'day';
  let words = interval > 1 ? `Every ${interval} ${unit}s` : `Every ${unit}`;
  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  const byMonth = parts.get('BYMONTH');
  if (byDay === 'MO,TU,WE,TH,FR' && interval === 1) words = 'Every weekday';
  else if (byDay === 'SA,SU' && interval === 1) words = 'Every weekend day';
  else if (byDay && freq === 'MONTHLY') {
    const m = /^(-?\d)([A-Z]{2})$/.exec(byDay);
    if (m) words += ` on the ${NTH[m[1]!] ?? m[1]} ${WEEKDAYS[m[2]!]}`;
  } else if (byDay) words += ` on ${joinWords(byDay.split(',').map((d) => WEEKDAYS[d] ?? d))}`;
  if (byMonth && byMonthDay) {
    const month = new Date(Date.UTC(2024, Number(byMonth) - 1, 1)).toLocaleString(undefined, {
      month: 'short',
      timeZone: 'UTC',
    });
    words += ` on ${month} ${byMonthDay}`;
  } else if (byMonthDay) words += ` on the ${ordinal(Number(byMonthDay))}`;
  return from === 'completion' ? `${words} after completion` : words;
}

export function formatDay(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatInstant(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
}

function minutesInWords(minutes: number): string {
  if (minutes === 0) return 'at the due time';
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'} before`;
  if (minutes % 60 === 0) return `${minutes / 60} h before`;
  return `${minutes} min before`;
}

const PRIORITY_WORDS = { none: 'None', low: 'Low', medium: 'Medium', high: 'High' } as const;

/** The chip's text, or null for spans that are not chips (quoted literal text). */
export function chipLabel(span: QuickAddSpan, timeZone: string): string | null {
  switch (span.kind) {
    case 'date':
      if (span.value.dueAt) return formatInstant(span.value.dueAt, timeZone);
      return span.value.dueDate ? formatDay(span.value.dueDate) : null;
    case 'recurrence':
      return ruleInWords(span.value.rrule, span.value.from);
    case 'list':
      return span.value.name;
    case 'tag':
      return `@${span.value.name}`;
    case 'priority':
      return PRIORITY_WORDS[span.value.priority];
    case 'reminder':
      return 'beforeMinutes' in span.value
        ? minutesInWords(span.value.beforeMinutes)
        : formatInstant(span.value.at, timeZone);
    case 'literal':
      return null;
  }
}
