// Connecting a CalDAV account and linking its calendars to local lists (issue 18 §1). Discovery is
// src-main/sync/caldav-discovery.ts; what is stored, account-repository.ts. A calendar is linked to the live list
// of the same name (ignoring case) that syncs with nothing yet, else to a new list; one list syncs with one calendar.
// Deleting an account forgets its password and links; no local list or task and nothing on the server is touched.
import { uuidv7 } from 'uuidv7';
import { LIST_NAME_MAX, type List } from '../../../src-shared/list-schemas.ts';
import {
  SYNC_ACCOUNTS_PER_USER_MAX,
  type SyncAccount,
  type SyncAccountCreate,
  type SyncCalendar,
  type SyncListLink,
} from '../../../src-shared/sync/account-schemas.ts';
import type { Logger } from '../../core/logger.ts';
import { missing, RuleError } from '../../core/rule-error.ts';
import { listNameKey, type ListRepository } from '../../lists/list-repository.ts';
import { discoverCalendars, type DiscoveredCalendar } from '../caldav-discovery.ts';
import { checkServerUrl, SyncError } from '../caldav-http.ts';
import type { CalendarLink, SyncAccountRecord, SyncAccountRepository } from './account-repository.ts';
import { makeCalendar } from './make-calendar.ts';
import { PasswordUnavailable } from './password-sealer.ts';
import type { PendingChanges } from './pending-changes.ts';

/** "#rrggbb" from a server's calendar-color ("#RRGGBB" or Apple's "#RRGGBBAA"), else null. */
export function listColorOf(color: string | null): string | null {
  const match = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(color?.trim() ?? '');
  return match ? `#${match[1]!.toLowerCase()}` : null;
}

function calendarView(link: CalendarLink): SyncCalendar {
  return { url: link.url, name: link.name, color: link.color, listId: link.listId };
}

/** A CalDAV failure as the API's error (its code is one of the API's codes). */
function asRuleError(error: unknown): unknown {
  if (error instanceof SyncError) return new RuleError(error.code, error.message);
  if (error instanceof PasswordUnavailable) return new RuleError('SYNC_AUTH_FAILED', error.message);
  return error;
}

async function orRuleError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asRuleError(error);
  }
}

export interface SyncAccountServiceOptions {
  accounts: SyncAccountRepository;
  lists: ListRepository;
  pending: PendingChanges;
  logger: Logger;
}

export class SyncAccountService {
  private readonly accounts: SyncAccountRepository;
  private readonly lists: ListRepository;
  private readonly pending: PendingChanges;
  private readonly logger: Logger;

  constructor(options: SyncAccountServiceOptions) {
    this.accounts = options.accounts;
    this.lists = options.lists;
    this.pending = options.pending;
    this.logger = options.logger;
  }

  view(account: SyncAccountRecord): SyncAccount {
    return {
      id: account.id,
      kind: account.kind,
      serverUrl: account.serverUrl,
      username: account.username,
      calendars: this.accounts.listLinks(account.id).map(calendarView),
      status: {
        state: account.state,
        lastSyncAt: account.lastSyncAt,
        lastError: account.lastError,
        pendingChanges: this.pending.count(account),
      },
    };
  }

  list(userId: string): SyncAccount[] {
    return this.accounts.list(userId).map((account) => this.view(account));
  }

  get(userId: string, id: string): SyncAccount | null {
    const account = this.accounts.get(userId, id);
    return account ? this.view(account) : null;
  }

  /** Discovers the calendars, checks the credentials, stores the account and links its calendars. */
  async connect(userId: string, input: SyncAccountCreate): Promise<SyncAccount> {
    // Before any connection: a plain-http URL to another machine is refused here.
    const serverUrl = await orRuleError(() => Promise.resolve(checkServerUrl(input.serverUrl).href));
    if (this.accounts.count(userId) >= SYNC_ACCOUNTS_PER_USER_MAX) {
      throw new RuleError('VALIDATION_FAILED', `An account can have at most ${SYNC_ACCOUNTS_PER_USER_MAX} sync accounts.`);
    }
    if (this.accounts.hasLogin(userId, serverUrl, input.username)) {
      throw new RuleError('SYNC_ACCOUNT_EXISTS', `${input.username} on ${new URL(serverUrl).host} is connected already.`);
    }
    const credentials = { username: input.username, password: input.password };
    const found = await orRuleError(() => discoverCalendars(serverUrl, credentials));
    const seen = new Set<string>();
    const calendars = found.calendars.filter((c) => !seen.has(c.url) && seen.add(c.url));
    const taken = new Set<string>();
    const linked = [];
    for (const calendar of calendars) {
      const listId = input.linkCalendars ? (await this.listFor(userId, calendar, taken)).id : null;
      if (listId) taken.add(listId);
      linked.push({ url: calendar.url, name: calendar.name, color: listColorOf(calendar.color), listId });
    }
    const account = await this.accounts.create({
      userId,
      serverUrl,
      username: input.username,
      password: input.password,
      homeUrl: found.homeUrl,
      calendars: linked,
    });
    this.logger.info('sync account connected', {
      userId,
      accountId: account.id,
      host: new URL(serverUrl).host,
      calendars: linked.length,
      linked: taken.size,
    });
    return this.view(account);
  }

  /** POST .../lists: push a list to a new calendar, link a list and a calendar, or make a list for a calendar. */
  async link(userId: string, accountId: string, input: SyncListLink): Promise<SyncCalendar> {
    const account = this.accounts.get(userId, accountId);
    if (!account) throw missing('Sync account');
    const list = input.listId !== undefined ? this.lists.requireLive(userId, input.listId) : null;
    if (list && this.accounts.linkOfList(userId, list.id)) {
      throw new RuleError('SYNC_LIST_LINKED', `"${list.name}" syncs with a calendar already; unlink it first.`, [
        { path: 'listId', message: 'This list is linked already.' },
      ]);
    }
    if (input.calendarUrl === undefined) return this.pushList(account, list!);
    const calendar = await this.knownCalendar(account, input.calendarUrl);
    if (calendar.listId !== null) {
      throw new RuleError('SYNC_CALENDAR_LINKED', `The calendar "${calendar.name}" syncs with another list already.`, [
        { path: 'calendarUrl', message: 'This calendar is linked already.' },
      ]);
    }
    const target = list ?? (await this.newListFor(userId, calendar.name, calendar.color));
    if (!(await this.accounts.linkCalendar(calendar.id, target.id))) {
      throw new RuleError('SYNC_CALENDAR_LINKED', `The calendar "${calendar.name}" syncs with another list already.`);
    }
    this.logger.info('sync list linked', { userId, accountId, listId: target.id });
    return { ...calendarView(calendar), listId: target.id };
  }

  /** DELETE .../lists/{listId}: both copies stay. */
  async unlink(userId: string, accountId: string, listId: string): Promise<void> {
    if (!this.accounts.get(userId, accountId)) throw missing('Sync account');
    if (!(await this.accounts.unlinkList(accountId, listId))) throw missing('Linked list');
    this.logger.info('sync list unlinked', { userId, accountId, listId });
  }

  /** Forgets the account, its password and its links. */
  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.accounts.delete(userId, id))) throw missing('Sync account');
    this.logger.info('sync account removed', { userId, accountId: id });
  }

  private async pushList(account: SyncAccountRecord, list: List): Promise<SyncCalendar> {
    const withSecret = await orRuleError(async () => (await this.accounts.getAccountWithSecret(account.userId, account.id))!);
    const made = await orRuleError(() =>
      makeCalendar(account.homeUrl, uuidv7(), list.name, list.color, {
        username: withSecret.username,
        password: withSecret.password,
      }),
    );
    const link = await this.accounts.addCalendar(account, {
      url: made.url,
      name: list.name,
      color: made.colorSet ? list.color : null,
      listId: list.id,
    });
    this.logger.info('sync calendar made for list', { userId: account.userId, accountId: account.id, listId: list.id });
    return calendarView(link);
  }

  /** One of the account's calendars; asks the server again when the URL is not known yet (a calendar made since). */
  private async knownCalendar(account: SyncAccountRecord, text: string): Promise<CalendarLink> {
    let url: string;
    try {
      url = new URL(text).href;
    } catch {
      url = text;
    }
    const known = this.accounts.calendar(account.id, url);
    if (known) return known;
    const withSecret = await orRuleError(async () => (await this.accounts.getAccountWithSecret(account.userId, account.id))!);
    const found = await orRuleError(() =>
      discoverCalendars(account.homeUrl, { username: withSecret.username, password: withSecret.password }),
    );
    const fresh = found.calendars.find((c) => c.url === url);
    if (!fresh) {
      throw new RuleError('VALIDATION_FAILED', 'The request body is not valid.', [
        { path: 'calendarUrl', message: 'Not a calendar of this account that can hold tasks.' },
      ]);
    }
    return this.accounts.addCalendar(account, { ...fresh, color: listColorOf(fresh.color), listId: null });
  }

  /** The live list of the calendar's name that syncs with nothing, else a new one. */
  private async listFor(userId: string, calendar: DiscoveredCalendar, taken: ReadonlySet<string>): Promise<List> {
    const key = listNameKey(calendar.name.trim().slice(0, LIST_NAME_MAX));
    const existing = (await this.lists.all(userId, 'active')).find(
      (list) => listNameKey(list.name) === key && !taken.has(list.id) && !this.accounts.linkOfList(userId, list.id),
    );
    return existing ?? this.newListFor(userId, calendar.name, listColorOf(calendar.color));
  }

  /** A new list named after the calendar; " (2)", " (3)"... when a list of that name exists (it syncs elsewhere). */
  private async newListFor(userId: string, calendarName: string, color: string | null): Promise<List> {
    const base = calendarName.trim().slice(0, LIST_NAME_MAX - 5) || 'Calendar';
    for (let n = 1; ; n++) {
      const name = n === 1 ? base : `${base} (${n})`;
      try {
        return await this.lists.create(userId, { name, color });
      } catch (error) {
        if (!(error instanceof RuleError && error.code === 'LIST_NAME_TAKEN') || n >= 50) throw error;
      }
    }
  }
}
