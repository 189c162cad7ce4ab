// Dates and times between iCalendar (ical.js Time values with a TZID parameter, UTC or floating) and the app's
// fields (all-day "YYYY-MM-DD", UTC instants with an IANA zone). A TZID is read as an IANA zone when it names one
// (also inside the prefixes Evolution and older Thunderbirds put before it, or via the VTIMEZONE's X-LIC-LOCATION);
// otherwise the file's VTIMEZONE gives the offset and the zone is not kept. Zone arithmetic is the app's own
// (Intl-based), so an imported time means what the app's own times mean.
import ICAL from 'ical.js';
import { canonicalTimeZone, isRealDate } from '../../src-shared/schedule-schemas.ts';
import { isInstantInRange } from '../../src-shared/task-schemas.ts';
import { formatDate, localParts, zonedInstant } from '../../src-shared/schedule/zoned-time.ts';

/** The VTIMEZONEs of one VCALENDAR, by TZID, and the zone a floating time is read in. */
export interface ZoneContext {
  vtimezones: Map<string, ICAL.Component>;
  floatingZone: string;
  /** TZID -> IANA zone (or null), per read: resolving a name builds an Intl formatter (~0.3 ms each). */
  zoneNames?: Map<string, string | null>;
}

export type ReadTime =
  { kind: 'date'; date: string } | { kind: 'instant'; at: string; zone: string | null; note: string | null };

const ICAL_UTC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** The IANA zone a TZID stands for, or null. */
export function ianaZone(tzid: string, vtimezone: ICAL.Component | undefined): string | null {
  const direct = canonicalTimeZone(tzid);
  if (direct !== null) return direct;
  // "/freeassociation.sourceforge.net/Tzfile/Europe/London", "/mozilla.org/20050126_1/Europe/Berlin": try each tail.
  const segments = tzid.split('/').filter((s) => s.length > 0);
  for (let i = 1; i < segments.length - 1; i++) {
    const zone = canonicalTimeZone(segments.slice(i).join('/'));
    if (zone !== null) return zone;
  }
  const location = vtimezone?.getFirstPropertyValue('x-lic-location');
  return typeof location === 'string' ? canonicalTimeZone(location) : null;
}

function timeValue(prop: ICAL.Property): ICAL.Time | null {
  const value = prop.getFirstValue();
  return value instanceof ICAL.Time ? value : null;
}

function instantFrom(ms: number): string | null {
  return isInstantInRange(ms) ? new Date(ms).toISOString() : null;
}

/** A DUE, DTSTART, COMPLETED, RECURRENCE-ID or TRIGGER value in the app's terms; null when it is not a usable time. */
export function readTime(prop: ICAL.Property, ctx: ZoneContext): ReadTime | null {
  const value = timeValue(prop);
  if (value === null) return null;
  const date = formatDate(value.year, value.month, value.day);
  if (!isRealDate(date)) return null;
  if (value.isDate) return { kind: 'date', date };
  const clock = { hour: value.hour, minute: value.minute, second: Math.min(value.second, 59) };
  const tzid = prop.getParameter('tzid');
  const tzidText = typeof tzid === 'string' ? tzid : null;
  if (tzidText === null && value.zone === ICAL.Timezone.utcTimezone) {
    const at = instantFrom(value.toUnixTime() * 1000);
    return at === null ? null : { kind: 'instant', at, zone: null, note: null };
  }
  if (tzidText !== null) {
    const vtimezone = ctx.vtimezones.get(tzidText);
    let zone = ctx.zoneNames?.get(tzidText);
    if (zone === undefined) {
      zone = ianaZone(tzidText, vtimezone);
      ctx.zoneNames?.set(tzidText, zone);
    }
    if (zone !== null) {
      const at = instantFrom(zonedInstant(date, clock, zone).getTime());
      return at === null ? null : { kind: 'instant', at, zone, note: null };
    }
    if (vtimezone !== undefined) {
      const zoned = value.clone();
      zoned.zone = new ICAL.Timezone(vtimezone);
      const at = instantFrom(zoned.toUnixTime() * 1000);
      const note = `Time zone "${tzidText.slice(0, 64)}" is not an IANA zone: the time was kept, the zone was not.`;
      return at === null ? null : { kind: 'instant', at, zone: null, note };
    }
    const at = instantFrom(zonedInstant(date, clock, ctx.floatingZone).getTime());
    const note = `Time zone "${tzidText.slice(0, 64)}" is unknown and has no VTIMEZONE: read in ${ctx.floatingZone}.`;
    return at === null ? null : { kind: 'instant', at, zone: null, note };
  }
  const at = instantFrom(zonedInstant(date, clock, ctx.floatingZone).getTime());
  return at === null
    ? null
    : { kind: 'instant', at, zone: null, note: `A floating time was read in ${ctx.floatingZone}.` };
}

/** An instant read from a text property written as YYYYMMDDTHHMMSSZ (X-MOZ-SNOOZE-TIME), or null. */
export function readUtcText(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const m = ICAL_UTC.exec(text.trim());
  if (!m) return null;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  d.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), 0);
  return instantFrom(d.getTime());
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** An instant as iCalendar UTC text (YYYYMMDDTHHMMSSZ), milliseconds dropped. */
export function utcText(instant: string): string {
  const d = new Date(instant);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

export function dateValue(date: string): ICAL.Time {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return ICAL.Time.fromData({ year, month, day, isDate: true });
}

export function utcValue(instant: string): ICAL.Time {
  const d = new Date(instant);
  return ICAL.Time.fromData(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      isDate: false,
    },
    ICAL.Timezone.utcTimezone,
  );
}

/** The wall-clock reading of an instant in a zone, as a floating Time (the caller adds TZID). */
export function zonedValue(instant: string, zone: string): ICAL.Time {
  const p = localParts(new Date(instant), zone);
  return ICAL.Time.fromData({
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    isDate: false,
  });
}

/** A property holding a time: UTC, or wall clock + TZID, or a date. */
export function timeProperty(
  name: string,
  time: { date: string } | { at: string; zone: string | null },
): ICAL.Property {
  const prop = new ICAL.Property(name);
  if ('date' in time) {
    prop.resetType('date');
    prop.setValue(dateValue(time.date));
  } else if (time.zone === null) {
    prop.setValue(utcValue(time.at));
  } else {
    prop.setValue(zonedValue(time.at, time.zone));
    prop.setParameter('tzid', time.zone);
  }
  return prop;
}
