// How a due reads in the window (defects 3 and 6): the date in words relative to the viewer's today, the time in
// the viewer's own format when there is one, and the zone it was meant in when that differs from the viewer's
// ("09:00 Paris · 08:00 here"). One formatter set per viewer zone and locale (Intl formatters cost ~0.1 ms to
// build; rows render often), made once by the screen and handed down.
import type { Due } from './due-edit';
import { daysBetween, dateInZone } from './zoned-day';

export type DueTone = 'overdue' | 'today' | 'soon' | 'later' | 'done';

export interface DueDisplay {
  /** The due's date on the viewer's calendar ("YYYY-MM-DD"): the day group it belongs to. */
  date: string;
  /** Short, for a row: "Today", "Tomorrow", "Fri", "11 Dec", "Yesterday". */
  dayText: string;
  /** The time in the viewer's zone and format ("14:30", "2:30 PM"), null when all day. */
  time: string | null;
  /** When the task's zone is not the viewer's: "09:00 Paris · 08:00 here". */
  zoneNote: string | null;
  tone: DueTone;
  /** Everything in words, for a tooltip and screen readers. */
  full: string;
}

/** "Europe/Paris" -> "Paris", "America/Los_Angeles" -> "Los Angeles". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replace(/_/g, ' ');
}

export interface DueFormat {
  viewerZone: string;
  display(due: Due, now: Date, completed?: boolean): DueDisplay | null;
  /** A time "HH:MM"-able instant in the viewer's format, in a zone (default the viewer's). */
  time(instant: string, timeZone?: string): string;
  /** "Fri 11 Dec" (with the year when it is not this year's) for a calendar date. */
  day(date: string, today?: string): string;
}

export function createDueFormat(viewerZone: string, locale?: string): DueFormat {
  const utc = (opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' });
  const longDay = utc({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  const shortDay = utc({ weekday: 'short', month: 'short', day: 'numeric' });
  const shortDayYear = utc({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
  const monthDay = utc({ month: 'short', day: 'numeric' });
  const monthDayYear = utc({ month: 'short', day: 'numeric', year: 'numeric' });
  const weekday = utc({ weekday: 'short' });
  const timeOptions: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
  const viewerTime = new Intl.DateTimeFormat(locale, { ...timeOptions, timeZone: viewerZone });
  const asUtcDate = (date: string) => Date.parse(`${date}T00:00:00Z`);
  const time = (instant: string, timeZone = viewerZone) =>
    (timeZone === viewerZone
      ? viewerTime
      : new Intl.DateTimeFormat(locale, { ...timeOptions, timeZone })
    ).format(Date.parse(instant));

  function display(due: Due, now: Date, completed = false): DueDisplay | null {
    if (!due.dueDate && !due.dueAt) return null;
    const today = dateInZone(now, viewerZone);
    const date = due.dueDate ?? dateInZone(due.dueAt!, viewerZone);
    const days = daysBetween(today, date);
    const sameYear = date.slice(0, 4) === today.slice(0, 4);
    const short = (sameYear ? monthDay : monthDayYear).format(asUtcDate(date));
    const at = due.dueAt ? time(due.dueAt) : null;
    const zoneNote =
      due.dueAt && due.timeZone && due.timeZone !== viewerZone && time(due.dueAt, due.timeZone) !== at
        ? `${time(due.dueAt, due.timeZone)} ${zoneCity(due.timeZone)} · ${at} here`
        : null;
    const longText = `${longDay.format(asUtcDate(date))}${at ? `, ${at}` : ', all day'}${zoneNote ? ` (${zoneNote})` : ''}`;
    const overdue = due.dueAt ? Date.parse(due.dueAt) < now.getTime() : days < 0;
    let dayText: string;
    if (days === 0) dayText = 'Today';
    else if (days === 1) dayText = 'Tomorrow';
    else if (days === -1) dayText = 'Yesterday';
    else if (days > 1 && days < 7) dayText = weekday.format(asUtcDate(date));
    else dayText = short;
    let tone: DueTone;
    let full: string;
    if (completed) [tone, full] = ['done', `Was due ${longText}`];
    else if (overdue) [tone, full] = ['overdue', `Overdue, was due ${longText}`];
    else if (days === 0) [tone, full] = ['today', `Due today, ${longText}`];
    else if (days < 7) [tone, full] = ['soon', `Due ${days === 1 ? 'tomorrow, ' : ''}${longText}`];
    else [tone, full] = ['later', `Due ${longText}`];
    return { date, dayText, time: at, zoneNote, tone, full };
  }

  function day(date: string, today = dateInZone(Date.now(), viewerZone)): string {
    return (date.slice(0, 4) === today.slice(0, 4) ? shortDay : shortDayYear).format(asUtcDate(date));
  }

  return { viewerZone, display, time, day };
}
