import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from './open-database.ts';
import { WriteGate } from './write-gate.ts';
import { ForeignTransactionError, WriteQueue } from './write-queue.ts';

let dir: string;
let db: Database.Database;
let reader: Database.Database;
let gate: WriteGate;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'write-queue-'));
  db = openDatabase(join(dir, 'db.sqlite'));
  db.exec(`CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL CHECK (length(name) > 0));
    CREATE TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)`);
  reader = new Database(join(dir, 'db.sqlite'), { readonly: true });
  gate = new WriteGate();
});
afterEach(() => {
  reader.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (name: string) => () => Number(db.prepare('INSERT INTO item (name) VALUES (?)').run(name).lastInsertRowid);
const names = () => reader.prepare('SELECT name FROM item ORDER BY id').pluck().all();
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('WriteQueue', () => {
  it('runs writes that arrive together in one transaction and answers each with its own result', async () => {
    const writes = new WriteQueue(db, gate);
    const ids = await Promise.all([writes.run(insert('a')), writes.run(insert('b')), writes.run(insert('c'))]);
    expect(ids).toEqual([1, 2, 3]);
    expect(writes.batches).toBe(1);
    expect(names()).toEqual(['a', 'b', 'c']);
  });

  it('answers only once the batch is committed: another connection already sees the row', async () => {
    const writes = new WriteQueue(db, gate);
    const seen = await writes.run(insert('durable')).then(() => names());
    expect(seen).toEqual(['durable']);
  });

  it('rolls back only the write that failed; the rest of the batch commits', async () => {
    const writes = new WriteQueue(db, gate);
    const results = await Promise.allSettled([writes.run(insert('a')), writes.run(insert('')), writes.run(insert('c'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/CHECK constraint failed/);
    expect(names()).toEqual(['a', 'c']);
  });

  it('rejects every write of a batch whose commit fails, and stores none of it', async () => {
    const writes = new WriteQueue(db, gate);
    const orphan = () => db.prepare('INSERT INTO child (parent_id) VALUES (42)').run();
    const results = await Promise.allSettled([writes.run(insert('a')), writes.run(orphan)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY constraint failed/);
    expect(names()).toEqual([]);
    expect(db.inTransaction).toBe(false);
    expect(await writes.run(insert('after'))).toBeGreaterThan(0);
  });

  it('starts a new batch for writes queued after a flush', async () => {
    const writes = new WriteQueue(db, gate);
    await writes.run(insert('a'));
    await writes.run(insert('b'));
    expect(writes.batches).toBe(2);
  });

  it('owns the connection’s writes: a write outside the queue is refused at once, reads still work', async () => {
    const writes = new WriteQueue(db, gate);
    expect(() => insert('sneaky')()).toThrow(/readonly/);
    expect(() => db.exec('BEGIN IMMEDIATE')).toThrow(/readonly/);
    expect(db.inTransaction).toBe(false);
    await writes.run(insert('queued'));
    expect(() => insert('sneaky again')()).toThrow(/readonly/);
    expect(db.prepare('SELECT name FROM item').pluck().all()).toEqual(['queued']);
  });

  it('waits (asynchronously) while another writer holds the gate, then writes outside its transaction', async () => {
    const writes = new WriteQueue(db, gate);
    const release = await gate.acquire('auth');
    let ranInside: boolean | null = null;
    const write = writes.run(() => {
      ranInside = db.inTransaction && gate.heldBy !== 'app';
      return insert('after auth')();
    });
    for (let i = 0; i < 20; i += 1) await turn(); // the event loop keeps turning while the write waits
    expect(names()).toEqual([]);
    release();
    await write;
    expect(ranInside).toBe(false);
    expect(names()).toEqual(['after auth']);
    expect(gate.heldBy).toBeNull();
  });

  it('never blocks the event loop on a lock another process holds: it retries asynchronously', async () => {
    const writes = new WriteQueue(db, gate);
    const other = new Database(join(dir, 'db.sqlite'));
    try {
      other.exec('BEGIN IMMEDIATE');
      other.prepare("INSERT INTO item (name) VALUES ('other')").run();
      const write = writes.run(insert('mine'));
      let ticks = 0;
      for (let i = 0; i < 5; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        ticks += 1;
      }
      expect(ticks).toBe(5);
      // The retries are timers of their own: wait for one rather than assume five ticks were enough.
      await vi.waitFor(() => expect(writes.busyRetries).toBeGreaterThan(0));
      other.exec('COMMIT');
      await write;
      expect(names()).toEqual(['other', 'mine']);
    } finally {
      other.close();
    }
  });

  it('refuses to write inside a transaction it did not open', async () => {
    const writes = new WriteQueue(db, gate);
    db.exec('BEGIN'); // a read transaction someone left open on the connection
    await expect(writes.run(insert('x'))).rejects.toBeInstanceOf(ForeignTransactionError);
    db.exec('ROLLBACK');
    expect(names()).toEqual([]);
  });
});
