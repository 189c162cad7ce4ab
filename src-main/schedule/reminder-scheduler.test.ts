// The reminder scheduler with a fake clock over a real (migrated) database: one timer, fired in order, re-armed
// by writes, completion and snoozes, and a single summary of what was missed while not running.
import { afterEach, describe, expect, it } from 'vitest';
import {
  taskCreate,
  taskPatch as patchSchema,
  type TaskCreateInput,
  type TaskPatchInput,
} from '../../src-shared/task-schemas.ts';
import { silentLogger } from '../core/logger.ts';
import { tempDataDir } from '../storage/testing/sample-database.ts';
import { DatabaseService } from '../db/database-service.ts';
import { TaskRepository } from '../tasks/task-repository.ts';
import type { DueReminder, MissedReminders } from './reminder-events.ts';
import { MAX_WAIT_MS, ReminderScheduler } from './reminder-scheduler.ts';
import { FakeClock } from './scheduler-clock.ts';
import { SnoozeStore } from './snooze.ts';

const T0 = Date.parse('2026-03-01T08:00:00.000Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const taskPatch = (input: TaskPatchInput) => patchSchema.parse(input);

const open: DatabaseService[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.stop();
});

async function setup() {
  const database = new DatabaseService(tempDataDir('tasks-reminders-'));
  await database.start();
  open.push(database);
  const clock = new FakeClock(T0);
  const repo = new TaskRepository(database.sqlite, database.writes, () => new Date(clock.now()));
  const published: { userId: string; ids: readonly string[] }[] = [];
  const scheduler = new ReminderScheduler(database.sqlite, database.writes, {
    clock,
    logger: silentLogger,
    events: { publish: (userId, type, ids) => type === 'reminder.due' && published.push({ userId, ids }) },
  });
  const due: DueReminder[] = [];
  const missed: MissedReminders[] = [];
  scheduler.subscribe({ due: (list) => due.push(...list), missed: (list) => missed.push(...list) });
  const create = async (userId: string, input: TaskCreateInput) => {
    const task = await repo.create(userId, taskCreate.parse(input));
    scheduler.reschedule();
    return task;
  };
  return { database, clock, repo, scheduler, due, missed, published, create };
}

describe('ReminderScheduler', () => {
  it('fires reminders in order with one timer, and publishes reminder.due', async () => {
    const s = await setup();
    await s.scheduler.start();
    const a = await s.create('u1', {
      title: 'A',
      dueAt: iso(T0 + 60 * MIN),
      reminders: [{ beforeMinutes: 30 }],
    });
    const b = await s.create('u2', { title: 'B', reminders: [{ at: iso(T0 + 10 * MIN) }] });
    await s.create('u1', { title: 'C', dueAt: iso(T0 + 600 * MIN), reminders: [{ beforeMinutes: 0 }] });
    expect(s.clock.pendingTimers).toBe(1);
    expect(s.scheduler.nextFireAt()).toBe(iso(T0 + 10 * MIN));

    await s.clock.advance(9 * MIN);
    expect(s.due).toEqual([]);
    await s.clock.advance(1 * MIN);
    expect(s.due.map((r) => [r.title, r.fireAt, r.userId])).toEqual([['B', iso(T0 + 10 * MIN), 'u2']]);
    await s.clock.advance(20 * MIN);
    expect(s.due.map((r) => r.taskId)).toEqual([b.id, a.id]);
    expect(s.published).toEqual([
      { userId: 'u2', ids: [b.id] },
      { userId: 'u1', ids: [a.id] },
    ]);
    expect(s.clock.pendingTimers).toBe(1);
    // Fired reminders stay fired: nothing fires twice.
    await s.clock.advance(60 * MIN);
    expect(s.due).toHaveLength(2);
  });

  it('follows writes: a moved due re-arms, completing or deleting disarms, a restore re-arms', async () => {
    const s = await setup();
    await s.scheduler.start();
    const task = await s.create('u1', {
      title: 'Move me',
      dueAt: iso(T0 + 60 * MIN),
      reminders: [{ beforeMinutes: 15 }],
    });
    expect(s.scheduler.nextFireAt()).toBe(iso(T0 + 45 * MIN));
    await s.repo.patch('u1', task.id, taskPatch({ dueAt: iso(T0 + 120 * MIN) }));
    s.scheduler.reschedule();
    expect(s.scheduler.nextFireAt()).toBe(iso(T0 + 105 * MIN));
    await s.repo.setCompleted('u1', task.id, true);
    s.scheduler.reschedule();
    expect(s.scheduler.nextFireAt()).toBeNull();
    expect(s.clock.pendingTimers).toBe(0);
    await s.repo.setCompleted('u1', task.id, false);
    await s.repo.delete('u1', task.id);
    s.scheduler.reschedule();
    expect(s.scheduler.nextFireAt()).toBeNull();
    await s.repo.restore('u1', task.id);
    s.scheduler.reschedule();
    await s.clock.advance(105 * MIN);
    expect(s.due.map((r) => r.title)).toEqual(['Move me']);
    // Editing the reminders list keeps the delivery state of the ones that stay.
    await s.repo.patch(
      'u1',
      task.id,
      taskPatch({ reminders: [{ beforeMinutes: 15 }, { beforeMinutes: 5 }] }),
    );
    s.scheduler.reschedule();
    await s.clock.advance(20 * MIN);
    expect(s.due.map((r) => r.fireAt)).toEqual([iso(T0 + 105 * MIN), iso(T0 + 115 * MIN)]);
  });

  it('snoozes: the reminder comes back at the snooze time, once, and the snooze clears', async () => {
    const s = await setup();
    await s.scheduler.start();
    const task = await s.create('u1', {
      title: 'Snooze',
      dueAt: iso(T0 + 5 * MIN),
      reminders: [{ beforeMinutes: 0 }],
    });
    await s.clock.advance(5 * MIN);
    expect(s.due).toHaveLength(1);
    await new SnoozeStore(s.database.sqlite, s.database.writes, () => new Date(s.clock.now())).snooze(
      'u1',
      task.id,
      { minutes: 10 },
    );
    s.scheduler.reschedule();
    expect(s.repo.get('u1', task.id)?.snoozedUntil).toBe(iso(T0 + 15 * MIN));
    await s.clock.advance(10 * MIN);
    expect(s.due.map((r) => [r.kind, r.fireAt])).toEqual([
      ['reminder', iso(T0 + 5 * MIN)],
      ['snooze', iso(T0 + 15 * MIN)],
    ]);
    expect(s.repo.get('u1', task.id)?.snoozedUntil).toBeNull();
    expect(s.scheduler.nextFireAt()).toBeNull();
  });

  it('summarises what was missed while not running once, per user, without firing each', async () => {
    const s = await setup();
    await s.create('u1', { title: 'Missed 1', reminders: [{ at: iso(T0 - 120 * MIN) }] });
    await s.create('u1', { title: 'Missed 2', reminders: [{ at: iso(T0 - 60 * MIN) }] });
    await s.create('u2', { title: 'Missed 3', reminders: [{ at: iso(T0 - 30 * MIN) }] });
    await s.create('u1', { title: 'Later', reminders: [{ at: iso(T0 + 30 * MIN) }] });
    await s.scheduler.start();
    expect(s.due).toEqual([]);
    expect(s.missed.map((m) => [m.userId, m.count, m.latest.map((r) => r.title)])).toEqual([
      ['u1', 2, ['Missed 2', 'Missed 1']],
      ['u2', 1, ['Missed 3']],
    ]);
    // A listener that subscribes after start still hears it, once.
    const late: MissedReminders[] = [];
    s.scheduler.subscribe({ missed: (list) => late.push(...list) });
    expect(late).toHaveLength(2);
    await s.clock.advance(30 * MIN);
    expect(s.due.map((r) => r.title)).toEqual(['Later']);
    await s.scheduler.stop();
    // The next start finds nothing missed.
    const again = new ReminderScheduler(s.database.sqlite, s.database.writes, {
      clock: s.clock,
      logger: silentLogger,
    });
    const missedAgain: MissedReminders[] = [];
    again.subscribe({ missed: (list) => missedAgain.push(...list) });
    await again.start();
    await again.stop();
    expect(missedAgain).toEqual([]);
  });

  it('notices a clock change on check() and never waits longer than MAX_WAIT_MS', async () => {
    const s = await setup();
    await s.scheduler.start();
    await s.create('u1', { title: 'Far', reminders: [{ at: iso(T0 + 3 * MAX_WAIT_MS) }] });
    // The OS slept: the wall clock jumped past the reminder without the timer firing.
    s.clock.jump(T0 + 4 * MAX_WAIT_MS);
    expect(s.due).toEqual([]);
    await s.scheduler.check();
    expect(s.due.map((r) => r.title)).toEqual(['Far']);
    await s.create('u1', { title: 'Farther', reminders: [{ at: iso(T0 + 10 * MAX_WAIT_MS) }] });
    await s.clock.advance(MAX_WAIT_MS);
    expect(s.clock.pendingTimers).toBe(1);
    await s.clock.advance(5 * MAX_WAIT_MS);
    expect(s.due.map((r) => r.title)).toEqual(['Far', 'Farther']);
  });

  it('keeps firing after a listener throws, and stops arming after stop()', async () => {
    const s = await setup();
    s.scheduler.subscribe({
      due: () => {
        throw new Error('listener broke');
      },
    });
    await s.scheduler.start();
    await s.create('u1', { title: 'One', reminders: [{ at: iso(T0 + MIN) }] });
    await s.create('u1', { title: 'Two', reminders: [{ at: iso(T0 + 2 * MIN) }] });
    await s.clock.advance(2 * MIN);
    expect(s.due.map((r) => r.title)).toEqual(['One', 'Two']);
    await s.scheduler.stop();
    await s.create('u1', { title: 'Three', reminders: [{ at: iso(T0 + 3 * MIN) }] });
    expect(s.clock.pendingTimers).toBe(0);
  });
});
