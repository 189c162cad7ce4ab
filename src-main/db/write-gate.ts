// The one gate every writer to the data file passes, in this process. SQLite lets one connection write at a time;
// the app's write queue and Better Auth each have their own connection, and Better Auth keeps its transaction open
// across awaits (sign-up, password change). better-sqlite3 is synchronous: an app write that met Better Auth's
// lock would wait inside SQLite (busy_timeout), block the event loop Better Auth needs to reach COMMIT, and
// deadlock until the timeout. So writers take this gate (asynchronously) before they take SQLite's write lock,
// and no connection ever waits for the lock synchronously (busy_timeout is 0 on both).

export type ReleaseGate = () => void;

export class WriteGate {
  private holder: string | null = null;
  private readonly waiters: { who: string; grant: (release: ReleaseGate) => void }[] = [];

  /** Who holds the gate now ("app", "auth"), or null. */
  get heldBy(): string | null {
    return this.holder;
  }

  /** Resolves once the gate is ours (first come, first served); call the release function exactly once. */
  acquire(who: string): Promise<ReleaseGate> {
    return new Promise((resolve) => {
      if (this.holder === null) {
        this.holder = who;
        resolve(this.releaser());
      } else {
        this.waiters.push({ who, grant: resolve });
      }
    });
  }

  private releaser(): ReleaseGate {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      this.holder = next ? next.who : null;
      if (next) next.grant(this.releaser());
    };
  }
}
