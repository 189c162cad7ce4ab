// Group commit for writes that arrive together. With synchronous=FULL every transaction pays one WAL fsync
// (0.2-3 ms on these disks); 32 clients creating tasks at once queued behind 32 fsyncs in a row, one per request
// (bench L2: p99 in the hundreds of ms). Writes queued in the same turn of the event loop now run in ONE
// transaction, each inside its own savepoint, and their callers are answered only after that transaction has
// committed: the same durability per acknowledged write, one fsync per batch.
import type { SqliteDatabase } from '../db/open-database.ts';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** At most this many writes share one transaction (bounds the time the batch holds the event loop). */
export const GROUP_COMMIT_MAX_BATCH = 256;

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private batchCount = 0;

  constructor(private readonly db: SqliteDatabase) {}

  /**
   * Runs `work` (synchronous database writes) in the next batch. Resolves with its result once the batch has
   * committed; rejects with its error if it threw (its savepoint is rolled back, the rest of the batch still
   * commits), or with the commit's error if the batch could not be committed (then nothing of it was stored).
   */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Batches committed so far (diagnostics and tests). */
  get batches(): number {
    return this.batchCount;
  }

  private flush(): void {
    const batch = this.queue.splice(0, GROUP_COMMIT_MAX_BATCH);
    this.scheduled = this.queue.length > 0;
    if (this.scheduled) setImmediate(() => this.flush());
    if (batch.length === 0) return;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const item of batch) {
          try {
            // A nested transaction is a savepoint: a failing write undoes only itself.
            outcomes.push({ ok: true, value: this.db.transaction(item.work)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    this.batchCount += 1;
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }
}
