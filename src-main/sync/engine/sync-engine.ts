// The sync engine (issue 18 §3): one run of one account, as a plain service method the sync route and automatic
// sync both call. A call while the account's run is going waits for that run. The run: a backup before the
// account's first sync; every linked calendar pulled; re-parenting once all are in; the server's deletions behind
// the delete guard (and the calendar's sync token kept only once they are applied); then every calendar pushed,
// local deletions last. A calendar that fails (unreachable, refused) is reported and the others still sync.
import type { SqliteDatabase } from '../../db/open-database.ts';
import type { WriteQueue } from '../../db/write-queue.ts';
import type { EventPublisher } from '../../events/event-publisher.ts';
import { RuleError } from '../../core/rule-error.ts';
import type { Service } from '../../core/service.ts';
import type { TaskRepository } from '../../tasks/task-repository.ts';
import { SyncError } from '../caldav-http.ts';
import { CalendarClient } from './calendar-client.ts';
import { applyRemoteDeletions, pushLocalDeletions } from './deletions.ts';
import { taskOfUid } from './local-side.ts';
import { pullCalendar, type PulledCalendar } from './pull.ts';
import { pushChanges } from './push.ts';
import type { AccountRun, CalendarRun } from './run-context.ts';
import { StateRepository, type StoredConflict } from './state-repository.ts';
import type { CalendarLink, SyncHooks, SyncReport, SyncRunOptions, SyncTarget } from './sync-types.ts';

export interface SyncEngineDeps {
  db: SqliteDatabase;
  writes: WriteQueue;
  repo: TaskRepository;
  events: EventPublisher;
  /** A backup of the database (the storage backup mechanism), taken before an account's first sync. */
  backUp: () => Promise<unknown>;
  now?: () => Date;
  /** Keeps a calendar's new sync token (sync_calendar.sync_token: the accounts repository's setSyncToken). */
  saveSyncToken: (calendarId: string, token: string | null) => Promise<void>;
  /** Counts every HTTP request the engine makes (the bench). */
  onRequest?: () => void;
}

export class SyncEngine implements Service {
  readonly name = 'sync-engine';
  private readonly running = new Map<string, Promise<SyncReport>>();
  readonly state: StateRepository;

  constructor(private readonly deps: SyncEngineDeps) {
    this.state = new StateRepository(deps.db);
  }

  /** Syncs the account now; while its run is going, answers that run's report. */
  sync(target: SyncTarget, options: SyncRunOptions = {}, hooks: SyncHooks = {}): Promise<SyncReport> {
    const going = this.running.get(target.accountId);
    if (going !== undefined) return going;
    const run = this.runOnce(target, options, hooks).finally(() => this.running.delete(target.accountId));
    this.running.set(target.accountId, run);
    return run;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  /** Lets the runs going finish (each commits task by task: stopping midway would lose nothing either). */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  conflicts(userId: string, limit: number): StoredConflict[] {
    return this.state.conflicts(userId, limit);
  }

  private async runOnce(target: SyncTarget, options: SyncRunOptions, hooks: SyncHooks): Promise<SyncReport> {
    const now = this.deps.now ?? (() => new Date());
    const firstSync = !this.state.backedUp(target.accountId);
    if (firstSync) await this.deps.backUp();
    const urls = new Map(target.calendars.map((c) => [c.calendarId, c.calendarUrl]));
    const clients = new Map<string, CalendarClient>();
    const clientFor = (calendarId: string): CalendarClient => {
      let client = clients.get(calendarId);
      const url = urls.get(calendarId);
      if (url === undefined) throw new Error('A sync state names a calendar link the run was not given.');
      if (client === undefined) {
        client = new CalendarClient(url, target.credentials, this.deps.onRequest);
        clients.set(calendarId, client);
      }
      return client;
    };
    const run: AccountRun = {
      userId: target.userId,
      accountId: target.accountId,
      calendarOfList: new Map(target.calendars.map((c) => [c.listId, c.calendarId])),
      repo: this.deps.repo,
      state: this.state,
      writes: this.deps.writes,
      events: this.deps.events,
      hooks,
      now,
      counts: { pulled: 0, pushed: 0, deleted: 0, conflicts: 0, errors: [] },
      confirmDeletes: options.confirmDeletes === true,
      heldDeletes: false,
    };
    const calendarRun = (link: CalendarLink): CalendarRun => ({
      ...run,
      link,
      client: clientFor(link.calendarId),
      clientFor,
    });
    const failed = (error: unknown): boolean => {
      if (!(error instanceof SyncError)) return false;
      run.counts.errors.push({ code: error.code, message: error.message });
      return true;
    };
    // The calendar runs share `run`'s counts (the same object), so every count lands in one report.
    const reachable: CalendarLink[] = [];
    const pulled: PulledCalendar[] = [];
    for (const link of target.calendars) {
      try {
        pulled.push(await pullCalendar(calendarRun(link)));
        reachable.push(link);
      } catch (error) {
        if (!failed(error)) throw error;
      }
    }
    await this.reparent(run, pulled);
    for (const calendar of pulled) {
      const held = !(await applyRemoteDeletions(run, calendar.listId, calendar.deleted));
      if (held) continue;
      await this.deps.saveSyncToken(calendar.calendarId, calendar.syncToken);
    }
    for (const link of reachable) {
      try {
        await pushChanges(calendarRun(link));
      } catch (error) {
        if (!failed(error)) throw error;
      }
    }
    for (const link of reachable) {
      try {
        await pushLocalDeletions(calendarRun(link));
      } catch (error) {
        if (!failed(error)) throw error;
      }
    }
    await run.writes.run(() => this.state.markRunNow(run.userId, run.accountId, now().toISOString(), firstSync));
    const { pulled: pulledCount, pushed, deleted, conflicts, errors } = run.counts;
    return {
      state: run.heldDeletes ? 'needs-confirmation' : 'idle',
      pulled: pulledCount,
      pushed,
      deleted,
      conflicts,
      errors,
    };
  }

  /**
   * Puts pulled tasks where the server says, once every calendar's tasks are in: under the parent it names (by
   * UID), or at the top of the calendar's list. Top-level ones first, so a subtree moved to another calendar by
   * another client moves with its root.
   */
  private async reparent(run: AccountRun, pulled: readonly PulledCalendar[]): Promise<void> {
    const moves = pulled.flatMap((p) => p.parents);
    moves.sort((x, y) => Number(x.parentUid !== null) - Number(y.parentUid !== null));
    for (const { taskId, parentUid, listId } of moves) {
      const parentId = parentUid === null ? null : taskOfUid(run, parentUid);
      const task = run.repo.get(run.userId, taskId);
      if (task === null) continue;
      // A parent this account does not have: the task stays at the top of its calendar's list.
      const place =
        parentId !== null ? { parentId } : { parentId: null, listId };
      const parentList = parentId === null ? listId : run.repo.get(run.userId, parentId)?.listId;
      if (task.parentId === parentId && task.listId === parentList) continue;
      try {
        await run.writes.run(() => {
          const state = run.state.byTask(run.accountId, taskId);
          const moved = run.repo.moveNow(run.userId, taskId, place);
          if (moved !== null && state !== null && state.agreedUpdatedAt === task.updatedAt)
            run.state.saveNow({ ...state, agreedUpdatedAt: moved.updatedAt });
        });
        run.events.publish(run.userId, 'task.updated', [taskId]);
      } catch (error) {
        if (!(error instanceof RuleError)) throw error;
        run.counts.errors.push({ taskId, code: 'SYNC_TASK_REFUSED', message: error.message });
      }
    }
  }
}
