// The sync engine's rows (migration 012): per task its href, ETag and agreed VTODO text; the conflicts; per account whether its first sync was backed up. Reads are synchronous; the *Now writes run
// inside a write the caller already holds (the runner commits a task's local change and its state in one write, so
// a crash leaves both or neither).
import type { Statement } from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { SqliteDatabase } from '../../db/open-database.ts';
import type { MergeConflict } from './merge.ts';

export interface TaskState {
  userId: string;
  accountId: string;
  taskId: string;
  calendarId: string;
  uid: string;
  href: string;
  etag: string | null;
  agreed: string;
  agreedUpdatedAt: string;
}

export interface StoredConflict {
  id: string;
  taskId: string;
  field: string;
  kept: unknown;
  lost: unknown;
  keptFrom: 'local' | 'remote';
  at: string;
}

interface StateRow {
  user_id: string;
  account_id: string;
  task_id: string;
  calendar_id: string;
  uid: string;
  href: string;
  etag: string | null;
  agreed: string;
  agreed_updated_at: string;
}

const toState = (row: StateRow): TaskState => ({
  userId: row.user_id,
  accountId: row.account_id,
  taskId: row.task_id,
  calendarId: row.calendar_id,
  uid: row.uid,
  href: row.href,
  etag: row.etag,
  agreed: row.agreed,
  agreedUpdatedAt: row.agreed_updated_at,
});

type Params = Record<string, string | number | null>;

export class StateRepository {
  private readonly byTaskStmt: Statement<Params, StateRow>;
  private readonly byHrefStmt: Statement<Params, StateRow>;
  private readonly byUidStmt: Statement<Params, StateRow>;
  private readonly forCalendarStmt: Statement<Params, StateRow>;
  private readonly upsertStmt: Statement<Params>;
  private readonly removeStmt: Statement<Params>;
  private readonly conflictStmt: Statement<Params>;
  private readonly conflictsStmt: Statement<
    Params,
    { id: string; task_id: string; field: string; kept: string; lost: string; kept_from: 'local' | 'remote'; at: string }
  >;
  private readonly backedUpStmt: Statement<Params, string | null>;
  private readonly markRunStmt: Statement<Params>;
  private readonly liveInListStmt: Statement<Params, { id: string; updated_at: string }>;

  constructor(db: SqliteDatabase) {
    const columns = 'user_id, account_id, task_id, calendar_id, uid, href, etag, agreed, agreed_updated_at';
    this.byTaskStmt = db.prepare(`SELECT ${columns} FROM sync_task_state WHERE account_id = @accountId AND task_id = @taskId`);
    this.byHrefStmt = db.prepare(`SELECT ${columns} FROM sync_task_state WHERE account_id = @accountId AND href = @href`);
    this.byUidStmt = db.prepare(`SELECT ${columns} FROM sync_task_state WHERE account_id = @accountId AND uid = @uid`);
    this.forCalendarStmt = db.prepare(
      `SELECT ${columns} FROM sync_task_state WHERE account_id = @accountId AND calendar_id = @calendarId`,
    );
    this.upsertStmt = db.prepare(
      `INSERT INTO sync_task_state (${columns})
       VALUES (@userId, @accountId, @taskId, @calendarId, @uid, @href, @etag, @agreed, @agreedUpdatedAt)
       ON CONFLICT (account_id, task_id) DO UPDATE SET calendar_id = excluded.calendar_id, uid = excluded.uid,
         href = excluded.href, etag = excluded.etag, agreed = excluded.agreed,
         agreed_updated_at = excluded.agreed_updated_at`,
    );
    this.removeStmt = db.prepare('DELETE FROM sync_task_state WHERE account_id = @accountId AND task_id = @taskId');
    this.conflictStmt = db.prepare(
      `INSERT INTO sync_conflicts (id, user_id, account_id, task_id, field, kept, lost, kept_from, at)
       VALUES (@id, @userId, @accountId, @taskId, @field, @kept, @lost, @keptFrom, @at)`,
    );
    this.conflictsStmt = db.prepare(
      `SELECT id, task_id, field, kept, lost, kept_from, at FROM sync_conflicts WHERE user_id = @userId
       ORDER BY at DESC, id DESC LIMIT @limit`,
    );
    this.backedUpStmt = db
      .prepare<Params, string | null>('SELECT backed_up_at FROM sync_account_runs WHERE account_id = @accountId')
      .pluck();
    this.markRunStmt = db.prepare(
      `INSERT INTO sync_account_runs (account_id, user_id, backed_up_at, last_run_at)
       VALUES (@accountId, @userId, @backedUpAt, @at)
       ON CONFLICT (account_id) DO UPDATE SET backed_up_at = coalesce(backed_up_at, excluded.backed_up_at),
         last_run_at = excluded.last_run_at`,
    );
    // The live tasks of a linked list and when each last changed (nothing to push while it equals the agreed one).
    this.liveInListStmt = db.prepare(
      `SELECT id, updated_at FROM tasks WHERE user_id = @userId AND list_id = @listId AND deleted_at IS NULL`,
    );
  }

  byTask(accountId: string, taskId: string): TaskState | null {
    const row = this.byTaskStmt.get({ accountId, taskId });
    return row ? toState(row) : null;
  }

  byHref(accountId: string, href: string): TaskState | null {
    const row = this.byHrefStmt.get({ accountId, href });
    return row ? toState(row) : null;
  }

  byUid(accountId: string, uid: string): TaskState | null {
    const row = this.byUidStmt.get({ accountId, uid });
    return row ? toState(row) : null;
  }

  forCalendar(accountId: string, calendarId: string): TaskState[] {
    return this.forCalendarStmt.all({ accountId, calendarId }).map(toState);
  }

  liveInList(userId: string, listId: string): Array<{ id: string; updatedAt: string }> {
    return this.liveInListStmt.all({ userId, listId }).map((r) => ({ id: r.id, updatedAt: r.updated_at }));
  }

  saveNow(state: TaskState): void {
    this.upsertStmt.run({ ...state });
  }

  removeNow(accountId: string, taskId: string): void {
    this.removeStmt.run({ accountId, taskId });
  }

  recordConflictNow(userId: string, accountId: string, taskId: string, conflict: MergeConflict, at: string): void {
    this.conflictStmt.run({
      id: uuidv7(),
      userId,
      accountId,
      taskId,
      field: conflict.field,
      kept: JSON.stringify(conflict.kept ?? null),
      lost: JSON.stringify(conflict.lost ?? null),
      keptFrom: conflict.keptFrom,
      at,
    });
  }

  conflicts(userId: string, limit: number): StoredConflict[] {
    return this.conflictsStmt.all({ userId, limit }).map((row) => ({
      id: row.id,
      taskId: row.task_id,
      field: row.field,
      kept: JSON.parse(row.kept) as unknown,
      lost: JSON.parse(row.lost) as unknown,
      keptFrom: row.kept_from,
      at: row.at,
    }));
  }

  backedUp(accountId: string): boolean {
    return (this.backedUpStmt.get({ accountId }) ?? null) !== null;
  }

  markRunNow(userId: string, accountId: string, at: string, backedUp: boolean): void {
    this.markRunStmt.run({ userId, accountId, at, backedUpAt: backedUp ? at : null });
  }
}
