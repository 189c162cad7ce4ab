// VTIMEZONE components for IANA zones, built from the runtime's own zone data (Intl): one observance per offset
// change in the years asked for, so a reader without that zone still turns the file's wall-clock times into the
// right instants. RFC 5545 §3.6.5 allows observances without RRULE (each DTSTART is one onset).
import ICAL from 'ical.js';
import { offsetMs } from '../../src-shared/schedule/zoned-time.ts';

const HOUR = 3_600_000;
/** Offsets are sampled weekly (no zone changes offset twice within a week), then each change found to the minute. */
const STEP = 7 * 24 * HOUR;
/** Most years one VTIMEZONE covers (a recurring task far in the future does not grow the file without bound). */
export const VTIMEZONE_YEARS_MAX = 12;

function offsetAt(ms: number, zone: string): number {
  return Math.round(offsetMs(new Date(ms), zone) / 60_000) * 60;
}

/** The first minute at which the offset differs from the one at `from` (between `from` and `to`). */
function transition(from: number, to: number, zone: string): number {
  const before = offsetAt(from, zone);
  let lo = from;
  let hi = to;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (offsetAt(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function localTime(ms: number, offsetSeconds: number): ICAL.Time {
  const d = new Date(ms + offsetSeconds * 1000);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: 0,
    isDate: false,
  });
}

function observance(
  kind: 'standard' | 'daylight',
  start: ICAL.Time,
  from: number,
  to: number,
): ICAL.Component {
  const component = new ICAL.Component(kind);
  component.addPropertyWithValue('dtstart', start);
  component.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(from));
  component.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(to));
  return component;
}

/** A VTIMEZONE for `zone` valid from the start of `fromYear` to the end of `toYear`. */
export function buildVtimezone(zone: string, fromYear: number, toYear: number): ICAL.Component {
  const first = Math.max(1, Math.min(fromYear, toYear));
  const last = Math.min(9999, Math.max(toYear, first), first + VTIMEZONE_YEARS_MAX - 1);
  const start = new Date(0);
  start.setUTCFullYear(first, 0, 1);
  const end = new Date(0);
  end.setUTCFullYear(last + 1, 0, 1);
  const vtimezone = new ICAL.Component('vtimezone');
  vtimezone.addPropertyWithValue('tzid', zone);
  vtimezone.addPropertyWithValue('x-lic-location', zone);
  const changes: Array<{ at: number; from: number; to: number }> = [];
  let previous = offsetAt(start.getTime(), zone);
  for (let at0 = start.getTime(); at0 < end.getTime(); at0 += STEP) {
    const stop = Math.min(at0 + STEP, end.getTime());
    const next = offsetAt(stop, zone);
    if (next !== previous) {
      const at = transition(at0, stop, zone);
      changes.push({ at, from: previous, to: next });
      previous = next;
    }
  }
  const initial = offsetAt(start.getTime(), zone);
  const offsets = [initial, ...changes.map((c) => c.to)];
  const standard = Math.min(...offsets);
  vtimezone.addSubcomponent(
    observance(
      initial > standard ? 'daylight' : 'standard',
      localTime(start.getTime(), initial),
      initial,
      initial,
    ),
  );
  for (const change of changes) {
    const kind = change.to > standard ? 'daylight' : 'standard';
    vtimezone.addSubcomponent(observance(kind, localTime(change.at, change.from), change.from, change.to));
  }
  return vtimezone;
}
