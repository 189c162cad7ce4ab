// The scheduler's view of time: the wall clock and one-shot timers, injectable so tests drive a fake clock.
export interface TimerHandle {
  cancel(): void;
}

export interface SchedulerClock {
  now(): number;
  /** Calls `fn` once after `ms`; the process does not stay alive for it. */
  setTimer(fn: () => unknown, ms: number): TimerHandle;
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** A clock tests move by hand: advance() runs the timers that come due, in order. */
export class FakeClock implements SchedulerClock {
  private timers: { at: number; fn: () => unknown; id: number }[] = [];
  private seq = 0;

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  setTimer(fn: () => unknown, ms: number): TimerHandle {
    const timer = { at: this.current + Math.max(0, ms), fn, id: this.seq++ };
    this.timers.push(timer);
    return { cancel: () => (this.timers = this.timers.filter((t) => t !== timer)) };
  }

  /** Moves the clock forward, running each timer at its time (and waiting for what it started). */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = next.at;
      await next.fn();
    }
    this.current = end;
  }

  /** Sets the wall clock without running timers (a clock change or a sleep: the OS did not fire them). */
  jump(to: number): void {
    this.current = to;
  }

  get pendingTimers(): number {
    return this.timers.length;
  }
}
