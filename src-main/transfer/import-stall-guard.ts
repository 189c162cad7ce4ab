// Drops an import body that stalls: every window of IMPORT_STALL_WINDOW_MS must bring at least
// IMPORT_STALL_MIN_BYTES (1 KiB/s over 10 s), else the body is cancelled and the import answered 408
// IMPORT_STALLED, which frees its slot in the gate. Without this, two accounts trickling whitespace held both
// server-wide import slots for as long as they liked, and every other account got 503.
import { ApiError } from '../api/api-error.ts';

export const IMPORT_STALL_WINDOW_MS = 10_000;
export const IMPORT_STALL_MIN_BYTES = 10 * 1024;

export interface StallPolicy {
  windowMs: number;
  /** Bytes each window must bring. */
  minBytes: number;
}

export const DEFAULT_STALL_POLICY: StallPolicy = {
  windowMs: IMPORT_STALL_WINDOW_MS,
  minBytes: IMPORT_STALL_MIN_BYTES,
};

/** The body arrived slower than the policy allows. */
export class ImportStalled extends Error {
  override readonly name = 'ImportStalled';
  constructor(readonly policy: StallPolicy) {
    super('import body stalled');
  }
}

export function stalledError(policy: StallPolicy): ApiError {
  const rate = policy.minBytes / (policy.windowMs / 1000);
  return new ApiError(
    'IMPORT_STALLED',
    `The upload stalled (under ${Math.round(rate)} bytes/s for ${policy.windowMs / 1000} s), so the import was dropped and nothing was imported. Send the file again.`,
  );
}

/** `body` as a stream that errors with ImportStalled (and cancels the upload) when a window brings too little. */
export function guardAgainstStalls(
  body: ReadableStream<Uint8Array> | null,
  policy: StallPolicy = DEFAULT_STALL_POLICY,
): ReadableStream<Uint8Array> | null {
  if (!body) return null;
  const reader = body.getReader();
  let windowStart = performance.now();
  let windowBytes = 0;
  let pending: ReturnType<typeof reader.read> | null = null;
  const stalled = async (controller: ReadableStreamDefaultController<Uint8Array>) => {
    controller.error(new ImportStalled(policy));
    await reader.cancel('stalled').catch(() => undefined);
  };
  /** Closes the window if it is over; false when it brought too little. */
  const windowHeld = (now: number): boolean => {
    if (now - windowStart < policy.windowMs) return true;
    if (windowBytes < policy.minBytes) return false;
    windowStart = now;
    windowBytes = 0;
    return true;
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        pending ??= reader.read();
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'window over'>((resolve) => {
          timer = setTimeout(() => resolve('window over'), Math.max(0, windowStart + policy.windowMs - performance.now()));
        });
        const next = await Promise.race([pending, timeout]);
        clearTimeout(timer);
        if (next === 'window over') {
          if (!windowHeld(performance.now())) return stalled(controller);
          continue; // the read is still pending: wait for it in the next window
        }
        pending = null;
        if (next.done) return controller.close();
        windowBytes += next.value.byteLength;
        if (!windowHeld(performance.now())) return stalled(controller);
        return controller.enqueue(next.value);
      }
    },
    async cancel(reason) {
      await reader.cancel(reason);
    },
  });
}
