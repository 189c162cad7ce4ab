// The sync account routes over real HTTP against real Radicale and Xandikos (issue 18 §1): connecting discovers and
// links calendars by name, the three ways of linking a list (MKCALENDAR checked on the server by another client),
// unlinking and disconnecting touch neither the local lists nor the server, and another user sees nothing (404 on
// its own path, 403 on the owner's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { List } from '../../../src-shared/list-schemas.ts';
import type { SyncAccount, SyncAccountList, SyncCalendar } from '../../../src-shared/sync/account-schemas.ts';
import { userClient, type UserClient } from '../../testing/api-client.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../../testing/test-core.ts';
import { startRadicale, startXandikos, type CaldavServer } from '../test-support/caldav-servers.ts';
import { calendarNames, mkcalendar, touchHome } from '../test-support/dav-client.ts';

describe.each([
  ['Radicale', startRadicale],
  ['Xandikos', startXandikos],
])('sync accounts against %s', (_name, startServer) => {
  let server: CaldavServer;
  let test: TestCore;
  let ada: TestUser;
  let client: UserClient;
  let account: SyncAccount;
  let workList: List;
  const base = () => `/api/${ada.id}/sync/accounts`;

  beforeAll(async () => {
    [server, test] = await Promise.all([startServer(), startTestCore()]);
    await touchHome(server);
    // Written by another client (as Thunderbird or DAVx5 would), before the app connects.
    expect(await mkcalendar(server, 'work', 'Work', ['VTODO'])).toBe(201);
    expect(await mkcalendar(server, 'errands', 'Errands', ['VTODO', 'VEVENT'])).toBe(201);
    expect(await mkcalendar(server, 'spare', 'Spare', ['VTODO'])).toBe(201);
    ada = await signUp(test, 'Ada');
    client = userClient(test, ada);
    // Same name as a server calendar, another case: it is linked, not doubled.
    workList = await client.json<List>('POST', `/api/${ada.id}/lists`, { name: 'WORK' }, 201);
  }, 60_000);
  afterAll(async () => {
    await test?.close();
    await server?.stop();
  });

  it('connects: finds the calendars, links each to the list of its name (ignoring case) or a new one', async () => {
    const response = await client.call('POST', base(), {
      kind: 'caldav',
      serverUrl: server.baseUrl,
      username: server.username,
      password: server.password,
    });
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toContain(server.password);
    account = JSON.parse(text) as SyncAccount;
    expect(Object.keys(account).sort()).toEqual(['calendars', 'id', 'kind', 'serverUrl', 'status', 'username']);
    expect(account).toMatchObject({ kind: 'caldav', serverUrl: server.baseUrl, username: server.username });
    expect(account.status).toEqual({ state: 'idle', lastSyncAt: null, lastError: null, pendingChanges: 0 });
    const byName = new Map(account.calendars.map((c) => [c.name, c]));
    expect([...byName.keys()].sort()).toEqual(['Errands', 'Spare', 'Work']);
    expect(byName.get('Work')).toEqual({
      url: `${server.homeUrl}work/`,
      name: 'Work',
      // Xandikos keeps no colour given at MKCALENDAR.
      color: server.kind === 'radicale' ? '#3366cc' : null,
      listId: workList.id,
    });
    const lists = await client.json<{ items: List[] }>('GET', `/api/${ada.id}/lists`, undefined, 200);
    const listNames = new Map(lists.items.map((l) => [l.id, l.name]));
    expect(listNames.get(byName.get('Errands')!.listId!)).toBe('Errands');
    expect(listNames.get(byName.get('Spare')!.listId!)).toBe('Spare');
    expect(lists.items.filter((l) => l.name.toLowerCase() === 'work')).toHaveLength(1);

    expect((await client.json<SyncAccountList>('GET', base(), undefined, 200)).items).toEqual([account]);
    expect(await client.json<SyncAccount>('GET', `${base()}/${account.id}`, undefined, 200)).toEqual(account);
    // The same login twice would link every calendar twice.
    const again = await client.error(
      'POST',
      base(),
      { kind: 'caldav', serverUrl: server.baseUrl, username: server.username, password: server.password },
      409,
    );
    expect(again.code).toBe('SYNC_ACCOUNT_EXISTS');
  });

  it('counts local changes in linked lists as pending', async () => {
    const errands = account.calendars.find((c) => c.name === 'Errands')!.listId!;
    await client.json('POST', `/api/${ada.id}/tasks`, { title: 'Buy stamps', listId: errands }, 201);
    await client.json('POST', `/api/${ada.id}/tasks`, { title: 'Not synced' }, 201); // the Inbox is not linked
    const seen = await client.json<SyncAccount>('GET', `${base()}/${account.id}`, undefined, 200);
    expect(seen.status.pendingChanges).toBe(1);
  });

  it('links lists three ways, refuses a second link for either side, and unlinks keeping both copies', async () => {
    const lists = `${base()}/${account.id}/lists`;
    // { listId }: a new calendar on the server named like the list.
    const garden = await client.json<List>('POST', `/api/${ada.id}/lists`, { name: 'Garden & <Yard>', color: '#22aa55' }, 201);
    const pushed = await client.json<SyncCalendar>('POST', lists, { listId: garden.id }, 201);
    expect(pushed).toMatchObject({ name: 'Garden & <Yard>', listId: garden.id });
    expect(pushed.url.startsWith(server.homeUrl)).toBe(true);
    expect((await calendarNames(server)).get(pushed.url)).toBe('Garden & <Yard>');

    // Unlink Spare, then link it to another list by URL, then make a list for it by URL alone.
    const spare = account.calendars.find((c) => c.name === 'Spare')!;
    const spareList = spare.listId!;
    expect((await client.call('DELETE', `${lists}/${spareList}`)).status).toBe(204);
    expect((await client.call('DELETE', `${lists}/${spareList}`)).status).toBe(404);
    let seen = await client.json<SyncAccount>('GET', `${base()}/${account.id}`, undefined, 200);
    expect(seen.calendars.find((c) => c.url === spare.url)?.listId).toBeNull();
    expect((await client.call('GET', `/api/${ada.id}/lists`).then((r) => r.json()) as { items: List[] }).items.some((l) => l.id === spareList)).toBe(true);
    expect((await calendarNames(server)).has(spare.url)).toBe(true);

    const other = await client.json<List>('POST', `/api/${ada.id}/lists`, { name: 'Someday' }, 201);
    expect(await client.json<SyncCalendar>('POST', lists, { listId: other.id, calendarUrl: spare.url }, 201)).toEqual({
      ...spare,
      listId: other.id,
    });
    expect((await client.error('POST', lists, { listId: other.id }, 409)).code).toBe('SYNC_LIST_LINKED');
    expect((await client.error('POST', lists, { calendarUrl: spare.url }, 409)).code).toBe('SYNC_CALENDAR_LINKED');
    expect((await client.call('DELETE', `${lists}/${other.id}`)).status).toBe(204);
    const fresh = await client.json<SyncCalendar>('POST', lists, { calendarUrl: spare.url }, 201);
    expect(fresh.listId).not.toBeNull();
    expect(fresh.listId).not.toBe(spareList); // "Spare" exists (unlinked): the new one is "Spare (2)"
    const made = await client.json<{ items: List[] }>('GET', `/api/${ada.id}/lists`, undefined, 200);
    expect(made.items.find((l) => l.id === fresh.listId)?.name).toBe('Spare (2)');

    // A calendar made on the server after connecting is found when asked for by URL.
    expect(await mkcalendar(server, 'later', 'Later', ['VTODO'])).toBe(201);
    expect(await client.json<SyncCalendar>('POST', lists, { calendarUrl: `${server.homeUrl}later/` }, 201)).toMatchObject({
      name: 'Later',
    });
    const notOurs = await client.error('POST', lists, { calendarUrl: `${server.homeUrl}nothing-here/` }, 422);
    expect(notOurs.details?.[0]?.path).toBe('calendarUrl');
    expect((await client.error('POST', lists, { listId: 'no-such-list' }, 404)).code).toBe('NOT_FOUND');
    seen = await client.json<SyncAccount>('GET', `${base()}/${account.id}`, undefined, 200);
    expect(seen.calendars.map((c) => c.name).sort()).toEqual(['Errands', 'Garden & <Yard>', 'Later', 'Spare', 'Work']);
  });

  it('keeps another user out: 404 on its own path, 403 on the owner\'s', async () => {
    const bob = await signUp(test, 'Bob');
    const asBob = userClient(test, bob);
    const own = `/api/${bob.id}/sync/accounts/${account.id}`;
    expect((await asBob.call('GET', own)).status).toBe(404);
    expect((await asBob.call('DELETE', own)).status).toBe(404);
    expect((await asBob.call('POST', `${own}/lists`, { calendarUrl: account.calendars[0]!.url })).status).toBe(404);
    expect((await asBob.call('DELETE', `${own}/lists/${workList.id}`)).status).toBe(404);
    expect((await asBob.json<SyncAccountList>('GET', `/api/${bob.id}/sync/accounts`, undefined, 200)).items).toEqual([]);
    for (const [method, path] of [
      ['GET', base()],
      ['GET', `${base()}/${account.id}`],
      ['DELETE', `${base()}/${account.id}`],
      ['DELETE', `${base()}/${account.id}/lists/${workList.id}`],
    ] as const) {
      expect((await asBob.call(method, path)).status, `${method} ${path}`).toBe(403);
    }
    // Bob may connect the same server login for himself, without linking.
    const his = await asBob.json<SyncAccount>(
      'POST',
      `/api/${bob.id}/sync/accounts`,
      { kind: 'caldav', serverUrl: server.homeUrl, username: server.username, password: server.password, linkCalendars: false },
      201,
    );
    expect(his.calendars.length).toBeGreaterThanOrEqual(3);
    expect(his.calendars.every((c) => c.listId === null)).toBe(true);
    expect((await asBob.json<{ items: List[] }>('GET', `/api/${bob.id}/lists`, undefined, 200)).items.map((l) => l.name)).toEqual(['Inbox']);
  });

  it('disconnects: forgets the account and its password; lists, tasks and the server stay as they are', async () => {
    const listsBefore = await client.json<{ items: List[] }>('GET', `/api/${ada.id}/lists`, undefined, 200);
    const calendarsBefore = await calendarNames(server);
    expect((await client.call('DELETE', `${base()}/${account.id}`)).status).toBe(204);
    expect((await client.call('GET', `${base()}/${account.id}`)).status).toBe(404);
    expect((await client.call('DELETE', `${base()}/${account.id}`)).status).toBe(404);
    expect(await client.json<{ items: List[] }>('GET', `/api/${ada.id}/lists`, undefined, 200)).toEqual(listsBefore);
    expect(await calendarNames(server)).toEqual(calendarsBefore);
  });
});
