// Test support: one app's side of a sync without the HTTP API: a real database in a temporary directory, the task
// repository, a sync account with its calendar links (the accounts repository, migration 011) and the sync engine
// over them. Each sync reads the account's links afresh, as the route does (their sync tokens change).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  listQuery,
  taskCreate,
  type ListQueryInput,
  type Task,
  type TaskCreateInput,
} from '../../../../src-shared/task-schemas.ts';
import { DatabaseService } from '../../../db/database-service.ts';
import { noEvents } from '../../../events/event-publisher.ts';
import { TaskRepository } from '../../../tasks/task-repository.ts';
import { SyncAccountRepository } from '../../accounts/account-repository.ts';
import type { PasswordSealer } from '../../accounts/password-sealer.ts';
import type { CaldavServer } from '../../test-support/caldav-servers.ts';
import { SyncEngine } from '../sync-engine.ts';
import type { CalendarLink, SyncHooks, SyncReport, SyncRunOptions, SyncTarget } from '../sync-types.ts';

export const USER = 'user-ada';

/** Not a seal: these tests are about the engine, not about the password at rest. */
const plainSealer: PasswordSealer = {
  backend: 'auth-secret',
  seal: (password) => Promise.resolve(password),
  open: (sealed) => Promise.resolve(sealed),
};

export interface EngineHost {
  repo: TaskRepository;
  engine: SyncEngine;
  accounts: SyncAccountRepository;
  accountId: string;
  database: DatabaseService;
  backups: number;
  link(calendarUrl: string, listName: string): Promise<CalendarLink>;
  target(): SyncTarget;
  sync(options?: SyncRunOptions, hooks?: SyncHooks): Promise<SyncReport>;
  create(input: TaskCreateInput): Promise<Task>;
  tasks(query?: ListQueryInput): Task[];
  close(): Promise<void>;
}

export async function startEngineHost(
  server: CaldavServer,
  options: { now?: () => Date; dataDir?: string } = {},
): Promise<EngineHost> {
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tasks-sync-'));
  const database = new DatabaseService(dir);
  await database.start();
  const repo = new TaskRepository(database.sqlite, database.writes, options.now);
  const accounts = new SyncAccountRepository(database.sqlite, database.writes, plainSealer);
  const account =
    accounts.list(USER)[0] ??
    (await accounts.create({
      userId: USER,
      serverUrl: server.baseUrl,
      username: server.username,
      password: server.password,
      homeUrl: server.homeUrl,
      calendars: [],
    }));
  const host: EngineHost = {
    repo,
    accounts,
    accountId: account.id,
    database,
    backups: 0,
    engine: new SyncEngine({
      db: database.sqlite,
      writes: database.writes,
      repo,
      events: noEvents,
      backUp: () => {
        host.backups += 1;
        return Promise.resolve();
      },
      saveSyncToken: (calendarId, token) => accounts.setSyncToken(calendarId, token),
      ...(options.now ? { now: options.now } : {}),
    }),
    async link(calendarUrl, listName) {
      const list = await repo.lists.create(USER, { name: listName, color: null });
      const link = await accounts.addCalendar(account, { url: calendarUrl, name: listName, color: null, listId: list.id });
      return { calendarId: link.id, calendarUrl, listId: list.id, syncToken: null };
    },
    target: () => ({
      userId: USER,
      accountId: account.id,
      credentials: { username: server.username, password: server.password },
      calendars: accounts.listLinks(account.id).flatMap((link) =>
        link.listId === null
          ? []
          : [{ calendarId: link.id, calendarUrl: link.url, listId: link.listId, syncToken: link.syncToken }],
      ),
    }),
    sync: (runOptions, hooks) => host.engine.sync(host.target(), runOptions, hooks),
    create: (input) => repo.create(USER, taskCreate.parse(input)),
    tasks: (query = {}) => repo.list(USER, listQuery.parse({ limit: 200, ...query })).items,
    async close() {
      await database.stop();
      if (options.dataDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
  return host;
}
