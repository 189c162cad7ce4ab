// Which backups to keep: a pure function over backup times, so it can be tested over simulated days.
// Keeps the newest few, the newest of each UTC day for a week, the newest of each week for about a month,
// and always the newest verified ("last good") backup. Anything in the future (clock changes) is kept.

export interface RotationPolicy {
  /** The newest N backups, whatever their age. */
  keepLast: number;
  /** One per UTC day for this many days. */
  dailyDays: number;
  /** One per 7-day period for this many days. */
  weeklyDays: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { keepLast: 5, dailyDays: 7, weeklyDays: 31 };

export interface RotationCandidate {
  id: string;
  /** Epoch ms. */
  time: number;
  /** Passed its integrity check. Unverified backups never count as the last good one. */
  verified: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

/** Returns the ids to delete; everything else is kept. */
export function selectBackupsToPrune(
  backups: readonly RotationCandidate[],
  now: number,
  policy: RotationPolicy = DEFAULT_ROTATION,
): string[] {
  const newestFirst = [...backups].sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : -1));
  const keep = new Set<string>();

  newestFirst.slice(0, Math.max(0, policy.keepLast)).forEach((b) => keep.add(b.id));
  // The last good backup is judged on the present: a future-dated one (clock change) must not stand in for it.
  const lastGood =
    newestFirst.find((b) => b.verified && b.time <= now) ?? newestFirst.find((b) => b.verified);
  if (lastGood) keep.add(lastGood.id);

  const dayBuckets = new Set<number>();
  const weekBuckets = new Set<number>();
  for (const backup of newestFirst) {
    const age = now - backup.time;
    if (age < 0) {
      keep.add(backup.id);
      continue;
    }
    const day = Math.floor(backup.time / DAY_MS);
    if (age < policy.dailyDays * DAY_MS && !dayBuckets.has(day)) {
      dayBuckets.add(day);
      keep.add(backup.id);
    }
    const week = Math.floor(backup.time / WEEK_MS);
    if (age < policy.weeklyDays * DAY_MS && !weekBuckets.has(week)) {
      weekBuckets.add(week);
      keep.add(backup.id);
    }
  }
  return newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id);
}

/** Start-up backups run at most once per interval (default one hour) after the newest backup of any kind. */
export function isStartupBackupDue(
  backupTimes: readonly number[],
  now: number,
  intervalMs = 60 * 60 * 1000,
): boolean {
  const newest = backupTimes.reduce((max, t) => (t > max ? t : max), Number.NEGATIVE_INFINITY);
  return !(newest <= now && now - newest < intervalMs);
}
