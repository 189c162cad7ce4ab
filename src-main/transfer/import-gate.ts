// Admission for imports, checked before the body is read: one import at a time per account (a second gets
// 409 IMPORT_IN_PROGRESS) and at most `maxConcurrent` in the whole server (more get 503 IMPORT_BUSY with
// Retry-After). An import streams up to 32 MiB and writes up to 50,000 rows; bounding how many run at once bounds
// the memory and CPU that local clients can tie up together.
import { ApiError } from '../api/api-error.ts';
import { DEFAULT_STALL_POLICY, type StallPolicy } from './import-stall-guard.ts';

/** Concurrent imports the server runs; the rest are refused at once rather than queued (a queue would hold sockets). */
export const IMPORTS_MAX_CONCURRENT = 2;
/** Seconds a client refused with IMPORT_BUSY is told to wait. */
export const IMPORT_BUSY_RETRY_AFTER_SECONDS = 5;

export interface ImportGateOptions {
  maxConcurrent?: number;
  /** The slowest an admitted import's body may arrive before it is dropped (import-stall-guard.ts). */
  stall?: StallPolicy;
}

export class ImportGate {
  private readonly running = new Set<string>();
  private readonly maxConcurrent: number;
  /** Applied to the body of every admitted import: a stalled upload gives its slot back. */
  readonly stall: StallPolicy;

  constructor(options: ImportGateOptions = {}) {
    this.maxConcurrent = options.maxConcurrent ?? IMPORTS_MAX_CONCURRENT;
    this.stall = options.stall ?? DEFAULT_STALL_POLICY;
  }

  /** How many imports are running now. */
  get size(): number {
    return this.running.size;
  }

  /** Admits an import for `userId` or throws; call the returned function when it has finished, whatever happened. */
  enter(userId: string): () => void {
    if (this.running.has(userId)) {
      throw new ApiError(
        'IMPORT_IN_PROGRESS',
        'An import into this account is already running; wait for it to finish, then try again.',
      );
    }
    if (this.running.size >= this.maxConcurrent) {
      throw new ApiError('IMPORT_BUSY', 'Too many imports are running right now; try again shortly.', undefined, {
        'Retry-After': String(IMPORT_BUSY_RETRY_AFTER_SECONDS),
      });
    }
    this.running.add(userId);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.running.delete(userId);
    };
  }
}
