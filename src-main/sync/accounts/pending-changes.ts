// The status's pendingChanges: local changes in an account's linked lists that have not reached the server yet.
// Until the sync engine keeps per-task sync state (migration 012), a change is a task of a linked list written or
// trashed after the account's last finished sync (before the first sync: every live task there). The engine may
// pass its own count instead (SyncAccountService's `pending` option).
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../../db/open-database.ts';
import type { SyncAccountRecord } from './account-repository.ts';

export interface PendingChanges {
  count(account: SyncAccountRecord): number;
}

export class ChangedSinceLastSync implements PendingChanges {
  private readonly stmt: Statement<Record<string, string | null>, number>;

  constructor(db: SqliteDatabase) {
    this.stmt = db
      .prepare<Record<string, string | null>, number>(
        `SELECT count(*) FROM tasks
         WHERE user_id = @userId
           AND list_id IN (SELECT list_id FROM sync_calendar WHERE account_id = @accountId AND list_id IS NOT NULL)
           AND (CASE WHEN @since IS NULL THEN deleted_at IS NULL
                     ELSE updated_at > @since OR deleted_at > @since END)`,
      )
      .pluck();
  }

  count(account: SyncAccountRecord): number {
    return this.stmt.get({ userId: account.userId, accountId: account.id, since: account.lastSyncAt })!;
  }
}
