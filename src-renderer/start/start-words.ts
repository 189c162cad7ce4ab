// How a start date reads (issue 15 §3): "starts Fri" within the coming week, "starts 12 Dec" later, "starts
// 12 Dec 2027" in another year; nothing once it has come (the task is available). Pure, for rows and details.
import { daysBetween, parseDate } from '../dates/zoned-day';

/** A calendar date as a Date at noon UTC, formatted in UTC (no zone can move it to another day). */
function utcNoon(date: string): Date {
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(2000, month - 1, day, 12));
  d.setUTCFullYear(year);
  return d;
}

/** "Fri", "12 Dec" or "12 Dec 2027" for a start date seen from `today` ("YYYY-MM-DD" in the viewer's zone). */
export function startDay(startDate: string, today: string, locale?: string): string {
  const days = daysBetween(today, startDate);
  const at = utcNoon(startDate);
  if (days === 1) return 'tomorrow';
  if (days > 1 && days < 7) return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(at);
  const sameYear = startDate.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(at);
}

/** The row's label: "starts Fri" while the start is ahead; null once it has come or when there is none. */
export function startLabel(startDate: string | null, today: string, locale?: string): string | null {
  if (startDate === null || startDate <= today) return null;
  return `starts ${startDay(startDate, today, locale)}`;
}
