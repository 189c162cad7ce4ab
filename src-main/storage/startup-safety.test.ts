// startCore's data-safety duties, end to end on a real data directory: one process per data dir, hourly
// start-up backups, a verified backup before migrating, and refusing a damaged or too-new database.
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../src-shared/task-schemas.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createTasks } from '../db/migrations/001-create-tasks.ts';
import { openDatabase } from '../db/open-database.ts';
import { signUp, startTestCore } from '../testing/test-core.ts';
import { backupDir, listBackups } from './backup-names.ts';
import { runRestoreCommand } from './restore-command-run.ts';
import { silentLogger } from '../core/logger.ts';
import { tempDataDir } from './testing/sample-database.ts';

function damage(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
}

describe('startCore data safety', () => {
  it('refuses a second process on the same data directory', async () => {
    const test = await startTestCore();
    try {
      await expect(startTestCore({ dataDir: test.dir })).rejects.toMatchObject({ code: 'DATA_DIR_IN_USE' });
    } finally {
      await test.close();
    }
  });

  it('backs up at start-up at most once an hour, never on a first start', async () => {
    const test = await startTestCore();
    expect(listBackups(backupDir(test.dir))).toEqual([]);
    await test.restart();
    await test.restart();
    const backups = listBackups(backupDir(test.dir));
    expect(backups.map((b) => b.reason)).toEqual(['startup']);
    await test.close();
  });

  it("backs up (verified) before migrating a previous version's database", async () => {
    const dataDir = tempDataDir();
    const old = openDatabase(join(dataDir, 'tasks.db'));
    await migrateDatabase({
      sqlite: old,
      migrations: { '001-create-tasks': createTasks },
      backup: () => Promise.resolve(''),
    });
    old
      .prepare(
        `INSERT INTO tasks (id, user_id, title, created_at, updated_at) VALUES ('t1', 'u1', 'from 0.0', '2026-01-01', '2026-01-01')`,
      )
      .run();
    old.close();

    const test = await startTestCore({ dataDir });
    // The pre-migration backup also counts as this hour's start-up backup.
    expect(listBackups(backupDir(dataDir)).map((b) => b.reason)).toEqual(['pre-migration']);
    const pre = listBackups(backupDir(dataDir)).find((b) => b.reason === 'pre-migration');
    const copy = new Database(pre?.path ?? '', { readonly: true });
    const columns = (copy.prepare('PRAGMA table_info(tasks)').all() as Array<{ name: string }>).map(
      (c) => c.name,
    );
    expect(columns).not.toContain('deleted_at');
    expect(copy.prepare('SELECT title FROM tasks').pluck().all()).toEqual(['from 0.0']);
    copy.close();
    await test.close();
  });

  it('refuses a database from a future schema and leaves it byte for byte', async () => {
    const test = await startTestCore();
    await test.core.stop();
    const dbPath = join(test.dir, 'tasks.db');
    const db = new Database(dbPath);
    db.prepare(
      `INSERT INTO kysely_migration (name, timestamp) VALUES ('999-from-the-future', '2030-01-01')`,
    ).run();
    db.close();
    const bytes = readFileSync(dbPath);
    await expect(startTestCore({ dataDir: test.dir })).rejects.toMatchObject({ code: 'DATABASE_TOO_NEW' });
    expect(readFileSync(dbPath).equals(bytes)).toBe(true);
  });

  it('refuses a damaged database, keeps it aside, points at the newest backup, and restores from it', async () => {
    const test = await startTestCore();
    const user = await signUp(test);
    for (let i = 0; i < 60; i += 1) {
      const body = JSON.stringify({ title: `task ${i}`, description: 'y'.repeat(500) });
      expect(
        (await test.api(`/api/${user.id}/tasks`, { method: 'POST', headers: user.headers, body })).status,
      ).toBe(201);
    }
    await test.restart(); // start-up backup of the 60 tasks
    await test.core.stop();
    const dbPath = join(test.dir, 'tasks.db');
    damage(dbPath);
    const damaged = readFileSync(dbPath);

    const error = (await startTestCore({ dataDir: test.dir }).then(
      () => null,
      (e: unknown) => e,
    )) as { code: string; message: string; details: { movedTo: string; newestBackup: string } } | null;
    expect(error?.code).toBe('DATABASE_CORRUPT');
    const newest = listBackups(backupDir(test.dir))[0]?.path;
    expect(error?.details.newestBackup).toBe(newest);
    expect(error?.message).toContain(`--restore ${newest}`);
    expect(readFileSync(join(error?.details.movedTo ?? '', 'tasks.db')).equals(damaged)).toBe(true);
    await expect(startTestCore({ dataDir: test.dir })).rejects.toMatchObject({ code: 'DATABASE_CORRUPT' });

    await runRestoreCommand(test.dir, newest ?? '', silentLogger);
    const again = await startTestCore({ dataDir: test.dir, secretStore: test.secretStore });
    const list = await again.api(`/api/${user.id}/tasks?limit=200`, { headers: user.headers });
    expect(((await list.json()) as { items: Task[] }).items).toHaveLength(60);
    await again.close();
  });
});
