import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

let dir: string;
let db: Database.Database;
let reader: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  db = new Database(join(dir, 'db.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL CHECK (length(name) > 0));
    CREATE TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)`);
  reader = new Database(join(dir, 'db.sqlite'), { readonly: true });
});
afterEach(() => {
  reader.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (name: string) => () =>
  Number(db.prepare('INSERT INTO item (name) VALUES (?)').run(name).lastInsertRowid);
const names = () => reader.prepare('SELECT name FROM item ORDER BY id').pluck().all();

describe('GroupCommit', () => {
  it('runs writes that arrive together in one transaction and answers each with its own result', async () => {
    const commits = new GroupCommit(db);
    const ids = await Promise.all([
      commits.run(insert('a')),
      commits.run(insert('b')),
      commits.run(insert('c')),
    ]);
    expect(ids).toEqual([1, 2, 3]);
    expect(commits.batches).toBe(1);
    expect(names()).toEqual(['a', 'b', 'c']);
  });

  it('answers only once the batch is committed: another connection already sees the row', async () => {
    const commits = new GroupCommit(db);
    const seen = await commits.run(insert('durable')).then(() => names());
    expect(seen).toEqual(['durable']);
  });

  it('rolls back only the write that failed; the rest of the batch commits', async () => {
    const commits = new GroupCommit(db);
    const results = await Promise.allSettled([
      commits.run(insert('a')),
      commits.run(insert('')),
      commits.run(insert('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/CHECK constraint failed/);
    expect(names()).toEqual(['a', 'c']);
  });

  it('rejects every write of a batch whose commit fails, and stores none of it', async () => {
    const commits = new GroupCommit(db);
    const orphan = () => db.prepare('INSERT INTO child (parent_id) VALUES (42)').run();
    const results = await Promise.allSettled([commits.run(insert('a')), commits.run(orphan)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY constraint failed/);
    expect(names()).toEqual([]);
    expect(db.inTransaction).toBe(false);
    expect(await commits.run(insert('after'))).toBeGreaterThan(0);
  });

  it('starts a new batch for writes queued after a flush', async () => {
    const commits = new GroupCommit(db);
    await commits.run(insert('a'));
    await commits.run(insert('b'));
    expect(commits.batches).toBe(2);
  });
});
