import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from './create-backup.ts';
import { corruptMarkerPath } from './database-quarantine.ts';
import { restoreDatabase } from './restore-database.ts';
import { checkDatabaseAtStartup } from './startup-check.ts';
import { openSampleDatabase, SAMPLE_MIGRATIONS, tempDataDir, titlesIn } from './testing/sample-database.ts';

function check(dataDir: string): void {
  checkDatabaseAtStartup({ dataDir, dbPath: join(dataDir, 'tasks.db'), knownMigrations: SAMPLE_MIGRATIONS });
}

/** Overwrites the middle of the file (a b-tree page) with garbage, as a bad disk or a stray write would. */
function damage(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(2048, 0xa5), 0, 2048, Math.floor(size / 2));
  closeSync(fd);
}

describe('start-up database check', () => {
  it('passes a fresh data directory and a healthy database', () => {
    const dataDir = tempDataDir();
    check(dataDir);
    openSampleDatabase(join(dataDir, 'tasks.db'), ['a']).close();
    check(dataDir);
  });

  it('refuses a damaged database, moves it aside untouched, names the newest backup, and keeps refusing', async () => {
    const dataDir = tempDataDir();
    const dbPath = join(dataDir, 'tasks.db');
    const db = openSampleDatabase(
      dbPath,
      Array.from({ length: 400 }, (_, i) => `task ${i} ${'x'.repeat(200)}`),
    );
    const backup = await createBackup(db, dataDir, 'startup');
    db.close();
    damage(dbPath);
    const damagedBytes = readFileSync(dbPath);

    let error: unknown;
    try {
      check(dataDir);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'DATABASE_CORRUPT', details: { newestBackup: backup.path } });
    expect(String((error as Error).message)).toContain(`--restore ${backup.path}`);
    const movedTo = (error as { details: { movedTo: string } }).details.movedTo;
    expect(readFileSync(join(movedTo, 'tasks.db')).equals(damagedBytes)).toBe(true);
    expect(existsSync(dbPath)).toBe(false);
    expect(() => check(dataDir)).toThrow(expect.objectContaining({ code: 'DATABASE_CORRUPT' }));

    await restoreDatabase({
      dataDir,
      dbPath,
      sourcePath: backup.path,
      knownMigrations: SAMPLE_MIGRATIONS,
      requiredTables: ['task'],
    });
    check(dataDir);
    expect(titlesIn(dbPath)).toHaveLength(400);
  });

  it('treats a file that is not SQLite as damaged', () => {
    const dataDir = tempDataDir();
    const fd = openSync(join(dataDir, 'tasks.db'), 'w');
    writeSync(fd, 'hello, this is a text file pretending to be a database'.repeat(100));
    closeSync(fd);
    expect(() => check(dataDir)).toThrow(expect.objectContaining({ code: 'DATABASE_CORRUPT' }));
    expect(existsSync(corruptMarkerPath(dataDir))).toBe(true);
  });

  it('refuses a database from a future schema and leaves it in place', () => {
    const dataDir = tempDataDir();
    const dbPath = join(dataDir, 'tasks.db');
    openSampleDatabase(dbPath, ['a'], ['001-initial', '002-newer']).close();
    expect(() => check(dataDir)).toThrow(expect.objectContaining({ code: 'DATABASE_TOO_NEW' }));
    expect(titlesIn(dbPath)).toEqual(['a']);
  });
});
