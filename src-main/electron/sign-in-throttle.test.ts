import { describe, expect, it } from 'vitest';
import { createSignInThrottle } from './sign-in-throttle.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('sign-in throttle', () => {
  it('allows a few failures per email, then backs off exponentially', () => {
    const c = clock();
    const throttle = createSignInThrottle({ now: c.now, freeFailuresPerEmail: 3, baseDelayMs: 1000 });
    for (let i = 0; i < 3; i++) {
      expect(throttle.check('a@example.com')).toEqual({ allowed: true });
      throttle.recordFailure('a@example.com');
    }
    // 3 failures: 1 s back-off.
    expect(throttle.check('A@Example.com ')).toEqual({ allowed: false, retryAfterMs: 1000 });
    c.advance(1000);
    expect(throttle.check('a@example.com').allowed).toBe(true);
    throttle.recordFailure('a@example.com');
    // 4 failures: 2 s.
    expect(throttle.check('a@example.com')).toEqual({ allowed: false, retryAfterMs: 2000 });
    c.advance(500);
    expect(throttle.check('a@example.com')).toEqual({ allowed: false, retryAfterMs: 1500 });
    // Another email is not affected by a's failures.
    expect(throttle.check('b@example.com')).toEqual({ allowed: true });
  });

  it('caps the back-off and forgets failures after a quiet period', () => {
    const c = clock();
    const throttle = createSignInThrottle({ now: c.now, freeFailuresPerEmail: 1, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000 });
    for (let i = 0; i < 20; i++) throttle.recordFailure('a@example.com');
    expect(throttle.check('a@example.com')).toEqual({ allowed: false, retryAfterMs: 8000 });
    c.advance(60_001);
    expect(throttle.check('a@example.com')).toEqual({ allowed: true });
  });

  it('a success clears that email', () => {
    const c = clock();
    const throttle = createSignInThrottle({ now: c.now, freeFailuresPerEmail: 1 });
    throttle.recordFailure('a@example.com');
    expect(throttle.check('a@example.com').allowed).toBe(false);
    throttle.recordSuccess('a@example.com');
    expect(throttle.check('a@example.com').allowed).toBe(true);
  });

  it('backs off globally when many different emails fail', () => {
    const c = clock();
    const throttle = createSignInThrottle({ now: c.now, freeFailuresPerEmail: 5, freeFailuresGlobal: 4, baseDelayMs: 1000 });
    for (let i = 0; i < 4; i++) throttle.recordFailure(`user${i}@example.com`);
    expect(throttle.check('fresh@example.com')).toEqual({ allowed: false, retryAfterMs: 1000 });
  });

  it('caps attempts per window whatever their outcome', () => {
    const c = clock();
    const throttle = createSignInThrottle({ now: c.now, maxAttemptsPerWindow: 3, windowMs: 10_000 });
    for (let i = 0; i < 3; i++) {
      expect(throttle.check(`u${i}@example.com`).allowed).toBe(true);
      c.advance(1000);
    }
    expect(throttle.check('u9@example.com')).toEqual({ allowed: false, retryAfterMs: 7000 });
    c.advance(7000);
    expect(throttle.check('u9@example.com').allowed).toBe(true);
  });

  it('bounds the number of tracked emails', () => {
    const c = clock();
    const throttle = createSignInThrottle({ now: c.now, freeFailuresPerEmail: 1, freeFailuresGlobal: 1e9, maxTrackedEmails: 2 });
    throttle.recordFailure('first@example.com');
    throttle.recordFailure('second@example.com');
    throttle.recordFailure('third@example.com');
    expect(throttle.check('first@example.com').allowed).toBe(true); // evicted
    expect(throttle.check('third@example.com').allowed).toBe(false);
  });
});
