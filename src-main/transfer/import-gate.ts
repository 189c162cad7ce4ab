// Admission for imports, checked before the body is read: one import at a time per account (a second gets
// 409 IMPORT_IN_PROGRESS) and at most `maxConcurrent` in the whole server (more get 503 IMPORT_BUSY with
// Retry-After). An import streams up to 32 MiB and writes up to 50,000 rows; bounding how many run at once bounds
// the memory and CPU that local clients can tie up together.
//
// Fair between accounts: an account refused with 503 takes a place in line (first refused, first served), and a
// slot that frees goes to the accounts in line before anyone else: an account that just finished cannot take the
// slot back ahead of one that has been waiting, so two busy accounts cannot keep a third out. A place is kept
// for WAIT_PLACE_SECONDS after each refusal (the client retries after Retry-After); one that does not come back
// loses it, so a client that gave up holds nothing.
import { ApiError } from '../api/api-error.ts';
import { DEFAULT_STALL_POLICY, type StallPolicy } from './import-stall-guard.ts';

/** Concurrent imports the server runs; the rest are refused at once rather than queued (a queue would hold sockets). */
export const IMPORTS_MAX_CONCURRENT = 2;
/** Seconds a client refused with IMPORT_BUSY is told to wait. */
export const IMPORT_BUSY_RETRY_AFTER_SECONDS = 5;

/** How long an account refused with IMPORT_BUSY keeps its place in line without retrying. */
export const WAIT_PLACE_SECONDS = IMPORT_BUSY_RETRY_AFTER_SECONDS * 3;

export interface ImportGateOptions {
  maxConcurrent?: number;
  /** The clock for places in line (ms). */
  now?: () => number;
  /** The slowest an admitted import's body may arrive before it is dropped (import-stall-guard.ts). */
  stall?: StallPolicy;
}

export class ImportGate {
  private readonly running = new Set<string>();
  /** Accounts refused while the server was full, in the order they were first refused: when their place expires. */
  private readonly waiting = new Map<string, number>();
  private readonly maxConcurrent: number;
  private readonly now: () => number;
  /** Applied to the body of every admitted import: a stalled upload gives its slot back. */
  readonly stall: StallPolicy;

  constructor(options: ImportGateOptions = {}) {
    this.maxConcurrent = options.maxConcurrent ?? IMPORTS_MAX_CONCURRENT;
    this.now = options.now ?? Date.now;
    this.stall = options.stall ?? DEFAULT_STALL_POLICY;
  }

  /** How many imports are running now. */
  get size(): number {
    return this.running.size;
  }

  /** How many accounts wait in line before `userId` (all of them when it is not in line). */
  private waitingAhead(userId: string): number {
    let ahead = 0;
    for (const waiter of this.waiting.keys()) {
      if (waiter === userId) break;
      ahead++;
    }
    return ahead;
  }

  /** Admits an import for `userId` or throws; call the returned function when it has finished, whatever happened. */
  enter(userId: string): () => void {
    if (this.running.has(userId)) {
      throw new ApiError(
        'IMPORT_IN_PROGRESS',
        'An import into this account is already running; wait for it to finish, then try again.',
      );
    }
    const now = this.now();
    for (const [waiter, expiresAt] of this.waiting) if (expiresAt <= now) this.waiting.delete(waiter);
    if (this.running.size + this.waitingAhead(userId) >= this.maxConcurrent) {
      // Keeps its place (the first refusal's), with a new deadline to come back by.
      this.waiting.set(userId, now + WAIT_PLACE_SECONDS * 1000);
      throw new ApiError('IMPORT_BUSY', 'Too many imports are running right now; try again shortly.', undefined, {
        'Retry-After': String(IMPORT_BUSY_RETRY_AFTER_SECONDS),
      });
    }
    this.waiting.delete(userId);
    this.running.add(userId);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.running.delete(userId);
    };
  }
}
