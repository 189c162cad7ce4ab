// The notification planner with a fake clock: reminders one by one, a summary per account when many come at once,
// and never more than the limit in any window, what was held back folded into one summary per account.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger.ts';
import {
  NotificationPlanner,
  type PlannedNotification,
  summaryTitle,
} from './notification-planner.ts';
import type { DueReminder } from './reminder-events.ts';
import { FakeClock } from './scheduler-clock.ts';

const T0 = Date.parse('2026-03-01T08:00:00.000Z');
const MIN = 60_000;

let seq = 0;
function reminder(userId: string, fireAt = T0): DueReminder {
  seq += 1;
  return {
    userId,
    taskId: `t${seq}`,
    title: `Task ${seq}`,
    fireAt: new Date(fireAt).toISOString(),
    kind: 'reminder',
    dueAt: null,
    dueDate: null,
  };
}

function setup(options: { limit?: number; windowMs?: number } = {}) {
  const clock = new FakeClock(T0);
  const shown: { at: number; n: PlannedNotification }[] = [];
  const planner = new NotificationPlanner({
    clock,
    logger: silentLogger,
    show: (n) => shown.push({ at: clock.now(), n }),
    ...options,
  });
  /** What was shown, as "user:reminder" or "user:summary(count,reason)". */
  const seen = () =>
    shown.map(({ n }) =>
      n.kind === 'reminder' ? `${n.userId}:${n.reminder.taskId}` : `${n.userId}:summary(${n.count},${n.reason})`,
    );
  return { clock, planner, shown, seen };
}

describe('NotificationPlanner', () => {
  it('shows reminders one by one while they come one by one', () => {
    const s = setup();
    const a = reminder('u1');
    const b = reminder('u2');
    s.planner.due([a]);
    s.planner.due([b]);
    expect(s.seen()).toEqual([`u1:${a.taskId}`, `u2:${b.taskId}`]);
    expect(s.planner.pending).toEqual([]);
  });

  it('many in one batch: one summary per account, "while you were away" when they are late', async () => {
    const s = setup();
    await s.clock.advance(60 * MIN); // a resume: these fired an hour ago
    s.planner.due([...Array.from({ length: 5 }, () => reminder('u1')), ...Array.from({ length: 2 }, () => reminder('u2'))]);
    expect(s.seen()).toEqual(['u1:summary(5,away)', expect.stringMatching(/^u2:t\d+$/), expect.stringMatching(/^u2:t\d+$/)]);
    const summary = s.shown[0]!.n;
    expect(summary.kind === 'summary' && summaryTitle(summary)).toBe('5 reminders while you were away');
    expect(summary.kind === 'summary' && summary.latest).toHaveLength(5);

    const now = Array.from({ length: 4 }, () => reminder('u3', s.clock.now()));
    await s.clock.advance(MIN); // room again
    s.planner.due(now);
    expect(s.seen().at(-1)).toBe('u3:summary(4,many)');
    expect(summaryTitle({ count: 4, reason: 'many' })).toBe('4 reminders due');
  });

  it('missed at start: one summary per account', () => {
    const s = setup();
    s.planner.missed([
      { userId: 'u1', count: 20_000, latest: [reminder('u1')] },
      { userId: 'u2', count: 1, latest: [reminder('u2')] },
    ]);
    expect(s.seen()).toEqual(['u1:summary(20000,away)', 'u2:summary(1,away)']);
    expect(summaryTitle({ count: 1, reason: 'away' })).toBe('1 reminder while you were away');
  });

  it('never more than the limit in any minute; what waits is one summary per account, shown when there is room', async () => {
    const s = setup({ limit: 4, windowMs: MIN });
    // Reminders trickle in one by one, ten seconds apart, from three accounts.
    for (let i = 0; i < 30; i += 1) {
      s.planner.due([reminder(['u1', 'u2', 'u3'][i % 3]!, s.clock.now())]);
      await s.clock.advance(10_000);
    }
    await s.clock.advance(10 * MIN); // let everything waiting out
    expect(s.planner.pending).toEqual([]);
    const times = s.shown.map((x) => x.at);
    for (const at of times) expect(times.filter((t) => t > at - MIN && t <= at).length).toBeLessThanOrEqual(4);
    // Nothing is lost: every reminder is counted once, in a notification of its own or in a summary.
    const counted = s.shown.reduce((sum, { n }) => sum + (n.kind === 'reminder' ? 1 : n.count), 0);
    expect(counted).toBe(30);
    expect(s.shown.length).toBeLessThan(30);
    // Held-back reminders of one account come as one summary, not one by one.
    for (const { n } of s.shown) if (n.kind === 'summary') expect(n.count).toBeGreaterThan(1);
  });

  it('a burst from many accounts: at most the limit at once, the rest folded per account and shown later', async () => {
    const s = setup({ limit: 3, windowMs: MIN });
    s.planner.due(['a', 'b', 'c', 'd', 'e'].flatMap((u) => [reminder(u), reminder(u)]));
    expect(s.shown).toHaveLength(3);
    expect(s.seen()).toEqual(['a:summary(2,many)', 'b:summary(2,many)', 'c:summary(2,many)']);
    expect(s.planner.pending.map((n) => n.userId)).toEqual(['d', 'e']);
    s.planner.due([reminder('d')]); // joins d's waiting summary
    await s.clock.advance(MIN - 1);
    expect(s.shown).toHaveLength(3);
    await s.clock.advance(1);
    expect(s.seen().slice(3)).toEqual(['d:summary(3,many)', 'e:summary(2,many)']);
  });

  it('a show that throws does not hold back the others; stop drops what waits', async () => {
    const clock = new FakeClock(T0);
    const shown: string[] = [];
    const errors: string[] = [];
    const planner = new NotificationPlanner({
      clock,
      limit: 2,
      logger: { ...silentLogger, error: (message: string) => errors.push(message) },
      show: (n) => {
        if (n.userId === 'bad') throw new Error('no notification server');
        shown.push(n.userId);
      },
    });
    planner.due([reminder('bad'), reminder('ok'), reminder('later')]);
    expect(shown).toEqual(['ok']);
    expect(errors).toEqual(['reminder notification failed']);
    planner.stop();
    await clock.advance(10 * MIN);
    expect(shown).toEqual(['ok']);
    expect(clock.pendingTimers).toBe(0);
  });
});
