// Reminders: "remind [me] 30m before" (minutes before a timed due: m/min/minutes, h/hours, d/days, w/weeks) and
// "remind [me] [at|on] <date or time>" ("remind 8am", "remind me tomorrow at 9", "remind fri 5pm"). A time alone
// is on the due's day (or, without a due, its next occurrence); a day alone is at 09:00.
import { chronoParse, toPhrase, type DatePhrase, type DateOrder } from './date-phrases.ts';
import type { TextScan } from './text-scan.ts';
import type { ZoneClock } from './zoned-time.ts';

export type ReminderPhrase =
  { start: number; end: number; beforeMinutes: number } | { start: number; end: number; at: DatePhrase };

const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10_080 };
const BEFORE =
  /^(\d{1,5}|an?|one)\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\s+(?:before|earlier|ahead)(?=$|[\s\uFFFF,.;:!?)])/iu;

export function findReminders(
  scan: TextScan,
  now: number,
  clock: ZoneClock,
  order: DateOrder,
): ReminderPhrase[] {
  const found: ReminderPhrase[] = [];
  for (const head of scan.masked.matchAll(/(?<=^|\s)remind(?:\s+me)?\s+/giu)) {
    const restStart = head.index + head[0].length;
    const rest = scan.masked.slice(restStart);
    const before = BEFORE.exec(rest);
    if (before) {
      const count = /^\d/.test(before[1]!) ? Number(before[1]) : 1;
      const unit = UNIT_MINUTES[before[2]!.toLowerCase()[0]!]!;
      found.push({ start: head.index, end: restStart + before[0].length, beforeMinutes: count * unit });
      continue;
    }
    // Only a date or time right after "remind [me]" counts (the rest of the line is read up to the next sigil).
    const window = rest.split(/[\uFFFF#@!]/u, 1)[0]!;
    const result = chronoParse(window, now, clock, order).find(
      (r) => r.index === 0 || /^(?:at|on)\s+$/i.test(window.slice(0, r.index)),
    );
    if (!result || result.tags().has('casualReference/now')) continue;
    const phrase = toPhrase(result, scan, clock.wallClock(now), restStart);
    found.push({ start: head.index, end: phrase.end, at: phrase });
  }
  return found;
}
