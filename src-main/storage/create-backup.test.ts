import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, formatBackupName, listBackups, parseBackupName } from './backup-names.ts';
import { createBackup, newestBackup } from './create-backup.ts';
import { openSampleDatabase, tempDataDir, titlesIn } from './testing/sample-database.ts';

const DAY = 24 * 60 * 60 * 1000;
const open: Database.Database[] = [];
afterEach(() => {
  while (open.length) open.pop()?.close();
});

describe('backup names', () => {
  it('round-trips time and reason and sorts chronologically', () => {
    const t = Date.parse('2026-03-04T05:06:07.089Z');
    const name = formatBackupName(t, 'pre-migration');
    expect(name).toBe('tasks-20260304T050607089Z-pre-migration.db');
    expect(parseBackupName(name)).toEqual({ time: t, reason: 'pre-migration' });
    expect(parseBackupName('tasks-20260304T050607089Z-evil.db')).toBeNull();
    expect(parseBackupName(name + '.partial')).toBeNull();
    expect(formatBackupName(t + 1, 'startup') > formatBackupName(t, 'startup')).toBe(true);
  });
});

describe('createBackup', () => {
  it('copies a live WAL database (including un-checkpointed writes) into a verified standalone file', async () => {
    const dataDir = tempDataDir();
    const db = openSampleDatabase(join(dataDir, 'tasks.db'), ['alpha', 'beta']);
    open.push(db);
    db.pragma('wal_autocheckpoint = 0');
    db.prepare("INSERT INTO task (id, title) VALUES ('x', 'gamma')").run();
    expect(existsSync(join(dataDir, 'tasks.db-wal'))).toBe(true);

    const entry = await createBackup(db, dataDir, 'manual');
    expect(entry.path.startsWith(backupDir(dataDir))).toBe(true);
    expect(titlesIn(entry.path)).toEqual(['alpha', 'beta', 'gamma']);
    const copy = new Database(entry.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(statSync(entry.path).mode & 0o777).toBe(0o600);
    expect(statSync(backupDir(dataDir)).mode & 0o777).toBe(0o700);
    expect(readdirSync(backupDir(dataDir)).filter((n) => !parseBackupName(n))).toEqual([]);
  });

  it('removes leftovers of an interrupted backup and never lists them', async () => {
    const dataDir = tempDataDir();
    const db = openSampleDatabase(join(dataDir, 'tasks.db'), ['a']);
    open.push(db);
    await createBackup(db, dataDir, 'manual');
    const stale = join(backupDir(dataDir), formatBackupName(Date.now() - DAY, 'startup') + '.partial');
    writeFileSync(stale, 'half a copy');
    expect(listBackups(backupDir(dataDir))).toHaveLength(1);
    await createBackup(db, dataDir, 'manual');
    expect(existsSync(stale)).toBe(false);
    expect(listBackups(backupDir(dataDir))).toHaveLength(2);
  });

  it('rotates real backup files over 40 simulated days of start-ups', async () => {
    const dataDir = tempDataDir();
    const db = openSampleDatabase(join(dataDir, 'tasks.db'), ['a']);
    open.push(db);
    const start = Date.parse('2026-01-01T08:00:00.000Z');
    let now = start;
    for (let day = 0; day < 40; day += 1) {
      for (const hour of [0, 4]) {
        now = start + day * DAY + hour * 60 * 60 * 1000;
        db.prepare('INSERT INTO task (id, title) VALUES (?, ?)').run(`d${day}h${hour}`, `day ${day}`);
        await createBackup(db, dataDir, 'startup', { now: () => now });
      }
    }
    const kept = listBackups(backupDir(dataDir));
    const ages = kept.map((b) => (now - b.time) / DAY);
    expect(kept.length).toBeLessThanOrEqual(17);
    expect(kept.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...ages)).toBeLessThan(31);
    expect(newestBackup(dataDir)?.time).toBe(now);
    // The newest backup holds the newest write.
    expect(titlesIn(kept[0]?.path ?? '')).toContain('day 39');
  });
});
