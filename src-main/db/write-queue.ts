// Every write the app makes to its connection goes through this queue; nothing else can write on it.
//
// - One writer at a time, never inside someone else's transaction: the queue owns the app's connection for
//   writes (the connection is `PRAGMA query_only` outside a batch, so a write that bypasses the queue fails with
//   SQLITE_READONLY instead of slipping in anywhere), and it takes the process-wide WriteGate before BEGIN
//   IMMEDIATE, so it waits (asynchronously) while Better Auth's transaction is open on its own connection.
// - Group commit: with synchronous=FULL every transaction pays one WAL fsync. Writes queued in the same turn of
//   the event loop run in ONE transaction, each inside its own savepoint, and their callers are answered only
//   after that transaction has committed: the same durability per acknowledged write, one fsync per batch.
// - A lock held outside this process (busy_timeout is 0: SQLite never blocks the event loop) makes BEGIN fail
//   with SQLITE_BUSY before any work ran; the batch is then retried asynchronously until WRITE_BUSY_DEADLINE_MS.
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './open-database.ts';
import type { WriteGate } from './write-gate.ts';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  queuedAt: number;
}

/** At most this many writes share one transaction (bounds the time the batch holds the event loop). */
export const WRITE_QUEUE_MAX_BATCH = 256;
/** How long a batch keeps retrying a write lock held by another process before its writes fail. */
export const WRITE_BUSY_DEADLINE_MS = 5000;
const BUSY_RETRY_MS = 10;

/** The connection was inside a transaction the queue did not open (a bug: it must never happen). */
export class ForeignTransactionError extends Error {
  override readonly name = 'ForeignTransactionError';
  constructor() {
    super('A write was about to start inside a transaction the write queue did not open; refused.');
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class WriteQueue {
  private queue: Pending[] = [];
  private draining = false;
  private idleWaiters: (() => void)[] = [];
  private batchCount = 0;
  private busyCount = 0;
  private readonly allowWrites: Statement;
  private readonly refuseWrites: Statement;

  /** Takes over writes on `db`: from now on it only writes inside this queue's batches. */
  constructor(
    private readonly db: SqliteDatabase,
    private readonly gate: WriteGate,
    private readonly now: () => number = Date.now,
  ) {
    this.allowWrites = db.prepare('PRAGMA query_only = 0');
    this.refuseWrites = db.prepare('PRAGMA query_only = 1');
    this.refuseWrites.run();
  }

  /**
   * Runs `work` (synchronous database writes) in the next batch. Resolves with its result once the batch has
   * committed; rejects with its error if it threw (its savepoint is rolled back, the rest of the batch still
   * commits), or with the commit's error if the batch could not be committed (then nothing of it was stored).
   */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject, queuedAt: this.now() });
      if (!this.draining) {
        this.draining = true;
        void this.drain();
      }
    });
  }

  /** Resolves once every write queued so far has been answered. */
  idle(): Promise<void> {
    if (!this.draining) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Batches committed so far (diagnostics and tests). */
  get batches(): number {
    return this.batchCount;
  }

  /** Times BEGIN met a lock held outside this process and the batch was retried. */
  get busyRetries(): number {
    return this.busyCount;
  }

  private async drain(): Promise<void> {
    await nextTurn(); // writes queued in this turn of the event loop share the batch
    for (;;) {
      if (this.queue.length === 0) {
        this.draining = false;
        for (const resolve of this.idleWaiters.splice(0)) resolve();
        return;
      }
      const release = await this.gate.acquire('app');
      let busy: boolean;
      try {
        busy = this.commitBatch();
      } finally {
        release();
      }
      if (busy) await sleep(BUSY_RETRY_MS);
      else if (this.queue.length > 0) await nextTurn();
    }
  }

  /** Runs one batch; true when BEGIN met a lock held elsewhere and the batch went back to the queue. */
  private commitBatch(): boolean {
    const batch = this.queue.splice(0, WRITE_QUEUE_MAX_BATCH);
    if (this.db.inTransaction) {
      const error = new ForeignTransactionError();
      for (const item of batch) item.reject(error);
      return false;
    }
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    this.allowWrites.run();
    try {
      this.db
        .transaction(() => {
          for (const item of batch) {
            try {
              // A nested transaction is a savepoint: a failing write undoes only itself.
              outcomes.push({ ok: true, value: this.db.transaction(item.work)() });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      if (isBusy(error) && outcomes.length === 0) return this.retryLater(batch, error);
      for (const item of batch) item.reject(error);
      return false;
    } finally {
      this.refuseWrites.run();
    }
    this.batchCount += 1;
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
    return false;
  }

  private retryLater(batch: Pending[], error: unknown): boolean {
    this.busyCount += 1;
    const now = this.now();
    const waiting = batch.filter((item) => {
      if (now - item.queuedAt < WRITE_BUSY_DEADLINE_MS) return true;
      item.reject(error);
      return false;
    });
    this.queue.unshift(...waiting);
    return true;
  }
}
