// The engine's promises about never losing or duplicating a write (issue 18 §3), against real Radicale and
// Xandikos: a crash between a PUT and its local commit, or in the middle of a pull (failure hooks stand in for the
// kill), is recognised by the next sync; the delete guard holds back a mass deletion until confirmed; a task moved
// with its subtree to a list on another calendar is created there and deleted from the old one; a Thunderbird-style
// completion of one occurrence of a recurring task advances it here.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRadicale, startXandikos, type CaldavServer } from '../test-support/caldav-servers.ts';
import { DELETE_GUARD_MIN } from './deletions.ts';
import { startEngineHost, USER, type EngineHost } from './test-support/engine-host.ts';
import { OtherClient, plainTodo } from './test-support/other-client.ts';

class Crash extends Error {}

describe.each([
  ['Radicale', startRadicale],
  ['Xandikos', startXandikos],
])('sync safety against %s', (_name, startServer) => {
  let server: CaldavServer;
  let other: OtherClient;
  let host: EngineHost;
  let calendarUrl: string;
  let listId: string;

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
    ({ listId } = await host.link(calendarUrl, 'Tasks'));
  });
  afterEach(async () => {
    await host.close();
  });

  it('a crash between the PUT and its local commit neither duplicates nor loses the task', async () => {
    const task = await host.create({ title: 'Made here', listId });
    await expect(
      host.sync({}, { afterPut: () => { throw new Crash('killed after the PUT'); } }),
    ).rejects.toBeInstanceOf(Crash);
    expect(await other.members(calendarUrl)).toHaveLength(1); // the server has it; nothing local says so
    expect(host.engine.state.byTask(host.accountId, task.id)).toBeNull();
    await host.repo.patch(USER, task.id, { title: 'Made here, then edited' });

    const report = await host.sync();
    expect(report.errors).toEqual([]);
    expect(host.tasks({ listId }).map((t) => t.title)).toEqual(['Made here, then edited']);
    const texts = await other.texts(calendarUrl);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(`UID:${task.id}`);
    expect(texts[0]).toContain('SUMMARY:Made here\\, then edited');
    expect(await host.sync()).toMatchObject({ pulled: 0, pushed: 0 });
  });

  it('a crash in the middle of a pull leaves no duplicate and the next sync takes the rest', async () => {
    for (let i = 0; i < 6; i++) await other.put(`${calendarUrl}p${i}.ics`, plainTodo(`uid-p${i}`, `Pulled ${i}`));
    let commits = 0;
    await expect(
      host.sync({}, {
        afterPullCommit: () => {
          if (++commits === 3) throw new Crash('killed mid-pull');
        },
      }),
    ).rejects.toBeInstanceOf(Crash);
    const partial = host.tasks({ listId }).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThanOrEqual(6);
    await host.sync();
    expect(host.tasks({ listId }).map((t) => t.title).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `Pulled ${i}`));
    expect(await other.members(calendarUrl)).toHaveLength(6);
  });

  it('holds back a sync that would delete more than half of a list (and more than 10) until confirmed', async () => {
    const count = DELETE_GUARD_MIN + 2;
    for (let i = 0; i < count; i++) await other.put(`${calendarUrl}d${i}.ics`, plainTodo(`uid-d${i}`, `Task ${i}`));
    await host.sync();
    expect(host.tasks({ listId })).toHaveLength(count);
    for (let i = 0; i < count; i++) await other.delete(`${calendarUrl}d${i}.ics`);

    const held = await host.sync();
    expect(held).toMatchObject({ state: 'needs-confirmation', deleted: 0 });
    expect(host.tasks({ listId })).toHaveLength(count);
    expect((await host.sync()).state).toBe('needs-confirmation'); // still held: the token did not move past them

    const confirmed = await host.sync({ confirmDeletes: true });
    expect(confirmed).toMatchObject({ state: 'idle', deleted: count });
    expect(host.tasks({ listId })).toHaveLength(0);
    expect(host.tasks({ status: 'deleted' })).toHaveLength(count);
  });

  it('a few deletions go through without asking', async () => {
    for (let i = 0; i < 3; i++) await other.put(`${calendarUrl}f${i}.ics`, plainTodo(`uid-f${i}`, `Task ${i}`));
    await host.sync();
    for (let i = 0; i < 3; i++) await other.delete(`${calendarUrl}f${i}.ics`);
    expect(await host.sync()).toMatchObject({ state: 'idle', deleted: 3 });
  });

  it('moves a task with its subtree to a list on another calendar: created there, then deleted from the old one', async () => {
    const otherUrl = await other.makeCalendar('Work');
    const { listId: workId } = await host.link(otherUrl, 'Work');
    const parent = await host.create({ title: 'Parent', listId });
    const child = await host.create({ title: 'Child', parentId: parent.id });
    await host.sync();
    expect(await other.members(calendarUrl)).toHaveLength(2);

    await host.repo.move(USER, parent.id, { listId: workId });
    const report = await host.sync();
    expect(report.errors).toEqual([]);
    expect(await other.members(calendarUrl)).toHaveLength(0);
    const moved = await other.texts(otherUrl);
    expect(moved).toHaveLength(2);
    const childText = moved.find((t) => t.includes('SUMMARY:Child'))!;
    expect(childText).toContain(`UID:${child.id}`);
    expect(childText).toMatch(new RegExp(`RELATED-TO;RELTYPE=PARENT:${parent.id}`));
    expect(host.tasks({ listId: workId }).map((t) => t.title).sort()).toEqual(['Child', 'Parent']);
    expect(await host.sync()).toMatchObject({ pulled: 0, pushed: 0, deleted: 0 });
  });

  it('understands a completed occurrence another client adds to a recurring task (Thunderbird), once', async () => {
    const task = await host.create({ title: 'Standup', listId, dueDate: '2026-12-07', recurrence: { rrule: 'FREQ=DAILY', from: 'due' } });
    await host.sync();
    const href = `${calendarUrl}${task.id}.ics`;
    const current = await other.get(href);
    const occurrence = [
      'BEGIN:VTODO',
      `UID:${task.id}`,
      'DTSTAMP:20261207T090000Z',
      'RECURRENCE-ID;VALUE=DATE:20261207',
      'DUE;VALUE=DATE:20261207',
      'SUMMARY:Standup',
      'STATUS:COMPLETED',
      'COMPLETED:20261207T090000Z',
      'END:VTODO',
      'END:VCALENDAR',
    ].join('\r\n');
    const completed = current.text.replace(/END:VCALENDAR\s*$/, `${occurrence}\r\n`);
    expect((await other.put(href, completed, { 'If-Match': current.etag! })).status).toBeLessThan(300);
    await host.sync();
    const tasks = host.tasks({ listId });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ id: task.id, dueDate: '2026-12-08', completed: false });
    expect(await host.sync()).toMatchObject({ pulled: 0, pushed: 0 });
  });
});
