// Throttles sign-in (and sign-up) attempts that arrive over IPC. Better Auth's own rate limiter only sees
// HTTP requests, not in-process `auth.api.*` calls, so the shell limits guessing itself:
//  - per email: a few free failures, then exponential back-off (1 s, 2 s, 4 s, ... capped);
//  - globally: the same back-off over all failures (many emails guessed at once), plus a cap on attempts
//    per sliding window.
// Failures are forgotten after a quiet period; a success clears that email's record.
// All state lives in the object returned; `now` is injectable for tests.

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface SignInThrottle {
  /** Call before an attempt. When allowed, the attempt is counted against the global window. */
  check(email: string): ThrottleDecision;
  recordFailure(email: string): void;
  recordSuccess(email: string): void;
}

export interface SignInThrottleOptions {
  now?: () => number;
  /** Failures per email before back-off starts. */
  freeFailuresPerEmail?: number;
  /** Failures across all emails before global back-off starts. */
  freeFailuresGlobal?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Failures older than this (since the last one) are forgotten. */
  forgetAfterMs?: number;
  /** At most this many attempts in any `windowMs`, whatever the outcome. */
  maxAttemptsPerWindow?: number;
  windowMs?: number;
  /** Bounds memory when many different emails are tried. */
  maxTrackedEmails?: number;
}

interface FailureRecord {
  count: number;
  lastAt: number;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createSignInThrottle(options: SignInThrottleOptions = {}): SignInThrottle {
  const {
    now = Date.now,
    freeFailuresPerEmail = 3,
    freeFailuresGlobal = 10,
    baseDelayMs = 1_000,
    maxDelayMs = 5 * 60_000,
    forgetAfterMs = 15 * 60_000,
    maxAttemptsPerWindow = 30,
    windowMs = 60_000,
    maxTrackedEmails = 1_000,
  } = options;

  const perEmail = new Map<string, FailureRecord>();
  let global: FailureRecord = { count: 0, lastAt: 0 };
  let attempts: number[] = [];

  const blockedFor = (record: FailureRecord | undefined, free: number, at: number): number => {
    if (!record || record.count < free) return 0;
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (record.count - free));
    return Math.max(0, record.lastAt + delay - at);
  };

  const expire = (at: number): void => {
    if (at - global.lastAt > forgetAfterMs) global = { count: 0, lastAt: 0 };
    attempts = attempts.filter((t) => at - t < windowMs);
    for (const [key, record] of perEmail) if (at - record.lastAt > forgetAfterMs) perEmail.delete(key);
  };

  return {
    check: (email) => {
      const at = now();
      expire(at);
      const wait = Math.max(
        blockedFor(perEmail.get(normalizeEmail(email)), freeFailuresPerEmail, at),
        blockedFor(global, freeFailuresGlobal, at),
        attempts.length >= maxAttemptsPerWindow ? (attempts[0] ?? at) + windowMs - at : 0,
      );
      if (wait > 0) return { allowed: false, retryAfterMs: Math.ceil(wait) };
      attempts.push(at);
      return { allowed: true };
    },
    recordFailure: (email) => {
      const at = now();
      const key = normalizeEmail(email);
      const record = perEmail.get(key);
      perEmail.delete(key); // re-insert so Map order stays least-recently-failed first
      perEmail.set(key, { count: (record?.count ?? 0) + 1, lastAt: at });
      global = { count: global.count + 1, lastAt: at };
      while (perEmail.size > maxTrackedEmails) {
        const oldest = perEmail.keys().next().value;
        if (oldest === undefined) break;
        perEmail.delete(oldest);
      }
    },
    recordSuccess: (email) => {
      perEmail.delete(normalizeEmail(email));
    },
  };
}
