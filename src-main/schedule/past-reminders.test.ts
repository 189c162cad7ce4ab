// Restoring a backup does not replay its old reminders (issue 16 item 4): through the restore command's own
// runRestoreCommand, then a scheduler started on the restored file delivers nothing missed, and a later one fires.
import { describe, expect, it } from 'vitest';
import { taskCreate } from '../../src-shared/task-schemas.ts';
import { silentLogger } from '../core/logger.ts';
import { DatabaseService } from '../db/database-service.ts';
import { createBackup } from '../storage/create-backup.ts';
import { runRestoreCommand } from '../storage/restore-command-run.ts';
import { tempDataDir } from '../storage/testing/sample-database.ts';
import { TaskRepository } from '../tasks/task-repository.ts';
import type { DueReminder, MissedReminders } from './reminder-events.ts';
import { ReminderScheduler } from './reminder-scheduler.ts';
import { FakeClock } from './scheduler-clock.ts';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function withScheduler<T>(dataDir: string, clock: FakeClock, run: (s: {
  database: DatabaseService;
  repo: TaskRepository;
  scheduler: ReminderScheduler;
  due: DueReminder[];
  missed: MissedReminders[];
}) => Promise<T>): Promise<T> {
  const database = new DatabaseService(dataDir);
  await database.start();
  try {
    const repo = new TaskRepository(database.sqlite, database.writes, () => new Date(clock.now()));
    const scheduler = new ReminderScheduler(database.sqlite, database.writes, { clock, logger: silentLogger });
    const due: DueReminder[] = [];
    const missed: MissedReminders[] = [];
    scheduler.subscribe({ due: (list) => due.push(...list), missed: (list) => missed.push(...list) });
    try {
      return await run({ database, repo, scheduler, due, missed });
    } finally {
      await scheduler.stop();
    }
  } finally {
    await database.stop();
  }
}

describe('restoring a backup', () => {
  it('marks the reminders due before the restore as delivered; a later one still fires', async () => {
    const dataDir = tempDataDir('tasks-restore-reminders-');
    const now = Date.now();
    const clock = new FakeClock(now);
    // A backup taken while these reminders were still ahead (the app had not run since).
    const backup = await withScheduler(dataDir, clock, async ({ database, repo }) => {
      await repo.create('u1', taskCreate.parse({ title: 'Old', reminders: [{ at: iso(now - 60 * MIN) }, { at: iso(now - MIN) }] }));
      await repo.create('u2', taskCreate.parse({ title: 'Older', reminders: [{ at: iso(now - 24 * 60 * MIN) }] }));
      await repo.create('u1', taskCreate.parse({ title: 'Later', reminders: [{ at: iso(now + 60 * MIN) }] }));
      return (await createBackup(database.sqlite, dataDir, 'manual')).path;
    });

    await runRestoreCommand(dataDir, backup, silentLogger);

    await withScheduler(dataDir, clock, async ({ scheduler, due, missed }) => {
      await scheduler.start();
      expect(missed).toEqual([]); // nothing "missed": the three past ones are history
      expect(due).toEqual([]);
      expect(scheduler.nextFireAt()).toBe(iso(now + 60 * MIN));
      await clock.advance(61 * MIN);
      expect(due.map((r) => r.title)).toEqual(['Later']);
    });
  });
});
