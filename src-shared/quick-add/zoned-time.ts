// Wall-clock <-> instant conversion in an IANA time zone, with Intl only (no Node or DOM APIs, never the
// machine's zone). DST: a wall-clock time inside a spring-forward gap moves forward by the gap; one that
// occurs twice (fall back) takes the earlier instant — the same as Temporal's `disambiguation: "compatible"`.

export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Intl formatters by zone. Building one costs ~0.1 ms, more than a whole parse, so they are memoised: a pure
 * cache (same zone, same formatter), bounded, the only module-level state of the parser.
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
const FORMATTERS_MAX = 64;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = FORMATTERS.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (FORMATTERS.size >= FORMATTERS_MAX) FORMATTERS.clear();
    FORMATTERS.set(timeZone, format);
  }
  return format;
}

type ZonedFields = WallClock & { second: number };

/** Reads wall clocks in one zone; create one per parse (it remembers the instants it has read). */
export class ZoneClock {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly seen = new Map<number, ZonedFields>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.format = formatterFor(timeZone);
  }

  /** The zone's wall clock at an instant. */
  wallClock(epochMs: number): ZonedFields {
    const known = this.seen.get(epochMs);
    if (known) return { ...known };
    const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const part of this.format.formatToParts(epochMs)) {
      if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
    }
    if (out.hour === 24) out.hour = 0;
    this.seen.set(epochMs, out);
    return { ...out };
  }

  /** The zone's offset from UTC in minutes at an instant (east positive: Paris in winter = 60). */
  offsetMinutes(epochMs: number): number {
    const w = this.wallClock(epochMs);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    const floored = Math.floor(epochMs / 1000) * 1000;
    return Math.round((asUtc - floored) / 60_000);
  }

  /** The instant of a wall-clock time in this zone (DST-correct, see the file comment). */
  instant(w: WallClock): number {
    const asUtc = utcOfWallClock(w);
    const before = this.offsetMinutes(asUtc - 86_400_000);
    const after = this.offsetMinutes(asUtc + 86_400_000);
    const valid = [before, after]
      .map((offset) => asUtc - offset * 60_000)
      .filter((t) => sameWallClock(this.wallClock(t), w))
      .sort((a, b) => a - b);
    // In a gap no candidate shows the wall clock: use the offset in force before the change (moves forward).
    return valid[0] ?? asUtc - before * 60_000;
  }

  /** ISO 8601 with this zone's offset at that instant, e.g. 2026-12-05T17:30:00+01:00. */
  isoWithOffset(epochMs: number): string {
    const w = this.wallClock(epochMs);
    const offset = this.offsetMinutes(epochMs);
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    return `${formatDate(w)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }
}

function utcOfWallClock(w: WallClock): number {
  return utcDay(w.year, w.month, w.day).getTime() + (w.hour * 60 + w.minute) * 60_000;
}

function sameWallClock(a: WallClock, b: WallClock): boolean {
  return (
    a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute
  );
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "YYYY-MM-DD" */
export function formatDate(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** A UTC Date for a calendar day (Date.UTC alone maps years 0-99 to 1900-1999). */
function utcDay(year: number, month: number, day: number): Date {
  const t = new Date(Date.UTC(2000, month - 1, day));
  t.setUTCFullYear(year + (t.getUTCFullYear() - 2000), t.getUTCMonth(), t.getUTCDate());
  return t;
}

/** Calendar arithmetic on plain dates (no zone involved). */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = utcDay(d.year, d.month, d.day + days);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday */
export function weekdayOf(d: CalendarDate): number {
  return utcDay(d.year, d.month, d.day).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
