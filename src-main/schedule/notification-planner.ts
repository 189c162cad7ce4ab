// What the desktop shows for reminders, decided in plain code (the Electron glue only draws it): one notification
// per reminder while they come one by one; one summary per account when many come due at once (a start after the
// app was closed, a resume from a long sleep, a batch that a clock change released); and never more than a few
// notifications a minute, whatever arrives. What the limit holds back is folded into one summary per account.
//
//   const planner = new NotificationPlanner({ clock, show: (n) => ... });
//   scheduler.subscribe({ due: (list) => planner.due(list), missed: (list) => planner.missed(list) });
import type { Logger } from '../core/logger.ts';
import type { DueReminder, MissedReminders } from './reminder-events.ts';
import type { SchedulerClock, TimerHandle } from './scheduler-clock.ts';

/** Why a summary stands for several reminders. */
export type SummaryReason =
  /** They came due while the app was not running. */
  | 'away'
  /** Many came due at once (a resume from sleep, a clock change), or the rate limit held them back. */
  | 'many';

export type PlannedNotification =
  | { kind: 'reminder'; userId: string; reminder: DueReminder }
  | {
      kind: 'summary';
      userId: string;
      count: number;
      reason: SummaryReason;
      /** The most recent few, newest first (the glue may show a title when it is the signed-in account's). */
      latest: DueReminder[];
    };

export interface NotificationPlannerOptions {
  clock: SchedulerClock;
  /** Draws one notification (the glue adds the account's label and the actions). */
  show(notification: PlannedNotification): void;
  /** Where a `show` that throws is reported (it does not hold back the others). */
  logger: Logger;
  /** At most this many notifications in any `windowMs` (default 4 a minute). */
  limit?: number;
  windowMs?: number;
  /** More than this many reminders of one account in one batch become one summary (default 3). */
  batchThreshold?: number;
  /** A summary whose oldest reminder is later than this says "while you were away" (default 5 minutes). */
  lateMs?: number;
}

type Summary = Extract<PlannedNotification, { kind: 'summary' }>;

const LATEST = 5;
export const DEFAULT_LIMIT = 4;
export const DEFAULT_WINDOW_MS = 60_000;
export const DEFAULT_BATCH_THRESHOLD = 3;
export const DEFAULT_LATE_MS = 5 * 60_000;

/** The summary's words, without titles: "5 reminders while you were away". */
export function summaryTitle(summary: Pick<Summary, 'count' | 'reason'>): string {
  const n = summary.count;
  const reminders = n === 1 ? '1 reminder' : `${n} reminders`;
  switch (summary.reason) {
    case 'away':
      return `${reminders} while you were away`;
    case 'many':
      return `${reminders} due`;
  }
}

function byUser(reminders: readonly DueReminder[]): Map<string, DueReminder[]> {
  const map = new Map<string, DueReminder[]>();
  for (const r of reminders) {
    const list = map.get(r.userId);
    if (list) list.push(r);
    else map.set(r.userId, [r]);
  }
  return map;
}

function newestFirst(list: readonly DueReminder[]): DueReminder[] {
  return list.slice(-LATEST).reverse();
}

export class NotificationPlanner {
  private readonly clock: SchedulerClock;
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly batchThreshold: number;
  private readonly lateMs: number;
  /** When each notification of the current window was shown (oldest first). */
  private shownAt: number[] = [];
  /** Waiting for room, oldest first; at most one entry per account once folded. */
  private queue: PlannedNotification[] = [];
  private timer: TimerHandle | null = null;
  private stopped = false;

  constructor(private readonly options: NotificationPlannerOptions) {
    this.clock = options.clock;
    this.limit = Math.max(1, options.limit ?? DEFAULT_LIMIT);
    this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.batchThreshold = options.batchThreshold ?? DEFAULT_BATCH_THRESHOLD;
    this.lateMs = options.lateMs ?? DEFAULT_LATE_MS;
  }

  /**
   * A batch the scheduler fired while running: each reminder, or one summary per account when there are many
   * ("while you were away" when they are late: the machine slept or the clock jumped).
   */
  due(reminders: readonly DueReminder[]): void {
    const lateBefore = this.clock.now() - this.lateMs;
    for (const [userId, list] of byUser(reminders)) {
      if (list.length > this.batchThreshold) {
        const late = list.some((r) => Date.parse(r.fireAt) < lateBefore);
        this.offer({
          kind: 'summary',
          userId,
          count: list.length,
          reason: late ? 'away' : 'many',
          latest: newestFirst(list),
        });
      } else {
        for (const reminder of list) this.offer({ kind: 'reminder', userId, reminder });
      }
    }
    this.flush();
  }

  /** What came due while the app was not running: one summary per account. */
  missed(summaries: readonly MissedReminders[]): void {
    for (const s of summaries) {
      if (s.count > 0) this.offer({ kind: 'summary', userId: s.userId, count: s.count, reason: 'away', latest: s.latest });
    }
    this.flush();
  }

  /** Notifications waiting for room under the limit. */
  get pending(): readonly PlannedNotification[] {
    return this.queue;
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
    this.queue = [];
  }

  private offer(notification: PlannedNotification): void {
    if (!this.stopped) this.queue.push(notification);
  }

  /** Shows what fits in the window; folds the rest into one summary per account and waits for room. */
  private flush(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    this.shownAt = this.shownAt.filter((at) => at > now - this.windowMs);
    while (this.queue.length > 0 && this.shownAt.length < this.limit) {
      // With room for fewer than are waiting, an account's waiting ones go out as one.
      if (this.queue.length > this.limit - this.shownAt.length) this.fold();
      const next = this.queue.shift()!;
      this.shownAt.push(now);
      try {
        this.options.show(next);
      } catch (error) {
        this.options.logger.error('reminder notification failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (this.queue.length > 0) {
      this.fold();
      this.wait(this.shownAt[0]! + this.windowMs - now);
    }
  }

  /** One entry per account: a lone reminder stays itself; several become one summary (in queue order). */
  private fold(): void {
    const folded: PlannedNotification[] = [];
    const index = new Map<string, number>();
    for (const item of this.queue) {
      const at = index.get(item.userId);
      if (at === undefined) {
        index.set(item.userId, folded.length);
        folded.push(item);
        continue;
      }
      folded[at] = merge(folded[at]!, item);
    }
    this.queue = folded;
  }

  private wait(ms: number): void {
    if (this.timer) return;
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.flush();
    }, Math.max(0, ms));
  }
}

function asSummary(item: PlannedNotification): Summary {
  return item.kind === 'summary'
    ? item
    : { kind: 'summary', userId: item.userId, count: 1, reason: 'many', latest: [item.reminder] };
}

/** Two waiting notifications of one account as one summary: 'away' when either was, else 'many'. */
function merge(a: PlannedNotification, b: PlannedNotification): Summary {
  const x = asSummary(a);
  const y = asSummary(b);
  return {
    kind: 'summary',
    userId: x.userId,
    count: x.count + y.count,
    reason: x.reason === 'away' || y.reason === 'away' ? 'away' : 'many',
    latest: [...y.latest, ...x.latest].slice(0, LATEST),
  };
}
