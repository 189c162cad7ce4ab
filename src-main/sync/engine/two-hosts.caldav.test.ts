// Two app instances (two data directories) on one CalDAV account, against real Radicale and Xandikos (issue 18 §5):
// edits of different fields on each are both kept; the same field: the later wins and the other is in the
// conflicts; delete on one while editing on the other; completing a recurring task on one.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '../../../src-shared/task-schemas.ts';
import { startRadicale, startXandikos, type CaldavServer } from '../test-support/caldav-servers.ts';
import { startEngineHost, USER, type EngineHost } from './test-support/engine-host.ts';
import { OtherClient } from './test-support/other-client.ts';

describe.each([
  ['Radicale', startRadicale],
  ['Xandikos', startXandikos],
])('two hosts on one account against %s', (_name, startServer) => {
  let server: CaldavServer;
  let other: OtherClient;
  let a: EngineHost;
  let b: EngineHost;
  let listA: string;
  let listB: string;
  // Each host's clock moves on with every write, B's always after A's: which change is later is never a tie.
  let tick = Date.parse('2026-12-01T08:00:00.000Z');
  const clock = () => new Date((tick += 1000));

  beforeAll(async () => {
    server = await startServer();
    other = new OtherClient(server);
  }, 40_000);
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(async () => {
    const calendarUrl = await other.makeCalendar('Shared');
    a = await startEngineHost(server, { now: clock });
    b = await startEngineHost(server, { now: clock });
    listA = (await a.link(calendarUrl, 'Shared')).listId;
    listB = (await b.link(calendarUrl, 'Shared')).listId;
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  /** A task made on A and synced to B: its id on each. */
  async function shared(input: Parameters<EngineHost['create']>[0]): Promise<{ onA: Task; onB: Task }> {
    const onA = await a.create({ ...input, listId: listA });
    await a.sync();
    await b.sync();
    const onB = b.tasks({ listId: listB }).find((t) => t.title === onA.title)!;
    expect(onB).toBeDefined();
    return { onA, onB };
  }

  it('keeps edits of different fields made on each host', async () => {
    const { onA, onB } = await shared({ title: 'Book flights' });
    await a.repo.patch(USER, onA.id, { priority: 'high' });
    await b.repo.patch(USER, onB.id, { description: 'Window seat', tags: ['travel'] });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const [host, id] of [[a, onA.id], [b, onB.id]] as const) {
      expect(host.repo.get(USER, id)).toMatchObject({ priority: 'high', description: 'Window seat', tags: ['travel'] });
      expect(host.engine.conflicts(USER, 10)).toEqual([]);
    }
  });

  it('gives the same field to the later edit and keeps the other in the conflicts', async () => {
    const { onA, onB } = await shared({ title: 'Call the plumber' });
    await a.repo.patch(USER, onA.id, { title: 'Call the plumber at 9' });
    await b.repo.patch(USER, onB.id, { title: 'Call the plumber tomorrow' }); // later (B's clock tick)
    await a.sync();
    const report = await b.sync();
    expect(report.conflicts).toBe(1);
    await a.sync();
    expect(a.repo.get(USER, onA.id)?.title).toBe('Call the plumber tomorrow');
    expect(b.repo.get(USER, onB.id)?.title).toBe('Call the plumber tomorrow');
    expect(b.engine.conflicts(USER, 10)).toEqual([
      expect.objectContaining({
        taskId: onB.id,
        field: 'title',
        kept: 'Call the plumber tomorrow',
        lost: 'Call the plumber at 9',
        keptFrom: 'local',
      }),
    ]);
  });

  it('an edit on one host wins over a delete on the other', async () => {
    const { onA, onB } = await shared({ title: 'Renew passport' });
    await a.repo.delete(USER, onA.id);
    await b.repo.patch(USER, onB.id, { title: 'Renew passport before June' });
    await b.sync(); // the edit reaches the server first
    await a.sync(); // A's delete meets a changed copy (412): the edit wins, A's task comes back from its Trash
    await b.sync();
    expect(a.repo.get(USER, onA.id)?.title).toBe('Renew passport before June');
    expect(b.repo.get(USER, onB.id)?.title).toBe('Renew passport before June');
  });

  it('a delete on one host puts the task in the Trash on the other', async () => {
    const { onA, onB } = await shared({ title: 'Old idea' });
    await a.repo.delete(USER, onA.id);
    await a.sync();
    expect((await b.sync()).deleted).toBe(1);
    expect(b.repo.get(USER, onB.id)).toBeNull();
    expect(b.tasks({ status: 'deleted' }).map((t) => t.id)).toEqual([onB.id]);
  });

  it('completing a recurring task on one host moves it to its next occurrence on both', async () => {
    const { onA, onB } = await shared({
      title: 'Water the plants',
      dueDate: '2026-12-07',
      recurrence: { rrule: 'FREQ=WEEKLY', from: 'due' },
    });
    await a.repo.setCompleted(USER, onA.id, true, 'UTC', '2026-12-07');
    expect(a.repo.get(USER, onA.id)?.dueDate).toBe('2026-12-14');
    await a.sync();
    await b.sync();
    expect(b.repo.get(USER, onB.id)).toMatchObject({ dueDate: '2026-12-14', completed: false });
    expect(b.tasks({ listId: listB })).toHaveLength(1);
    expect(await a.sync()).toMatchObject({ pulled: 0, pushed: 0 });
  });

  it('a subtree moved on one host to a list on another calendar arrives there on the other', async () => {
    const workUrl = await other.makeCalendar('Work');
    const workA = (await a.link(workUrl, 'Work')).listId;
    const workB = (await b.link(workUrl, 'Work')).listId;
    const { onA } = await shared({ title: 'Launch' });
    await a.create({ title: 'Write notes', parentId: onA.id });
    await a.sync();
    await b.sync();
    await a.repo.move(USER, onA.id, { listId: workA });
    await a.sync();
    await b.sync();
    expect(b.tasks({ listId: listB })).toEqual([]);
    const moved = b.tasks({ listId: workB });
    expect(moved.map((t) => t.title).sort()).toEqual(['Launch', 'Write notes']);
    const parent = moved.find((t) => t.title === 'Launch')!;
    expect(moved.find((t) => t.title === 'Write notes')?.parentId).toBe(parent.id);
    expect(b.tasks({ status: 'deleted' })).toEqual([]); // found by UID, not deleted and made again
  });
});
