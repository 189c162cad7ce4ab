// Start-up cost of reminders (issue 11: 10,000 scheduled reminders add <= 50 ms to S1), and the due-window
// queries with the schedule fields. In-process, same data dir, same run, alternating starts:
//   A: 10,000 tasks, no reminders          B: the same 10,000 tasks, each with a pending reminder
// Each sample is a full startCore() (database, migrations check, backup check, auth, listener, scheduler) to
// ready, then stop(). Also the scheduler's own start() alone, and list/counts for Today/Overdue in a zone.
//   node --experimental-transform-types bench/schedule-startup.ts   (BENCH_NO_SAVE=1 to print only)
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src-main/core/logger.ts';
import { startCore } from '../src-main/core/start-core.ts';
import { DatabaseService } from '../src-main/db/database-service.ts';
import { ReminderScheduler } from '../src-main/schedule/reminder-scheduler.ts';
import { TaskRepository } from '../src-main/tasks/task-repository.ts';
import { listQuery } from '../src-shared/task-schemas.ts';
import { MemorySecretStore } from '../src-main/testing/test-core.ts';
import { percentile } from './lib/stats.ts';

const TASKS = 10_000;
const ROUNDS = Number(process.env.BENCH_SCHED_ROUNDS ?? 7);
const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  console.log(line);
};

async function seed(dir: string, withReminders: boolean): Promise<void> {
  const db = new DatabaseService(dir);
  await db.start();
  const repo = new TaskRepository(db.sqlite, db.writes);
  const future = Date.now() + 7 * 24 * 3600_000;
  await db.writes.run(() => {
    const insert = db.sqlite.prepare(
      `INSERT INTO tasks (id, user_id, title, description, completed, priority, due_at, due_date, time_zone,
         reminders, created_at, updated_at, list_id, position)
       VALUES (@id, 'bench-user', @title, '', 0, 0, @dueAt, @dueDate, @zone, @reminders, @now, @now, NULL, @pos)`,
    );
    const now = new Date().toISOString();
    for (let i = 0; i < TASKS; i++) {
      const timed = i % 2 === 0;
      const dueAt = timed ? new Date(future + i * 60_000).toISOString() : null;
      insert.run({
        id: `bench-${String(i).padStart(6, '0')}`,
        title: `Task ${i}`,
        dueAt,
        dueDate: timed ? null : new Date(future + i * 60_000).toISOString().slice(0, 10),
        zone: timed ? 'Europe/Paris' : null,
        reminders: withReminders
          ? JSON.stringify(
              timed ? [{ beforeMinutes: 15 }] : [{ at: new Date(future + i * 60_000).toISOString() }],
            )
          : '[]',
        now,
        pos: `a${i}`,
      });
    }
  });
  void repo;
  await db.stop();
}

const secrets = new Map<string, MemorySecretStore>();
async function timeStart(dir: string): Promise<number> {
  let secretStore = secrets.get(dir);
  if (!secretStore) secrets.set(dir, (secretStore = new MemorySecretStore()));
  const start = performance.now();
  const core = await startCore({ dataDir: dir, secretStore, logger: silentLogger });
  const ms = performance.now() - start;
  await core.stop();
  return ms;
}

async function timeScheduler(dir: string): Promise<number> {
  const db = new DatabaseService(dir);
  await db.start();
  const scheduler = new ReminderScheduler(db.sqlite, db.writes, { logger: silentLogger });
  const start = performance.now();
  await scheduler.start();
  const ms = performance.now() - start;
  await scheduler.stop();
  await db.stop();
  return ms;
}

const dirs = {
  none: mkdtempSync(join(tmpdir(), 'bench-sched-a-')),
  reminders: mkdtempSync(join(tmpdir(), 'bench-sched-b-')),
};
try {
  await seed(dirs.none, false);
  await seed(dirs.reminders, true);
  const samples = {
    none: [] as number[],
    reminders: [] as number[],
    schedNone: [] as number[],
    schedRem: [] as number[],
  };
  await timeStart(dirs.none); // warm-up (JIT, file cache)
  await timeStart(dirs.reminders);
  for (let r = 0; r < ROUNDS; r++) {
    samples.none.push(await timeStart(dirs.none));
    samples.reminders.push(await timeStart(dirs.reminders));
    samples.schedNone.push(await timeScheduler(dirs.none));
    samples.schedRem.push(await timeScheduler(dirs.reminders));
  }
  const med = (s: number[]) => percentile(s, 50);
  out(`## Start-up with ${TASKS.toLocaleString('en')} scheduled reminders (${new Date().toISOString()})`);
  out();
  out(
    `In-process startCore() to ready, median of ${ROUNDS} alternating starts (load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}):`,
  );
  out();
  out(`- ${TASKS} tasks, no reminders: ${med(samples.none).toFixed(1)} ms`);
  out(`- same tasks, ${TASKS} pending reminders: ${med(samples.reminders).toFixed(1)} ms`);
  out(`- difference: ${(med(samples.reminders) - med(samples.none)).toFixed(1)} ms (target <= 50 ms)`);
  out(
    `- ReminderScheduler.start() alone: ${med(samples.schedNone).toFixed(2)} ms without, ${med(samples.schedRem).toFixed(2)} ms with reminders`,
  );

  // Due windows in a zone (Today / Overdue / counts) over the seeded 10,000 tasks.
  const db = new DatabaseService(dirs.reminders);
  await db.start();
  const repo = new TaskRepository(db.sqlite, db.writes);
  const day = Date.now() + 8 * 24 * 3600_000;
  const dayStart = new Date(day).toISOString();
  const dayEnd = new Date(day + 24 * 3600_000).toISOString();
  const q = (extra: Record<string, string>) =>
    listQuery.parse({ status: 'active', timeZone: 'Europe/Paris', ...extra });
  const cases: [string, () => unknown][] = [
    ['list due today (window, zone)', () => repo.list('bench-user', q({ dueFrom: dayStart, dueTo: dayEnd }))],
    ['list overdue (dueTo only)', () => repo.list('bench-user', q({ dueTo: dayEnd }))],
    ['list sorted by due, first page', () => repo.list('bench-user', q({ sort: 'due' }))],
    ['counts (zone)', () => repo.counts('bench-user', { dayStart, dayEnd, timeZone: 'Europe/Paris' })],
  ];
  out();
  out(`Due-window queries over ${TASKS} tasks (half all-day, half timed), 300 runs each:`);
  out();
  for (const [name, fn] of cases) {
    for (let i = 0; i < 30; i++) fn();
    const t: number[] = [];
    for (let i = 0; i < 300; i++) {
      const s = performance.now();
      fn();
      t.push(performance.now() - s);
    }
    out(`- ${name}: p50 ${percentile(t, 50).toFixed(3)} ms, p99 ${percentile(t, 99).toFixed(3)} ms`);
  }
  await db.stop();
  out();
} finally {
  rmSync(dirs.none, { recursive: true, force: true });
  rmSync(dirs.reminders, { recursive: true, force: true });
}
if (!process.env.BENCH_NO_SAVE) {
  appendFileSync(
    new URL(`./results/schedule-${new Date().toISOString().slice(0, 10)}.md`, import.meta.url),
    lines.join('\n') + '\n',
  );
}
