import { describe, expect, it } from 'vitest';
import { isStartupBackupDue, type RotationCandidate, selectBackupsToPrune } from './backup-rotation.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-01-01T00:00:00.000Z');

/** Simulates `days` days with a backup every `everyHours` hours, pruning after each like createBackup does. */
function simulate(days: number, everyHours: number): { kept: RotationCandidate[]; now: number } {
  let kept: RotationCandidate[] = [];
  let now = START;
  for (let t = START; t < START + days * DAY; t += everyHours * HOUR) {
    now = t;
    kept.push({ id: String(t), time: t, verified: true });
    const doomed = new Set(selectBackupsToPrune(kept, now));
    kept = kept.filter((b) => !doomed.has(b.id));
  }
  return { kept, now };
}

describe('backup rotation', () => {
  it('keeps the newest five, one per day for a week and one per week for a month', () => {
    const { kept, now } = simulate(90, 3);
    const ages = kept.map((b) => now - b.time).sort((a, b) => a - b);
    // The newest five are the last 5 backups, 3 hours apart.
    expect(ages.slice(0, 5)).toEqual([0, 3, 6, 9, 12].map((h) => h * HOUR));
    // Nothing older than the weekly window survives.
    expect(Math.max(...ages)).toBeLessThan(31 * DAY);
    // One per UTC day inside the daily window: every one of the last 7 days is covered.
    for (let d = 0; d < 7; d += 1) {
      const day = Math.floor((now - d * DAY) / DAY);
      expect(kept.some((b) => Math.floor(b.time / DAY) === day)).toBe(true);
    }
    // Beyond the daily window, at most one per 7-day bucket, and the month is covered.
    const old = kept.filter((b) => now - b.time >= 7 * DAY);
    const weeks = old.map((b) => Math.floor(b.time / (7 * DAY)));
    expect(new Set(weeks).size).toBe(weeks.length);
    expect(old.length).toBeGreaterThanOrEqual(3);
    // Bounded: 5 + 7 + 5 at most.
    expect(kept.length).toBeLessThanOrEqual(17);
  });

  it('keeps everything while there are few backups', () => {
    const { kept } = simulate(2, 12);
    expect(kept).toHaveLength(4);
  });

  it('never deletes the last verified backup, however old', () => {
    const now = START + 200 * DAY;
    const backups: RotationCandidate[] = [
      { id: 'good-old', time: START, verified: true },
      { id: 'older', time: START - DAY, verified: true },
      ...[1, 2, 3, 4, 5, 6].map((h) => ({ id: `bad-${h}`, time: now - h * HOUR, verified: false })),
    ];
    const doomed = selectBackupsToPrune(backups, now);
    expect(doomed).not.toContain('good-old');
    expect(doomed).toContain('older');
    expect(doomed).toContain('bad-6');
  });

  it('keeps backups dated in the future (the clock went back)', () => {
    const now = START;
    const backups = [0, 1, 2, 3, 4, 5, 6].map((i) => ({
      id: `past-${i}`,
      time: now - (40 + i) * DAY,
      verified: true,
    }));
    backups.push({ id: 'future', time: now + 10 * DAY, verified: true });
    const doomed = selectBackupsToPrune(backups, now, { keepLast: 1, dailyDays: 7, weeklyDays: 31 });
    expect(doomed).not.toContain('future');
    expect(doomed).toHaveLength(6);
  });
});

describe('start-up backup interval', () => {
  it('runs when there is no backup or the newest is an hour old', () => {
    expect(isStartupBackupDue([], START)).toBe(true);
    expect(isStartupBackupDue([START - HOUR], START)).toBe(true);
    expect(isStartupBackupDue([START - 2 * HOUR, START - 59 * 60 * 1000], START)).toBe(false);
    expect(isStartupBackupDue([START + HOUR], START)).toBe(true);
  });
});
