// Time-zone support for date e2e tests: the three zones far apart that every date test runs in, and a "now" near
// each zone's midnight where its calendar date differs from UTC's (so a window that reads dates in UTC, or
// sends no zone, is caught). Use with startHarness({ timezoneId: zone, now }) and read the API with the same zone.
import { addDays, formatDate, ZoneClock, type CalendarDate } from '../../src-shared/quick-add/zoned-time.ts';

export const ZONES = ['Pacific/Auckland', 'Europe/Berlin', 'America/Los_Angeles'] as const;
export type Zone = (typeof ZONES)[number];

export interface ZonedNow {
  zone: string;
  /** The instant the page's clock starts at. */
  now: Date;
  /** The viewer's date then ("YYYY-MM-DD"), and UTC's (they differ). */
  today: string;
  utcDate: string;
  /** The viewer's date `days` from today. */
  day: (days: number) => string;
  /** The instant of a wall-clock time ("HH:MM") on a date in this zone. */
  at: (date: string, time: string) => Date;
}

function parse(date: string): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/**
 * A "now" just past local midnight (00:30) east of UTC, or late in the evening (23:30) west of it, on the latest
 * such day before the real clock: there the zone's date is a day ahead of / behind UTC's. In the past, so the
 * access tokens the real server signs are not yet expired by the page's clock.
 */
export function zonedNow(zone: string, real: Date = new Date()): ZonedNow {
  const clock = new ZoneClock(zone);
  const at = (date: string, time: string) => {
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    return new Date(clock.instant({ ...parse(date), hour, minute }));
  };
  const east = clock.offsetMinutes(real.getTime()) > 0;
  let date = parse(formatDate(clock.wallClock(real.getTime())));
  let now = at(formatDate(date), east ? '00:30' : '23:30');
  while (now.getTime() > real.getTime() - 60_000) {
    date = addDays(date, -1);
    now = at(formatDate(date), east ? '00:30' : '23:30');
  }
  const today = formatDate(date);
  const utcDate = now.toISOString().slice(0, 10);
  if (today === utcDate) throw new Error(`${zone}: no hour where its date differs from UTC's`);
  return { zone, now, today, utcDate, day: (days) => formatDate(addDays(date, days)), at };
}
