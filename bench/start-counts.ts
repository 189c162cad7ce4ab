// Settles the start-date counts figure (issue 15 §3, S3): GET /tasks/counts at 100,000 tasks with and without the
// start-date count (startedOnly, migration 007), interleaved in one run, on one database; prints both plans.
//   node --experimental-transform-types bench/start-counts.ts     (BENCH_SC_TASKS=100000 BENCH_SC_ROUNDS=60)
// "Before" is the same statement without the startedOnly subquery: the counts as they were in migration 006's
// state, which had no start date.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseService } from '../src-main/db/database-service.ts';
import { closeDatabase, openDatabase } from '../src-main/db/open-database.ts';
import { countsParams, countsSql } from '../src-main/tasks/counts-sql.ts';
import { summarize } from './lib/stats.ts';

const TASKS = Number(process.env.BENCH_SC_TASKS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_SC_ROUNDS ?? 60);
const ZONE = 'Europe/Berlin';
const DAY = 86_400_000;

const dir = mkdtempSync(join(tmpdir(), 'tasks-start-counts-'));
const database = new DatabaseService(dir);
await database.start();
try {
  const db = database.sqlite;
  // The service's app connection is for reads (writes go through its queue): seed through a connection of our own.
  const writer = openDatabase(database.file);
  const userId = 'bench-user';
  const now = Date.parse('2026-12-04T11:00:00Z');
  const insert = writer.prepare(
    `INSERT INTO tasks (id, user_id, title, description, completed, completed_at, priority, due_at, created_at,
       updated_at, due_date, time_zone, reminders, position, start_date)
     VALUES (@id, @userId, @title, '', @completed, NULL, 0, @dueAt, @at, @at, @dueDate, @zone, '[]', @pos, @start)`,
  );
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  // As S3 seeds: due dates spread over a year around today (half all-day, half timed), a fifth completed, one task
  // in ten with a start date two days before its due.
  writer.transaction(() => {
    for (let i = 0; i < TASKS; i++) {
      const due = now + (((i * 7919) % 365) - 182) * DAY;
      const allDay = i % 2 === 0;
      insert.run({
        id: `t${String(i).padStart(7, '0')}`,
        userId,
        title: `Task ${i}`,
        completed: i % 5 === 0 ? 1 : 0,
        dueAt: allDay ? null : new Date(due).toISOString(),
        dueDate: allDay ? date(due) : null,
        zone: allDay ? null : ZONE,
        at: new Date(now - i * 1000).toISOString(),
        pos: `a${i}`,
        start: i % 10 === 3 ? date(due - 2 * DAY) : null,
      });
    }
  })();
  writer.exec('ANALYZE');
  closeDatabase(writer);
  const after = countsSql();
  // The statement without its last count (startedOnly); every other count as landed.
  const before = after.slice(0, after.lastIndexOf(',', after.lastIndexOf('(SELECT count(*)')));
  if (!before.endsWith('AS dueLater') || before.includes('startedOnly'))
    throw new Error('could not drop startedOnly');
  const params = countsParams(userId, {
    dayStart: '2026-12-03T23:00:00.000Z',
    dayEnd: '2026-12-04T23:00:00.000Z',
    now: new Date(now).toISOString(),
    timeZone: ZONE,
  });
  const beforeParams = Object.fromEntries(Object.entries(params).filter(([k]) => !/^t_|^startedBy$/.test(k)));
  const stmts = { before: db.prepare(before), after: db.prepare(after) };
  const plan = (sql: string, p: object) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(p) as { detail: string }[])
      .map((r) => `    ${r.detail}`)
      .join('\n');
  const times = { before: [] as number[], after: [] as number[] };
  for (let r = 0; r < ROUNDS + 3; r++) {
    // Taking turns going first; the first three rounds warm the cache and are not kept.
    const order = r % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
    for (const which of order) {
      const t = performance.now();
      stmts[which].get(which === 'before' ? beforeParams : params);
      if (r >= 3) times[which].push(performance.now() - t);
    }
  }
  const b = summarize(times.before);
  const a = summarize(times.after);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    [
      `## Start-date counts, ${new Date().toISOString()}: ${TASKS} tasks, ${ROUNDS} rounds each, interleaved`,
      '',
      '| counts statement | p50 | p99 | max |',
      '| --- | --- | --- | --- |',
      `| before: without startedOnly (migration 006's counts) | ${ms(b.p50)} | ${ms(b.p99)} | ${ms(b.max)} |`,
      `| after: with startedOnly (as landed) | ${ms(a.p50)} | ${ms(a.p99)} | ${ms(a.max)} |`,
      '',
      `After / before: p50 ${(a.p50 / b.p50).toFixed(2)}x, p99 ${(a.p99 / b.p99).toFixed(2)}x.`,
      `Answer: ${JSON.stringify(stmts.after.get(params))}`,
      '',
      'Plan (after):',
      plan(after, params),
    ].join('\n'),
  );
} finally {
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
}
