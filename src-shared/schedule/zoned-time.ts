// Calendar arithmetic in an IANA time zone with Intl only (no per-call library objects on the list hot path).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The wall-clock reading of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: instant.getUTCMilliseconds(),
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** "YYYY-MM-DD" of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return formatDate(p.year, p.month, p.day);
}

/** The date after `date` ("YYYY-MM-DD"). */
export function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The date before `date` ("YYYY-MM-DD"). */
export function previousDate(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The first local day that starts at or after the instant. */
export function ceilDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const date = formatDate(p.year, p.month, p.day);
  return p.hour === 0 && p.minute === 0 && p.second === 0 && p.millisecond === 0 ? date : nextDate(date);
}

/** The instant a local wall-clock time happens in a zone (the earlier one in a DST overlap, shifted past a gap). */
export function zonedInstant(
  date: string,
  time: { hour: number; minute: number; second?: number; millisecond?: number },
  timeZone: string,
): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const wall = new Date(0);
  wall.setUTCFullYear(y, m - 1, d);
  const wallMs = wall.setUTCHours(time.hour, time.minute, time.second ?? 0, time.millisecond ?? 0);
  // Offset at a guess, then correct once (twice covers DST edges).
  let guess = wallMs - offsetMs(new Date(wallMs), timeZone);
  guess = wallMs - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** Zone offset (local - UTC) at an instant, in ms. */
export function offsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(p.year, p.month - 1, p.day);
  asUtc.setUTCHours(p.hour, p.minute, p.second, instant.getUTCMilliseconds());
  return asUtc.getTime() - instant.getTime();
}
