// Every file a restore or a backup creates (the copy, its -journal/-wal/-shm, the .partial) is owner-only (0600)
// from the moment it exists, not chmod-ed once complete. A poller stats the folders on every event-loop turn while
// the operation runs (the backup API copies 100 pages per turn, so a multi-megabyte database spans many turns), with
// the usual umask 022 (which would give SQLite's own files 0644).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from './create-backup.ts';
import { restoreDatabase } from './restore-database.ts';
import { openSampleDatabase, SAMPLE_MIGRATIONS, tempDataDir } from './testing/sample-database.ts';

let umask: number;
beforeEach(() => {
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
});

/** Stats every file in `dirs` on each turn of the event loop until stopped; records each file's modes seen. */
function watchModes(dirs: readonly string[]): { stop(): Map<string, Set<number>> } {
  const seen = new Map<string, Set<number>>();
  let running = true;
  const poll = () => {
    for (const dir of dirs) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        try {
          const stat = statSync(join(dir, name));
          if (!stat.isFile()) continue;
          const modes = seen.get(name) ?? new Set<number>();
          modes.add(stat.mode & 0o777);
          seen.set(name, modes);
        } catch {
          // gone between readdir and stat
        }
      }
    }
    if (running) setImmediate(poll);
  };
  poll();
  return {
    stop: () => {
      running = false;
      return seen;
    },
  };
}

function bigDatabase(path: string): ReturnType<typeof openSampleDatabase> {
  // ~4 MB of rows: the backup API needs about 10 turns of the event loop to copy it.
  return openSampleDatabase(path, Array.from({ length: 4000 }, (_, i) => `task ${i} ${'x'.repeat(900)}`));
}

function expectAllPrivate(seen: Map<string, Set<number>>, names: RegExp): void {
  const matching = [...seen].filter(([name]) => names.test(name));
  expect(matching.length).toBeGreaterThan(0);
  for (const [name, modes] of matching) expect([...modes].map((m) => m.toString(8)), name).toEqual(['600']);
}

describe('files with the database’s contents', () => {
  it('a restore creates the staged copy (and its sidecars) 0600 from the start', async () => {
    const dataDir = tempDataDir();
    const source = join(tempDataDir(), 'source.db');
    bigDatabase(source).close();
    const dbPath = join(dataDir, 'tasks.db');
    openSampleDatabase(dbPath, ['current']).close();

    const watch = watchModes([dataDir, join(dataDir, 'backups')]);
    await restoreDatabase({ dataDir, dbPath, sourcePath: source, knownMigrations: SAMPLE_MIGRATIONS, requiredTables: ['task'] });
    const seen = watch.stop();
    expectAllPrivate(seen, /^tasks\.db\.restoring/);
    expectAllPrivate(seen, /\.partial/); // the pre-restore backup while it was written
    expect(statSync(dbPath).mode & 0o777).toBe(0o600);
  });

  it('a backup is written 0600 from its first byte, not chmod-ed when complete', async () => {
    const dataDir = tempDataDir();
    const db = bigDatabase(join(dataDir, 'tasks.db'));
    try {
      const watch = watchModes([join(dataDir, 'backups')]);
      const entry = await createBackup(db, dataDir, 'manual');
      const seen = watch.stop();
      expectAllPrivate(seen, /\.partial/);
      expect(statSync(entry.path).mode & 0o777).toBe(0o600);
    } finally {
      db.close();
    }
  });
});
