// The batched import against a real database: many batches with other writes answered between them, all-or-nothing
// when a batch fails or the process stops midway (the next start-up removes the unfinished run), dry run = import.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger.ts';
import { DatabaseService } from '../db/database-service.ts';
import type { ImportRow, ReadResult } from './formats/format-reader.ts';
import { ImportRecoveryService } from './import-recovery.ts';
import { runImport, type ImportRunOptions } from './import-run.ts';

let dir: string;
let database: DatabaseService;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tasks-import-run-'));
  database = new DatabaseService(dir);
  await database.start();
});
afterEach(async () => {
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** `n` tasks in two lists, every tenth a subtask of the one before, tagged. */
function rows(n: number): ReadResult {
  const out: ImportRow[] = [];
  for (let i = 0; i < n; i += 1) {
    const sub = i % 10 === 9;
    out.push({
      index: i,
      key: `t${i}`,
      listName: i % 2 === 0 ? 'Even' : 'Odd',
      parentKey: sub ? `t${i - 1}` : null,
      order: i,
      task: { title: `Task ${i}`, tags: [`tag${i % 7}`], createdAt: '2026-01-01T00:00:00.000Z' },
    });
  }
  return { rows: out, skipped: [] };
}

const options = (extra: Partial<ImportRunOptions> = {}): ImportRunOptions => ({
  db: database.sqlite,
  writes: database.writes,
  userId: 'alice',
  format: 'todo-txt',
  listName: null,
  dryRun: false,
  ...extra,
});

const count = (sql: string): number => database.sqlite.prepare<[], number>(sql).pluck().get()!;
const taskCount = () => count(`SELECT count(*) FROM tasks WHERE user_id = 'alice'`);
const listCount = () => count(`SELECT count(*) FROM lists WHERE user_id = 'alice'`);

describe('runImport', () => {
  it('writes in many batches, answering other writes between them, and answers like its dry run', async () => {
    const read = rows(3000);
    const preview = await runImport(options({ dryRun: true }), read);
    expect(taskCount()).toBe(0);
    const batchesBefore = database.writes.batches;
    let otherWrites = 0;
    const result = await runImport(
      options({
        beforeBatch: (written) => {
          if (written > 0) void database.writes.run(() => (otherWrites += 1));
        },
      }),
      read,
    );
    expect({ ...preview, dryRun: false, importedIds: [], runId: null }).toEqual({ ...result, importedIds: [], runId: null });
    expect(result.imported).toBe(3000);
    expect(taskCount()).toBe(3000);
    expect(database.writes.batches - batchesBefore).toBeGreaterThan(2);
    expect(otherWrites).toBeGreaterThan(0);
    expect(count(`SELECT count(*) FROM tasks WHERE parent_id IS NOT NULL`)).toBe(300);
    expect(database.sqlite.prepare<[], string>('SELECT state FROM import_runs').pluck().all()).toEqual(['done']);
    // Again: nothing added.
    const again = await runImport(options(), read);
    expect(again.imported).toBe(0);
    expect(taskCount()).toBe(3000);
  });

  it('leaves nothing behind when a batch fails midway', async () => {
    const read = rows(3000);
    let batches = 0;
    await expect(
      runImport(
        options({
          beforeBatch: (written) => {
            batches += 1;
            if (written > 0 && batches === 3) throw new Error('disk full');
          },
        }),
        read,
      ),
    ).rejects.toThrow('disk full');
    expect(taskCount()).toBe(0);
    expect(listCount()).toBe(1); // the Inbox
    expect(count(`SELECT count(*) FROM tags WHERE user_id = 'alice'`)).toBe(0);
    expect(count('SELECT count(*) FROM import_runs')).toBe(0);
  });

  it('a run cut short by a crash is removed at the next start-up', async () => {
    // What a kill between two batches leaves: a run still marked running, with some of its rows.
    await database.writes.run(() => {
      database.sqlite.prepare(`INSERT INTO import_runs (id, user_id, format, state, started_at) VALUES ('r1', 'alice', 'json', 'running', '2026-01-01T00:00:00Z')`).run();
      database.sqlite
        .prepare(
          `INSERT INTO lists (id, user_id, name, name_key, position, created_at, updated_at, import_run_id)
           VALUES ('l1', 'alice', 'Half', 'half', 'a5', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'r1')`,
        )
        .run();
      for (let i = 0; i < 1200; i += 1) {
        database.sqlite
          .prepare(
            `INSERT INTO tasks (id, user_id, title, description, completed, priority, created_at, updated_at, list_id, position, import_run_id)
             VALUES (?, 'alice', 'half', '', 0, 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'l1', 'a0', 'r1')`,
          )
          .run(`half-${i}`);
      }
    });
    const kept = await runImport(options(), rows(5));
    expect(taskCount()).toBe(1205);
    await new ImportRecoveryService(database.sqlite, database.writes, silentLogger).start();
    expect(taskCount()).toBe(5);
    expect(count(`SELECT count(*) FROM lists WHERE id = 'l1'`)).toBe(0);
    expect(count(`SELECT count(*) FROM import_runs WHERE state = 'running'`)).toBe(0);
    expect(kept.imported).toBe(5);
  });
});
