// Sync accounts and their calendar links in SQLite (tables sync_account, sync_calendar, migration 011): the only
// code that touches those rows. Every read that starts from a request is scoped by user id (another user's account
// looks exactly like one that does not exist). The password is stored only sealed (password-sealer.ts) and opened
// only by getAccountWithSecret, for the CalDAV client; no other method returns it. Writes go through the write queue.
//
// For the sync engine: getAccountWithSecret(userId, id) gives the account with its password; listLinks(accountId)
// every calendar of the account (listId null: not synced); setStatus() records a run's state; setSyncToken() the
// calendar's sync-collection token. A calendar's row id changes when it is unlinked (the row is replaced), so per
// calendar state kept elsewhere with ON DELETE CASCADE on sync_calendar(id) ends with the link.
import type { Statement } from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { SyncErrorInfo, SyncState } from '../../../src-shared/sync/account-schemas.ts';
import type { SqliteDatabase } from '../../db/open-database.ts';
import type { WriteQueue } from '../../db/write-queue.ts';
import type { PasswordSealer } from './password-sealer.ts';

export interface SyncAccountRecord {
  id: string;
  userId: string;
  kind: 'caldav';
  serverUrl: string;
  username: string;
  /** The calendar home found at discovery (MKCALENDAR goes under it). */
  homeUrl: string;
  state: SyncState;
  lastSyncAt: string | null;
  lastError: SyncErrorInfo | null;
  createdAt: string;
  updatedAt: string;
}

export interface SyncAccountWithSecret extends SyncAccountRecord {
  password: string;
}

export interface CalendarLink {
  /** This link's id (a new one after every unlink). */
  id: string;
  accountId: string;
  userId: string;
  url: string;
  name: string;
  color: string | null;
  /** The local list it syncs with, or null (known on the server, not synced). */
  listId: string | null;
  /** The last sync-collection token (RFC 6578) for this calendar, or null. */
  syncToken: string | null;
}

export interface NewCalendar {
  url: string;
  name: string;
  color: string | null;
  listId: string | null;
}

export interface NewAccount {
  userId: string;
  serverUrl: string;
  username: string;
  password: string;
  homeUrl: string;
  calendars: readonly NewCalendar[];
}

export interface StatusChange {
  state: SyncState;
  /** Set when a sync finished without error. */
  lastSyncAt?: string;
  /** null clears it; undefined leaves it. */
  lastError?: SyncErrorInfo | null;
}

interface AccountRow {
  id: string;
  user_id: string;
  kind: 'caldav';
  server_url: string;
  username: string;
  home_url: string;
  password_sealed: string;
  state: SyncState;
  last_sync_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_at: string | null;
  created_at: string;
  updated_at: string;
}

interface CalendarRow {
  id: string;
  account_id: string;
  user_id: string;
  url: string;
  name: string;
  color: string | null;
  list_id: string | null;
  sync_token: string | null;
  created_at: string;
}

type Params = Record<string, string | number | null>;

function toAccount(row: AccountRow): SyncAccountRecord {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    serverUrl: row.server_url,
    username: row.username,
    homeUrl: row.home_url,
    state: row.state,
    lastSyncAt: row.last_sync_at,
    lastError:
      row.last_error_code !== null
        ? { code: row.last_error_code, message: row.last_error_message ?? '', at: row.last_error_at ?? '' }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toLink(row: CalendarRow): CalendarLink {
  return {
    id: row.id,
    accountId: row.account_id,
    userId: row.user_id,
    url: row.url,
    name: row.name,
    color: row.color,
    listId: row.list_id,
    syncToken: row.sync_token,
  };
}

const ACCOUNT_COLUMNS =
  'id, user_id, kind, server_url, username, home_url, password_sealed, state, last_sync_at, last_error_code, ' +
  'last_error_message, last_error_at, created_at, updated_at';
const CALENDAR_COLUMNS = 'id, account_id, user_id, url, name, color, list_id, sync_token, created_at';

export class SyncAccountRepository {
  private readonly byUser: Statement<Params, AccountRow>;
  private readonly one: Statement<Params, AccountRow>;
  private readonly sameLogin: Statement<Params, number>;
  private readonly countOfUser: Statement<Params, number>;
  private readonly insertAccount: Statement<Params>;
  private readonly insertCalendar: Statement<Params>;
  private readonly calendarsOf: Statement<Params, CalendarRow>;
  private readonly calendarByUrl: Statement<Params, CalendarRow>;
  private readonly calendarByList: Statement<Params, CalendarRow>;
  private readonly deleteCalendar: Statement<Params>;
  private readonly setList: Statement<Params>;
  private readonly setToken: Statement<Params>;
  private readonly setStatusStmt: Statement<Params>;
  private readonly setErrorStmt: Statement<Params>;
  private readonly deleteAccount: Statement<Params>;

  constructor(
    db: SqliteDatabase,
    private readonly writes: WriteQueue,
    private readonly sealer: PasswordSealer,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.byUser = db.prepare(
      `SELECT ${ACCOUNT_COLUMNS} FROM sync_account WHERE user_id = @userId ORDER BY created_at, id`,
    );
    this.one = db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM sync_account WHERE id = @id AND user_id = @userId`);
    this.sameLogin = db
      .prepare<Params, number>(
        `SELECT count(*) FROM sync_account WHERE user_id = @userId AND server_url = @serverUrl AND username = @username`,
      )
      .pluck();
    this.countOfUser = db
      .prepare<Params, number>(`SELECT count(*) FROM sync_account WHERE user_id = @userId`)
      .pluck();
    this.insertAccount = db.prepare(
      `INSERT INTO sync_account (id, user_id, kind, server_url, username, home_url, password_sealed, state,
         created_at, updated_at)
       VALUES (@id, @userId, 'caldav', @serverUrl, @username, @homeUrl, @sealed, 'idle', @now, @now)`,
    );
    this.insertCalendar = db.prepare(
      `INSERT INTO sync_calendar (id, account_id, user_id, url, name, color, list_id, sync_token, created_at)
       VALUES (@id, @accountId, @userId, @url, @name, @color, @listId, NULL, @now)`,
    );
    this.calendarsOf = db.prepare(
      `SELECT ${CALENDAR_COLUMNS} FROM sync_calendar WHERE account_id = @accountId ORDER BY name, url`,
    );
    this.calendarByUrl = db.prepare(
      `SELECT ${CALENDAR_COLUMNS} FROM sync_calendar WHERE account_id = @accountId AND url = @url`,
    );
    this.calendarByList = db.prepare(
      `SELECT ${CALENDAR_COLUMNS} FROM sync_calendar WHERE user_id = @userId AND list_id = @listId`,
    );
    this.deleteCalendar = db.prepare(`DELETE FROM sync_calendar WHERE id = @id`);
    this.setList = db.prepare(`UPDATE sync_calendar SET list_id = @listId WHERE id = @id AND list_id IS NULL`);
    this.setToken = db.prepare(`UPDATE sync_calendar SET sync_token = @token WHERE id = @id`);
    this.setStatusStmt = db.prepare(
      `UPDATE sync_account SET state = @state, last_sync_at = coalesce(@lastSyncAt, last_sync_at), updated_at = @now
       WHERE id = @id`,
    );
    this.setErrorStmt = db.prepare(
      `UPDATE sync_account SET last_error_code = @code, last_error_message = @message, last_error_at = @at
       WHERE id = @id`,
    );
    this.deleteAccount = db.prepare(`DELETE FROM sync_account WHERE id = @id AND user_id = @userId`);
  }

  list(userId: string): SyncAccountRecord[] {
    return this.byUser.all({ userId }).map(toAccount);
  }

  get(userId: string, id: string): SyncAccountRecord | null {
    const row = this.one.get({ id, userId });
    return row ? toAccount(row) : null;
  }

  /** The account with its password opened, for the CalDAV client only. null when the user has no such account. */
  async getAccountWithSecret(userId: string, id: string): Promise<SyncAccountWithSecret | null> {
    const row = this.one.get({ id, userId });
    if (!row) return null;
    return { ...toAccount(row), password: await this.sealer.open(row.password_sealed) };
  }

  /** Whether the user already has an account for this login on this server. */
  hasLogin(userId: string, serverUrl: string, username: string): boolean {
    return this.sameLogin.get({ userId, serverUrl, username })! > 0;
  }

  count(userId: string): number {
    return this.countOfUser.get({ userId })!;
  }

  /** Every calendar of the account that can hold tasks, linked or not, by name. */
  listLinks(accountId: string): CalendarLink[] {
    return this.calendarsOf.all({ accountId }).map(toLink);
  }

  calendar(accountId: string, url: string): CalendarLink | null {
    const row = this.calendarByUrl.get({ accountId, url });
    return row ? toLink(row) : null;
  }

  /** The calendar (of any of the user's accounts) a list syncs with, or null. */
  linkOfList(userId: string, listId: string): CalendarLink | null {
    const row = this.calendarByList.get({ userId, listId });
    return row ? toLink(row) : null;
  }

  /** Stores a new account (its password sealed first) with its calendars, in one transaction. */
  async create(input: NewAccount): Promise<SyncAccountRecord> {
    const sealed = await this.sealer.seal(input.password);
    return this.writes.run(() => {
      const id = uuidv7();
      const now = this.now().toISOString();
      this.insertAccount.run({
        id,
        userId: input.userId,
        serverUrl: input.serverUrl,
        username: input.username,
        homeUrl: input.homeUrl,
        sealed,
        now,
      });
      for (const calendar of input.calendars) this.insertCalendarRow(id, input.userId, calendar, now);
      return toAccount(this.one.get({ id, userId: input.userId })!);
    });
  }

  /** Adds a calendar (made by MKCALENDAR, or found on the server later); returns its link. */
  addCalendar(account: SyncAccountRecord, calendar: NewCalendar): Promise<CalendarLink> {
    return this.writes.run(() => {
      this.insertCalendarRow(account.id, account.userId, calendar, this.now().toISOString());
      return toLink(this.calendarByUrl.get({ accountId: account.id, url: calendar.url })!);
    });
  }

  /** Links a known, unlinked calendar to a list; false when it is linked already (a race lost). */
  linkCalendar(calendarId: string, listId: string): Promise<boolean> {
    return this.writes.run(() => this.setList.run({ id: calendarId, listId }).changes > 0);
  }

  /**
   * Unlinks the list from the account's calendar: the row is replaced by an unlinked one with a new id (what was
   * kept for the old link goes with it). false when the list is not linked in this account.
   */
  unlinkList(accountId: string, listId: string): Promise<boolean> {
    return this.writes.run(() => {
      const row = this.calendarsOf.all({ accountId }).find((c) => c.list_id === listId);
      if (!row) return false;
      this.deleteCalendar.run({ id: row.id });
      this.insertCalendarRow(
        accountId,
        row.user_id,
        { url: row.url, name: row.name, color: row.color, listId: null },
        this.now().toISOString(),
      );
      return true;
    });
  }

  setSyncToken(calendarId: string, token: string | null): Promise<void> {
    return this.writes.run(() => {
      this.setToken.run({ id: calendarId, token });
    });
  }

  setStatus(accountId: string, change: StatusChange): Promise<void> {
    return this.writes.run(() => {
      this.setStatusStmt.run({
        id: accountId,
        state: change.state,
        lastSyncAt: change.lastSyncAt ?? null,
        now: this.now().toISOString(),
      });
      if (change.lastError !== undefined) {
        this.setErrorStmt.run({
          id: accountId,
          code: change.lastError?.code ?? null,
          message: change.lastError?.message ?? null,
          at: change.lastError?.at ?? null,
        });
      }
    });
  }

  /** Forgets the account, its sealed password and every link (cascade); lists and tasks stay. */
  delete(userId: string, id: string): Promise<boolean> {
    return this.writes.run(() => this.deleteAccount.run({ id, userId }).changes > 0);
  }

  private insertCalendarRow(accountId: string, userId: string, calendar: NewCalendar, now: string): void {
    this.insertCalendar.run({
      id: uuidv7(),
      accountId,
      userId,
      url: calendar.url,
      name: calendar.name,
      color: calendar.color,
      listId: calendar.listId,
      now,
    });
  }
}
