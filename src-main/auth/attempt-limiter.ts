// Rate limits for the in-process (IPC) sign-in/sign-up path: Better Auth's limiter only guards its HTTP
// handler, `auth.api.*` calls skip it. Fixed windows per key, bounded memory.

export interface LimitRule {
  max: number;
  windowMs: number;
}

interface Window {
  startedAt: number;
  count: number;
}

const MAX_KEYS = 10_000;

export class AttemptLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly rule: LimitRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. Does not count. */
  retryAfter(key: string): number {
    const window = this.current(key);
    if (!window || window.count < this.rule.max) return 0;
    return window.startedAt + this.rule.windowMs - this.now();
  }

  /** Counts one attempt for `key`. */
  hit(key: string): void {
    const window = this.current(key);
    if (window) {
      window.count += 1;
      return;
    }
    if (this.windows.size >= MAX_KEYS) this.prune();
    this.windows.set(key, { startedAt: this.now(), count: 1 });
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && this.now() - window.startedAt >= this.rule.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, window] of this.windows)
      if (now - window.startedAt >= this.rule.windowMs) this.windows.delete(key);
    if (this.windows.size >= MAX_KEYS) this.windows.clear();
  }
}
