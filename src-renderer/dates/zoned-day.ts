// Calendar days in a given zone, for "today", due windows and day groups. Built on the shared zone clock
// (src-shared/quick-add/zoned-time.ts), so the window and the server agree on the same wall-clock rules.
import { addDays, formatDate, ZoneClock, type CalendarDate } from '../../src-shared/quick-add/zoned-time';

/** "YYYY-MM-DD" of an instant in a zone. */
export function dateInZone(instant: Date | number | string, timeZone: string): string {
  return formatDate(new ZoneClock(timeZone).wallClock(new Date(instant).getTime()));
}

export function parseDate(date: string): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** A date moved by whole days (calendar arithmetic, no zone). */
export function shiftDate(date: string, days: number): string {
  return formatDate(addDays(parseDate(date), days));
}

/** Whole days from `a` to `b` (both "YYYY-MM-DD"). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The instant a date starts (00:00) in a zone (DST-correct). */
export function startOfDate(date: string, timeZone: string): Date {
  return new Date(new ZoneClock(timeZone).instant({ ...parseDate(date), hour: 0, minute: 0 }));
}

/** The instant of a date's wall-clock time "HH:MM" in a zone. */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return new Date(new ZoneClock(timeZone).instant({ ...parseDate(date), hour, minute }));
}

/** "HH:MM" (24 h) of an instant in a zone. */
export function timeInZone(instant: Date | number | string, timeZone: string): string {
  const w = new ZoneClock(timeZone).wallClock(new Date(instant).getTime());
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}
