// Connecting a sync account when something is wrong (issue 18 §1): each failure is a 422 with its code and a message
// that says which (refused, DNS, TLS), nothing is stored; scopes (tasks:read reads, tasks:write for the rest); the
// password never appears in a log line, an API answer, an export, or in plain text in the database, its WAL or a
// backup; and a fuzz of every route: never a 5xx, always the one error shape.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncAccount, SyncAccountList } from '../../../src-shared/sync/account-schemas.ts';
import { createJsonLogger } from '../../core/logger.ts';
import { userClient, type UserClient } from '../../testing/api-client.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../../testing/test-core.ts';
import { startRadicale, type CaldavServer } from '../test-support/caldav-servers.ts';
import { mkcalendar, touchHome } from '../test-support/dav-client.ts';

let radicale: CaldavServer;
let test: TestCore;
const logLines: string[] = [];
const small: Server[] = [];
let notDav: string;
let closed: string;

const listen = (handler: Parameters<typeof createServer>[1]): Promise<string> =>
  new Promise((resolve) => {
    const s = createServer(handler);
    small.push(s);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
    });
  });

beforeAll(async () => {
  [radicale, test] = await Promise.all([
    startRadicale(),
    startTestCore({ logger: createJsonLogger((line) => logLines.push(line)) }),
  ]);
  await touchHome(radicale);
  expect(await mkcalendar(radicale, 'tasks', 'Tasks', ['VTODO'])).toBe(201);
  notDav = await listen((_req, res) => res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not here</h1>'));
  closed = await listen(() => undefined);
  await new Promise((resolve) => small.pop()!.close(resolve));
}, 60_000);
afterAll(async () => {
  await test?.close();
  await radicale?.stop();
  await Promise.all(small.map((s) => new Promise((resolve) => s.close(resolve))));
});

const connect = (client: UserClient, user: TestUser, fields: Record<string, unknown>) =>
  client.call('POST', `/api/${user.id}/sync/accounts`, { kind: 'caldav', username: 'ada', password: 'pw', ...fields });

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

describe('connecting fails clearly and stores nothing', () => {
  it('names each failure', async () => {
    const user = await signUp(test, 'Fails');
    const client = userClient(test, user);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ serverUrl: radicale.baseUrl, username: radicale.username, password: 'wrong horse' }, 'SYNC_AUTH_FAILED', /refused the user name or password/],
      [{ serverUrl: 'http://cloud.example.com/remote.php/dav' }, 'SYNC_INSECURE_URL', /only to this machine/],
      [{ serverUrl: 'ftp://127.0.0.1/' }, 'SYNC_INSECURE_URL', /https/],
      [{ serverUrl: closed }, 'SYNC_UNREACHABLE', /refused the connection/],
      [{ serverUrl: 'https://no-such-host.invalid/' }, 'SYNC_UNREACHABLE', /not found \(DNS\)/],
      // https to a server that speaks plain HTTP: the TLS handshake fails.
      [{ serverUrl: notDav.replace('http:', 'https:') }, 'SYNC_UNREACHABLE', /TLS/],
      [{ serverUrl: notDav }, 'SYNC_NOT_CALDAV', /no CalDAV calendar home/],
    ];
    for (const [fields, code, message] of cases) {
      const seen = await errorOf(await connect(client, user, fields));
      expect(seen, JSON.stringify(fields)).toMatchObject({ status: 422, code });
      expect(seen.message, code).toMatch(message);
      expect(seen.message).not.toContain('wrong horse');
    }
    expect((await client.json<SyncAccountList>('GET', `/api/${user.id}/sync/accounts`, undefined, 200)).items).toEqual([]);
    const lists = await client.json<{ items: { name: string }[] }>('GET', `/api/${user.id}/lists`, undefined, 200);
    expect(lists.items.map((l) => l.name)).toEqual(['Inbox']);
  });

  it('validates the body: kind, control characters, a ":" in the user name, sizes', async () => {
    const user = await signUp(test, 'Body');
    const client = userClient(test, user);
    for (const body of [
      {},
      { kind: 'carddav', serverUrl: radicale.baseUrl, username: 'a', password: 'b' },
      { kind: 'caldav', serverUrl: radicale.baseUrl, username: 'a:b', password: 'b' },
      { kind: 'caldav', serverUrl: radicale.baseUrl, username: 'a\u0000', password: 'b' },
      { kind: 'caldav', serverUrl: radicale.baseUrl, username: 'a', password: 'line\nbreak' },
      { kind: 'caldav', serverUrl: radicale.baseUrl, username: 'a', password: '' },
      { kind: 'caldav', serverUrl: 'x'.repeat(3000), username: 'a', password: 'b' },
      { kind: 'caldav', serverUrl: radicale.baseUrl, username: 'a', password: 'b', extra: true },
      { kind: 'caldav', serverUrl: radicale.baseUrl, username: 'a', password: 'b', linkCalendars: 'yes' },
    ]) {
      const seen = await errorOf(await client.call('POST', `/api/${user.id}/sync/accounts`, body));
      expect(seen, JSON.stringify(body)).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
    }
  });
});

describe('OpenAPI', () => {
  it('describes every sync account route with its schemas', async () => {
    const doc = (await (await test.api('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    const methods = (path: string) => Object.keys(doc.paths[path] ?? {}).filter((k) => k !== 'parameters').sort();
    expect(methods('/api/{userId}/sync/accounts')).toEqual(['get', 'post']);
    expect(methods('/api/{userId}/sync/accounts/{id}')).toEqual(['delete', 'get']);
    expect(methods('/api/{userId}/sync/accounts/{id}/lists')).toEqual(['post']);
    expect(methods('/api/{userId}/sync/accounts/{id}/lists/{listId}')).toEqual(['delete']);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['SyncAccountCreate', 'SyncAccount', 'SyncAccountList', 'SyncListLink', 'SyncCalendar']),
    );
    expect(JSON.stringify(doc.components.schemas.SyncAccount)).not.toContain('password');
  });
});

describe('scopes', () => {
  it('tasks:read reads accounts and status; adding, linking and removing need tasks:write', async () => {
    const user = await signUp(test, 'Scopes');
    const client = userClient(test, user);
    const account = await client.json<SyncAccount>(
      'POST',
      `/api/${user.id}/sync/accounts`,
      { kind: 'caldav', serverUrl: radicale.baseUrl, username: radicale.username, password: radicale.password },
      201,
    );
    const token = async (scopes: string[]) =>
      (
        await client.json<{ token: string }>('POST', `/api/${user.id}/tokens`, { name: scopes.join(), scopes, expiresInDays: 1 }, 201)
      ).token;
    const reader = await token(['tasks:read']);
    const writer = await token(['tasks:read', 'tasks:write']);
    const as = (secret: string, method: string, path: string, body?: unknown) =>
      test.api(path, {
        method,
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const base = `/api/${user.id}/sync/accounts`;
    expect((await as(reader, 'GET', base)).status).toBe(200);
    expect((await as(reader, 'GET', `${base}/${account.id}`)).status).toBe(200);
    const listId = account.calendars[0]!.listId!;
    for (const [method, path, body] of [
      ['POST', base, { kind: 'caldav', serverUrl: radicale.baseUrl, username: 'x', password: 'y' }],
      ['POST', `${base}/${account.id}/lists`, { calendarUrl: account.calendars[0]!.url }],
      ['DELETE', `${base}/${account.id}/lists/${listId}`, undefined],
      ['DELETE', `${base}/${account.id}`, undefined],
    ] as const) {
      const seen = await errorOf(await as(reader, method, path, body));
      expect(seen, `${method} ${path}`).toMatchObject({ status: 403, code: 'INSUFFICIENT_SCOPE' });
    }
    expect((await as(writer, 'DELETE', `${base}/${account.id}/lists/${listId}`)).status).toBe(204);
    expect((await as(writer, 'DELETE', `${base}/${account.id}`)).status).toBe(204);
  });
});

describe('the password never leaves', () => {
  it('is in no log line, API answer, export, or plain in the database, its WAL or a backup', async () => {
    const user = await signUp(test, 'Leak');
    const client = userClient(test, user);
    const answers: string[] = [];
    const record = async (response: Response) => {
      answers.push(await response.text());
      return answers.at(-1)!;
    };
    const base = `/api/${user.id}/sync/accounts`;
    const body = { kind: 'caldav', serverUrl: radicale.baseUrl, username: radicale.username, password: radicale.password };
    const account = JSON.parse(await record(await client.call('POST', base, body))) as SyncAccount;
    await record(await client.call('POST', base, body)); // 409
    await record(await client.call('POST', base, { ...body, password: `${radicale.password}!` })); // 409 too
    await record(await client.call('GET', base));
    await record(await client.call('GET', `${base}/${account.id}`));
    const list = JSON.parse(await record(await client.call('POST', `/api/${user.id}/lists`, { name: 'Pushed' }))) as { id: string };
    await record(await client.call('POST', `${base}/${account.id}/lists`, { listId: list.id }));
    for (const format of ['json', 'csv', 'ical']) await record(await client.call('GET', `/api/${user.id}/export?format=${format}`));
    await record(await client.call('GET', '/api/openapi.json'));
    await test.core.backups.backUpNow();
    expect(answers.length).toBe(11);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.some((line) => line.includes('sync account connected'))).toBe(true);

    const secret = radicale.password;
    const forms = [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret), Buffer.from(`${radicale.username}:${secret}`).toString('base64')];
    for (const form of forms) {
      for (const answer of answers) expect(answer).not.toContain(form);
      for (const line of logLines) expect(line).not.toContain(form);
    }
    const files = [
      join(test.dir, 'tasks.db'),
      join(test.dir, 'tasks.db-wal'),
      ...readdirSync(join(test.dir, 'backups')).map((name) => join(test.dir, 'backups', name)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue; // the WAL may have been checkpointed away
      }
      for (const form of forms) expect(bytes.includes(Buffer.from(form)), `${file} holds the password`).toBe(false);
    }
  });
});

describe('fuzz', () => {
  let user: TestUser;
  let client: UserClient;
  let accountId: string;
  let listIds: string[];

  beforeAll(async () => {
    user = await signUp(test, 'Fuzz');
    client = userClient(test, user);
    const account = await client.json<SyncAccount>(
      'POST',
      `/api/${user.id}/sync/accounts`,
      { kind: 'caldav', serverUrl: radicale.baseUrl, username: radicale.username, password: radicale.password },
      201,
    );
    accountId = account.id;
    listIds = account.calendars.map((c) => c.listId!);
  });

  it('never answers 5xx, always the one error shape, and leaves the account as it was', async () => {
    const before = await client.json<SyncAccount>('GET', `/api/${user.id}/sync/accounts/${accountId}`, undefined, 200);
    const anyId = fc.oneof(
      fc.constant(accountId),
      fc.constant('no-such-id'),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', '..', '%00', 'x'.repeat(300), '💥', "'; DROP TABLE sync_account; --"),
    );
    const anyValue: fc.Arbitrary<unknown> = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.string({ maxLength: 40 }),
      fc.constantFrom(closed, notDav, 'http://10.0.0.1/', 'javascript:alert(1)', `${radicale.homeUrl}tasks/`, 'https://[::1'),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
    );
    const body = fc.dictionary(
      fc.constantFrom('kind', 'serverUrl', 'username', 'password', 'linkCalendars', 'listId', 'calendarUrl', 'x'),
      anyValue,
      { maxKeys: 6 },
    );
    const request = fc.record({
      route: fc.constantFrom('accounts', 'account', 'lists', 'list'),
      method: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH'),
      id: anyId,
      listId: fc.oneof(anyId, fc.constant('keep')),
      body: fc.oneof(body, fc.constant('not json'), fc.constant(undefined)),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ route, method, id, listId, body: sent }) => {
        // Never the account's own links or the account itself: what must not change below.
        if (method === 'DELETE' && id === accountId && route !== 'lists') return;
        const base = `/api/${user.id}/sync/accounts`;
        const path = {
          accounts: base,
          account: `${base}/${encodeURIComponent(id)}`,
          lists: `${base}/${encodeURIComponent(id)}/lists`,
          list: `${base}/${encodeURIComponent(id)}/lists/${encodeURIComponent(listId === 'keep' ? 'other' : listId)}`,
        }[route];
        const response = await test.api(path, {
          method,
          headers: user.headers,
          body: sent === undefined || method === 'GET' ? undefined : typeof sent === 'string' ? sent : JSON.stringify(sent),
        });
        expect(response.status, `${method} ${path}`).toBeLessThan(500);
        if (response.status >= 400) {
          const answer = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
          expect(typeof answer.error?.code).toBe('string');
          expect(typeof answer.error?.message).toBe('string');
        } else {
          await response.arrayBuffer();
        }
      }),
      { numRuns: 120 },
    );
    const after = await client.json<SyncAccount>('GET', `/api/${user.id}/sync/accounts/${accountId}`, undefined, 200);
    // The fuzz may link a calendar it found unlinked, never unlink or move these.
    for (const calendar of before.calendars) {
      expect(after.calendars.find((c) => c.url === calendar.url)?.listId).toBe(calendar.listId);
    }
    expect(listIds.length).toBeGreaterThan(0);
  }, 120_000);
});
