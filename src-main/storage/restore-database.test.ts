import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from './create-backup.ts';
import { acquireDataDirLock, isDataDirInUse } from './data-dir-lock.ts';
import { corruptMarkerPath } from './database-quarantine.ts';
import { restoreDatabase } from './restore-database.ts';
import { openSampleDatabase, SAMPLE_MIGRATIONS, tempDataDir, titlesIn } from './testing/sample-database.ts';

const REQUIRED = ['task'];

async function setup(): Promise<{ dataDir: string; dbPath: string; backup: string }> {
  const dataDir = tempDataDir();
  const dbPath = join(dataDir, 'tasks.db');
  const db = openSampleDatabase(dbPath, ['kept-1', 'kept-2']);
  const backup = (await createBackup(db, dataDir, 'manual')).path;
  db.pragma('wal_autocheckpoint = 0');
  db.prepare("INSERT INTO task (id, title) VALUES ('later', 'written after the backup')").run();
  // Leave a -wal behind, as a killed app would.
  db.close();
  return { dataDir, dbPath, backup };
}

function restore(
  dataDir: string,
  sourcePath: string,
  knownMigrations: readonly string[] = SAMPLE_MIGRATIONS,
) {
  return restoreDatabase({
    dataDir,
    dbPath: join(dataDir, 'tasks.db'),
    sourcePath,
    knownMigrations,
    requiredTables: REQUIRED,
  });
}

describe('restoreDatabase', () => {
  it('round trip: restores the backup and first backs up the current file', async () => {
    const { dataDir, dbPath, backup } = await setup();
    const result = await restore(dataDir, backup);
    expect(titlesIn(dbPath)).toEqual(['kept-1', 'kept-2']);
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    expect(result.previousBackup).not.toBeNull();
    expect(titlesIn(result.previousBackup ?? '')).toEqual(['kept-1', 'kept-2', 'written after the backup']);
    // Restoring the pre-restore backup brings the later write back: nothing is lost either way.
    await restore(dataDir, result.previousBackup ?? '');
    expect(titlesIn(dbPath)).toContain('written after the backup');
    expect(isDataDirInUse(dataDir)).toBe(false);
  });

  it('restores into a data directory that does not exist yet (a new machine)', async () => {
    const { backup } = await setup();
    const fresh = join(tempDataDir(), 'new', 'data');
    const result = await restore(fresh, backup);
    expect(result).toMatchObject({ previousBackup: null, movedAside: null });
    expect(titlesIn(join(fresh, 'tasks.db'))).toEqual(['kept-1', 'kept-2']);
  });

  it('refuses while the app holds the data directory and changes nothing', async () => {
    const { dataDir, dbPath, backup } = await setup();
    const before = titlesIn(dbPath);
    const lock = acquireDataDirLock(dataDir, 'app');
    try {
      await expect(restore(dataDir, backup)).rejects.toMatchObject({ code: 'DATA_DIR_IN_USE' });
    } finally {
      lock.release();
    }
    expect(titlesIn(dbPath)).toEqual(before);
  });

  it('refuses a damaged file, a foreign file and a database from a future schema', async () => {
    const { dataDir, dbPath } = await setup();
    const before = titlesIn(dbPath);
    const garbage = join(dataDir, 'garbage.db');
    writeFileSync(garbage, 'SQLite format 3\0' + 'x'.repeat(5000));
    await expect(restore(dataDir, garbage)).rejects.toMatchObject({ code: 'RESTORE_SOURCE_INVALID' });

    const foreign = join(dataDir, 'foreign.db');
    const other = openSampleDatabase(foreign);
    other.exec('DROP TABLE task');
    other.close();
    await expect(restore(dataDir, foreign)).rejects.toMatchObject({ code: 'RESTORE_SOURCE_INVALID' });

    const future = join(dataDir, 'future.db');
    openSampleDatabase(future, ['from the future'], ['001-initial', '999-from-the-future']).close();
    await expect(restore(dataDir, future)).rejects.toMatchObject({ code: 'DATABASE_TOO_NEW' });
    await expect(restore(dataDir, join(dataDir, 'missing.db'))).rejects.toMatchObject({
      code: 'RESTORE_SOURCE_INVALID',
    });
    expect(titlesIn(dbPath)).toEqual(before);
  });

  it('moves a damaged current file aside untouched and clears the corrupt marker', async () => {
    const { dataDir, dbPath, backup } = await setup();
    writeFileSync(dbPath, 'not a database at all, but the user might want it');
    writeFileSync(corruptMarkerPath(dataDir), '{}');
    const result = await restore(dataDir, backup);
    expect(result.previousBackup).toBeNull();
    expect(readFileSync(join(result.movedAside ?? '', 'tasks.db'), 'utf8')).toBe(
      'not a database at all, but the user might want it',
    );
    expect(existsSync(corruptMarkerPath(dataDir))).toBe(false);
    expect(titlesIn(dbPath)).toEqual(['kept-1', 'kept-2']);
  });
});
