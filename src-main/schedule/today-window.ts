// "Today" in the viewer's zone for start dates (issue 15 §3): the local date, and the instant the day ends. A task
// is available once its start date is on or before that date; Today shows it then, and everything due before the
// day ends.
import { dueWindow, dueWindowParams } from './due-window.ts';
import { localDate, nextDate, zonedInstant } from '../../src-shared/schedule/zoned-time.ts';

export interface Today {
  /** "YYYY-MM-DD" in the zone. */
  date: string;
  /** The instant the next local day begins. */
  end: string;
}

export function todayIn(now: Date, timeZone: string): Today {
  return todayOn(localDate(now, timeZone), timeZone);
}

/** The day `date` in the zone: the viewer's own "today" when the request names it. */
export function todayOn(date: string, timeZone: string): Today {
  return { date, end: zonedInstant(nextDate(date), { hour: 0, minute: 0 }, timeZone).toISOString() };
}

/** Named parameters for a list query's start conditions: @today, and @today_* for "due before the day ends". */
export function todayParams(today: Today, timeZone: string): Record<string, string> {
  const params: Record<string, string> = { today: today.date };
  for (const [key, value] of Object.entries(dueWindowParams(dueWindow(undefined, today.end, timeZone)))) {
    params[`today_${key}`] = value;
  }
  return params;
}
