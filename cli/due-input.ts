// --due values: an ISO date (local midnight), an ISO date-time, today / tomorrow, or none to clear it.
import { isoInstant } from '../src-shared/task-schemas.ts';
import { usageError } from './cli-error.ts';

function localMidnight(year: number, month: number, day: number): string {
  return new Date(year, month - 1, day).toISOString();
}

function dayFromToday(offset: number, now: Date): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset).toISOString();
}

/** The dueAt to send: an ISO instant, or null to clear. Throws a usage error (exit 2) for anything else. */
export function parseDue(value: string, now = new Date()): string | null {
  const text = value.trim().toLowerCase();
  if (text === 'none' || text === 'clear' || text === '') return null;
  if (text === 'today') return dayFromToday(0, now);
  if (text === 'tomorrow') return dayFromToday(1, now);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const result = new Date(year, month - 1, day);
    if (result.getMonth() === month - 1 && result.getDate() === day) return localMidnight(year, month, day);
  } else {
    const parsed = isoInstant.safeParse(value.trim());
    if (parsed.success) return parsed.data;
  }
  throw usageError(
    `--due must be a date (2026-12-01), a date-time with offset (2026-12-01T09:00:00+01:00), today, tomorrow or none; got "${value}".`,
  );
}

/** [start of today, start of tomorrow) in local time, as ISO instants. */
export function todayRange(now = new Date()): { start: string; end: string } {
  return { start: dayFromToday(0, now), end: dayFromToday(1, now) };
}
