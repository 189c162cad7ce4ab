// The sync engine against real Radicale and Xandikos (issue 18 §3, §5): another client writes VTODOs the way
// tasks.org, Thunderbird and Nextcloud Tasks do; the engine pulls them (sync-collection, and the full listing when
// the token is refused), pushes local changes with If-None-Match / If-Match, and keeps what it does not understand.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRadicale, startXandikos, type CaldavServer } from '../test-support/caldav-servers.ts';
import { startEngineHost, USER, type EngineHost } from './test-support/engine-host.ts';
import { fixtureResources, OtherClient, plainTodo } from './test-support/other-client.ts';

describe.each([
  ['Radicale', startRadicale],
  ['Xandikos', startXandikos],
])('sync engine against %s', (_name, startServer) => {
  let server: CaldavServer;
  let other: OtherClient;
  let host: EngineHost;
  let calendarUrl: string;
  let listId: string;
  let calendarId: string;

  beforeAll(async () => {
    server = await startServer();
    other = new OtherClient(server);
  }, 40_000);
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(async () => {
    host = await startEngineHost(server);
    calendarUrl = await other.makeCalendar('Tasks');
    ({ listId, calendarId } = await host.link(calendarUrl, 'Tasks'));
  });
  afterEach(async () => {
    await host.close();
  });

  const titles = (): string[] => host.tasks({ listId }).map((t) => t.title).sort();

  it('pulls what tasks.org, Thunderbird and Nextcloud Tasks wrote, once, keeping their UIDs', async () => {
    const resources = [
      ...fixtureResources('tasks-org'),
      ...fixtureResources('thunderbird'),
      ...fixtureResources('nextcloud-tasks'),
    ];
    for (const resource of resources) {
      expect((await other.put(`${calendarUrl}${encodeURIComponent(resource.uid)}.ics`, resource.text)).status).toBe(201);
    }
    const first = await host.sync();
    expect(first.errors).toEqual([]);
    expect(first.pulled).toBe(resources.length);
    expect(host.backups).toBe(1);
    const tasks = host.tasks({ listId });
    expect(tasks).toHaveLength(resources.length);
    // tasks.org's subtasks (RELATED-TO without RELTYPE) and Nextcloud's (RELTYPE=PARENT) sit under their parents.
    const byUid = new Map(
      tasks.map((t) => [host.engine.state.byTask(host.accountId, t.id)?.uid, t] as const),
    );
    expect([...byUid.keys()].sort()).toEqual(resources.map((r) => r.uid).sort());
    expect(byUid.get('2262712083417046006')?.parentId).toBe(byUid.get('5120437951847315219')?.id);
    expect(byUid.get('b7e1c5d4-2a3f-4e6d-8c9b-1f0e2d3c4b5a')?.parentId).toBe(
      byUid.get('a6d0b4c3-1f2e-4d5c-9b8a-7e6f5d4c3b2a')?.id,
    );
    // Thunderbird's completed RECURRENCE-ID occurrence is a completion of the series, not a second task.
    const plants = tasks.filter((t) => t.title === 'Water the plants');
    expect(plants).toHaveLength(1);
    expect(plants[0]!.dueAt).toBe('2026-12-02T17:00:00.000Z');

    const again = await host.sync();
    expect(again).toMatchObject({ pulled: 0, pushed: 0, deleted: 0, conflicts: 0, errors: [] });
    expect(host.tasks({ listId })).toHaveLength(resources.length);
    expect(host.backups).toBe(1);
  });

  it('pushes a task made here with UID = its id, and an edit with If-Match that keeps what other apps wrote', async () => {
    const task = await host.create({ title: 'Buy milk', listId, priority: 'high' });
    expect((await host.sync()).pushed).toBe(1);
    const href = `${calendarUrl}${task.id}.ics`;
    const created = await other.get(href);
    expect(created.status).toBe(200);
    expect(created.text).toContain(`UID:${task.id}`);
    expect(created.text).toContain('PRIORITY:1');

    // Another app adds a property of its own; this app edits the title: the property survives.
    const withExtra = created.text.replace('END:VTODO', 'X-OTHER-APP-COLOR:teal\r\nEND:VTODO');
    expect((await other.put(href, withExtra, { 'If-Match': created.etag! })).status).toBeLessThan(300);
    expect((await host.sync()).pulled).toBe(0); // nothing that travels changed
    await host.repo.patch(USER, task.id, { title: 'Buy oat milk' });
    expect((await host.sync()).pushed).toBe(1);
    const edited = await other.get(href);
    expect(edited.text).toContain('SUMMARY:Buy oat milk');
    expect(edited.text).toContain('X-OTHER-APP-COLOR:teal');
  });

  it('puts a task deleted on the server in the Trash (restorable), and deletes on the server what was deleted here', async () => {
    await other.put(`${calendarUrl}a.ics`, plainTodo('uid-a', 'Remote A'));
    await other.put(`${calendarUrl}b.ics`, plainTodo('uid-b', 'Remote B'));
    await host.sync();
    expect(titles()).toEqual(['Remote A', 'Remote B']);

    expect(await other.delete(`${calendarUrl}a.ics`)).toBeLessThan(300);
    const pulled = await host.sync();
    expect(pulled.deleted).toBe(1);
    expect(titles()).toEqual(['Remote B']);
    const trashed = host.tasks({ status: 'deleted' });
    expect(trashed.map((t) => t.title)).toEqual(['Remote A']);
    expect(await host.repo.restore(USER, trashed[0]!.id)).not.toBeNull();

    const b = host.tasks({ listId }).find((t) => t.title === 'Remote B')!;
    await host.repo.delete(USER, b.id);
    const pushed = await host.sync();
    expect(pushed.deleted).toBe(1);
    expect((await other.get(`${calendarUrl}b.ics`)).status).toBe(404);
    // Restored Remote A is not on the server any more: it goes back as a task made here.
    expect((await other.texts(calendarUrl)).some((t) => t.includes('SUMMARY:Remote A'))).toBe(true);
  });

  it('merges per field: edits of different fields on both sides are both kept', async () => {
    await other.put(`${calendarUrl}m.ics`, plainTodo('uid-m', 'Original', ['PRIORITY:0']));
    await host.sync();
    const task = host.tasks({ listId })[0]!;
    await host.repo.patch(USER, task.id, { priority: 'high' });
    const current = await other.get(`${calendarUrl}m.ics`);
    await other.put(`${calendarUrl}m.ics`, current.text.replace('SUMMARY:Original', 'SUMMARY:Renamed there'));
    const report = await host.sync();
    expect(report.conflicts).toBe(0);
    expect(host.repo.get(USER, task.id)).toMatchObject({ title: 'Renamed there', priority: 'high' });
    const server = await other.get(`${calendarUrl}m.ics`);
    expect(server.text).toContain('SUMMARY:Renamed there');
    expect(server.text).toContain('PRIORITY:1');
  });

  it('merges per field: the same field changed on both sides takes the later change and keeps the other', async () => {
    await other.put(`${calendarUrl}c.ics`, plainTodo('uid-c', 'Original'));
    await host.sync();
    const task = host.tasks({ listId })[0]!;
    await host.repo.patch(USER, task.id, { title: 'Changed here' });
    // The server's edit is dated after the local one (LAST-MODIFIED in the future of the local updatedAt).
    await other.put(`${calendarUrl}c.ics`, plainTodo('uid-c', 'Changed there', [], '29990101T000000Z'));
    const report = await host.sync();
    expect(report.conflicts).toBe(1);
    expect(host.repo.get(USER, task.id)?.title).toBe('Changed there');
    expect(host.engine.conflicts(USER, 10)).toEqual([
      expect.objectContaining({ taskId: task.id, field: 'title', kept: 'Changed there', lost: 'Changed here', keptFrom: 'remote' }),
    ]);
  });

  it('falls back to the full listing when the sync token is refused, with no duplicates', async () => {
    await other.put(`${calendarUrl}t1.ics`, plainTodo('uid-t1', 'One'));
    await host.sync();
    expect(host.target().calendars[0]?.syncToken).toBeTruthy();
    await host.accounts.setSyncToken(calendarId, `${calendarUrl}sync/not-a-token`);
    await other.put(`${calendarUrl}t2.ics`, plainTodo('uid-t2', 'Two'));
    const report = await host.sync();
    expect(report.errors).toEqual([]);
    expect(titles()).toEqual(['One', 'Two']);
  });
});
