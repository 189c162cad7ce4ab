// The repeat picker's model: what a person picks (a preset, or a custom interval, weekdays, month day or "the
// first Monday", an end, from due or completion) as a draft, and the RRULE it stands for, both ways.
import { ruleParts } from '../../src-shared/recurrence-rule';
import type { RecurrenceFrom } from '../../src-shared/schedule-schemas';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WORKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
export type Freq = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
export const PRESETS = ['daily', 'weekdays', 'weekly', 'monthly', 'yearly', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** 1-4: the first to fourth <weekday> of the month; -1: the last. */
export type Nth = 1 | 2 | 3 | 4 | -1;
export type MonthlyBy = { kind: 'day'; day: number } | { kind: 'weekday'; nth: Nth; weekday: Weekday };
export type RepeatEnd = { kind: 'never' } | { kind: 'count'; count: number } | { kind: 'until'; date: string };

export interface RepeatDraft {
  preset: Preset;
  freq: Freq;
  interval: number;
  /** WEEKLY: the days it repeats on. */
  weekdays: Weekday[];
  monthly: MonthlyBy;
  end: RepeatEnd;
  from: RecurrenceFrom;
}

const DAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

/** A weekday's name, for the picker's controls. */
export function dayName(day: Weekday): string {
  return DAY_NAMES[day];
}

/** The weekday of a calendar date "YYYY-MM-DD". */
export function weekdayOf(date: string): Weekday {
  const day = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return WEEKDAYS[(day + 6) % 7]!;
}

/** Which "nth <weekday>" of its month a date is (the fifth one counts as the last). */
export function nthOf(date: string): Nth {
  const day = Number(date.slice(8, 10));
  const n = Math.ceil(day / 7);
  return n >= 5 ? -1 : (n as Nth);
}

/** The draft a preset stands for, anchored on the task's due date (its weekday, its day of the month). */
export function presetDraft(preset: Exclude<Preset, 'custom'>, anchor: string, base?: Partial<RepeatDraft>): RepeatDraft {
  const common = { interval: 1, end: base?.end ?? { kind: 'never' as const }, from: base?.from ?? 'due' };
  const monthly: MonthlyBy = { kind: 'day', day: Number(anchor.slice(8, 10)) };
  const weekday = weekdayOf(anchor);
  switch (preset) {
    case 'daily':
      return { preset, freq: 'DAILY', weekdays: [weekday], monthly, ...common };
    case 'weekdays':
      return { preset, freq: 'WEEKLY', weekdays: [...WORKDAYS], monthly, ...common };
    case 'weekly':
      return { preset, freq: 'WEEKLY', weekdays: [weekday], monthly, ...common };
    case 'monthly':
      return { preset, freq: 'MONTHLY', weekdays: [weekday], monthly, ...common };
    case 'yearly':
      return { preset, freq: 'YEARLY', weekdays: [weekday], monthly, ...common };
  }
}

const sortDays = (days: readonly Weekday[]): Weekday[] => WEEKDAYS.filter((d) => days.includes(d));

/** The RRULE (without DTSTART) of a draft. */
export function ruleOf(draft: RepeatDraft): string {
  const parts = [`FREQ=${draft.freq}`];
  if (draft.interval > 1) parts.push(`INTERVAL=${draft.interval}`);
  if (draft.freq === 'WEEKLY' && draft.weekdays.length > 0) parts.push(`BYDAY=${sortDays(draft.weekdays).join(',')}`);
  if (draft.freq === 'MONTHLY') {
    parts.push(draft.monthly.kind === 'day' ? `BYMONTHDAY=${draft.monthly.day}` : `BYDAY=${draft.monthly.nth}${draft.monthly.weekday}`);
  }
  if (draft.end.kind === 'count') parts.push(`COUNT=${draft.end.count}`);
  if (draft.end.kind === 'until') parts.push(`UNTIL=${draft.end.date.replaceAll('-', '')}`);
  return parts.join(';');
}

/** Which preset a draft is, when it is one (else custom). */
function presetOf(draft: Omit<RepeatDraft, 'preset'>, anchor: string): Preset {
  const rule = ruleOf({ ...draft, preset: 'custom' });
  for (const preset of PRESETS) {
    if (preset !== 'custom' && ruleOf(presetDraft(preset, anchor, draft)) === rule) return preset;
  }
  return 'custom';
}

const FREQS: readonly Freq[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

/**
 * The draft of a stored rule, or null when the picker cannot show it (parts it has no control for, e.g. BYSETPOS
 * or BYWEEKNO, set by a script): the picker then says so and starts from a preset.
 */
export function draftOf(rule: string, from: RecurrenceFrom, anchor: string): RepeatDraft | null {
  const parts = ruleParts(rule);
  const freq = parts.get('FREQ') as Freq | undefined;
  if (!freq || !FREQS.includes(freq)) return null;
  const known = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'WKST']);
  if ([...parts.keys()].some((k) => !known.has(k))) return null;
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const byDay = parts.get('BYDAY')?.split(',') ?? [];
  const byMonthDay = parts.get('BYMONTHDAY');
  let weekdays: Weekday[] = [weekdayOf(anchor)];
  let monthly: MonthlyBy = { kind: 'day', day: Number(anchor.slice(8, 10)) };
  if (freq === 'WEEKLY' && byDay.length > 0) {
    if (!byDay.every((d) => (WEEKDAYS as readonly string[]).includes(d))) return null;
    weekdays = byDay as Weekday[];
  } else if (freq === 'MONTHLY' && (byDay.length > 0 || byMonthDay !== undefined)) {
    if (byDay.length > 0 && byMonthDay !== undefined) return null;
    if (byMonthDay !== undefined) {
      const day = Number(byMonthDay);
      if (!Number.isInteger(day) || day < 1 || day > 31) return null;
      monthly = { kind: 'day', day };
    } else {
      const match = byDay.length === 1 ? /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay[0]!) : null;
      if (!match) return null;
      monthly = { kind: 'weekday', nth: Number(match[1]) as Nth, weekday: match[2] as Weekday };
    }
  } else if (byDay.length > 0 || byMonthDay !== undefined) {
    return null;
  }
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  const end: RepeatEnd =
    count !== undefined
      ? { kind: 'count', count: Number(count) }
      : until !== undefined
        ? { kind: 'until', date: `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` }
        : { kind: 'never' };
  const draft = { freq, interval, weekdays, monthly, end, from };
  return { ...draft, preset: presetOf(draft, anchor) };
}
