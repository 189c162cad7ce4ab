// --due values: a date (all day: dueDate), a date-time with offset (timed: dueAt + this machine's time zone),
// today / tomorrow (all day), or none to clear it.
import { isoInstant } from '../src-shared/task-schemas.ts';
import { usageError } from './cli-error.ts';

export interface DueFields {
  dueDate: string | null;
  dueAt: string | null;
  timeZone?: string;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A local calendar date as YYYY-MM-DD. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/** This machine's IANA time zone (what the API takes for "today" and for timed tasks). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function dayFromToday(offset: number, now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
}

/** The due fields to send. Throws a usage error (exit 2) for anything else. */
export function parseDue(value: string, now = new Date()): DueFields {
  const text = value.trim().toLowerCase();
  if (text === 'none' || text === 'clear' || text === '') return { dueDate: null, dueAt: null };
  if (text === 'today') return { dueDate: localDate(dayFromToday(0, now)), dueAt: null };
  if (text === 'tomorrow') return { dueDate: localDate(dayFromToday(1, now)), dueAt: null };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const result = new Date(year, month - 1, day);
    if (result.getMonth() === month - 1 && result.getDate() === day) return { dueDate: text, dueAt: null };
  } else if (text.includes('t')) {
    const parsed = isoInstant.safeParse(value.trim());
    if (parsed.success) return { dueDate: null, dueAt: parsed.data, timeZone: localTimeZone() };
  }
  throw usageError(
    `--due must be a date (2026-12-01), a date-time with offset (2026-12-01T09:00:00+01:00), today, tomorrow or none; got "${value}".`,
  );
}

/** --start values: a date (2026-12-01), today, tomorrow, or none to clear it. Throws a usage error otherwise. */
export function parseStart(value: string, now = new Date()): string | null {
  const text = value.trim().toLowerCase();
  if (text === 'none' || text === 'clear' || text === '') return null;
  if (text === 'today') return localDate(dayFromToday(0, now));
  if (text === 'tomorrow') return localDate(dayFromToday(1, now));
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const result = new Date(year, month - 1, day);
    if (result.getMonth() === month - 1 && result.getDate() === day) return text;
  }
  throw usageError(`--start must be a date (2026-12-01), today, tomorrow or none; got "${value}".`);
}

/** [start of today, start of tomorrow) in local time, as ISO instants. */
export function todayRange(now = new Date()): { start: string; end: string } {
  return { start: dayFromToday(0, now).toISOString(), end: dayFromToday(1, now).toISOString() };
}
