// The server is untrusted input (issue 18 §3): malformed or oversized answers, a redirect to another host and a
// 10 MB VTODO give clear errors, and nothing local is damaged (the tasks already synced stay as they are).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LISTING_MAX_BYTES } from './calendar-client.ts';
import { startEngineHost, type EngineHost } from './test-support/engine-host.ts';
import { startHostileServer, type HostileServer } from './test-support/hostile-server.ts';
import { plainTodo } from './test-support/other-client.ts';

let server: HostileServer;
let host: EngineHost;
let listId: string;

beforeEach(async () => {
  server = await startHostileServer();
  const base = new URL(server.calendarUrl);
  host = await startEngineHost({
    kind: 'radicale',
    baseUrl: base.origin + '/',
    homeUrl: base.origin + '/',
    username: 'ada',
    password: 'pw',
    stop: () => Promise.resolve(),
  });
  ({ listId } = await host.link(server.calendarUrl, 'Tasks'));
  server.resources.set('/cal/a.ics', plainTodo('uid-a', 'Already here'));
  expect((await host.sync()).pulled).toBe(1);
});
afterEach(async () => {
  await host.close();
  await server.close();
});

const titles = () => host.tasks({ listId }).map((t) => t.title).sort();

describe('a hostile or broken CalDAV server', () => {
  it('answers that are not XML: a clear error, the local tasks untouched', async () => {
    server.override = (_req, res) => {
      res.writeHead(207, { 'Content-Type': 'application/xml' });
      res.end('<d:multistatus><d:response><not xml');
    };
    const report = await host.sync();
    expect(report.errors).toEqual([expect.objectContaining({ code: 'SYNC_NOT_CALDAV' })]);
    expect(report.errors[0]?.message).toMatch(/not XML|multistatus/);
    expect(titles()).toEqual(['Already here']);
    expect(host.tasks({ status: 'deleted' })).toEqual([]);
  });

  it('a redirect to another host is refused', async () => {
    server.override = (_req, res) => {
      res.writeHead(301, { Location: 'http://127.0.0.2:9/cal/' });
      res.end();
    };
    const report = await host.sync();
    expect(report.errors).toEqual([expect.objectContaining({ code: 'SYNC_UNREACHABLE' })]);
    expect(report.errors[0]?.message).toContain('another host');
    expect(titles()).toEqual(['Already here']);
  });

  it(`a listing over ${LISTING_MAX_BYTES / 1024 / 1024} MiB is refused without reading it all`, async () => {
    server.override = (_req, res) => {
      res.writeHead(207, { 'Content-Type': 'application/xml' });
      const chunk = '<d:response><d:href>/cal/x.ics</d:href></d:response>'.repeat(20_000);
      let sent = 0;
      const more = (): void => {
        while (sent <= LISTING_MAX_BYTES + chunk.length) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', more);
            return;
          }
        }
        res.end();
      };
      res.on('error', () => {});
      more();
    };
    const report = await host.sync();
    expect(report.errors).toEqual([expect.objectContaining({ code: 'SYNC_NOT_CALDAV' })]);
    expect(report.errors[0]?.message).toContain('over');
    expect(titles()).toEqual(['Already here']);
  });

  it('a 10 MB VTODO is reported as too large while the rest of the calendar syncs', async () => {
    server.resources.set('/cal/huge.ics', plainTodo('uid-huge', 'Huge', [`DESCRIPTION:${'x'.repeat(10 * 1024 * 1024)}`]));
    server.resources.set('/cal/b.ics', plainTodo('uid-b', 'Small'));
    const report = await host.sync();
    expect(report.errors).toEqual([
      expect.objectContaining({ href: `${server.calendarUrl}huge.ics`, code: 'SYNC_RESOURCE_TOO_LARGE' }),
    ]);
    expect(titles()).toEqual(['Already here', 'Small']);
  });

  it('a resource that is not iCalendar is reported, the others sync', async () => {
    server.resources.set('/cal/bad.ics', 'BEGIN:VCALENDAR\r\nthis is : not ; a line\r\n');
    server.resources.set('/cal/c.ics', plainTodo('uid-c', 'Fine'));
    const report = await host.sync();
    expect(report.errors).toEqual([expect.objectContaining({ href: `${server.calendarUrl}bad.ics`, code: 'SYNC_RESOURCE_UNREADABLE' })]);
    expect(titles()).toEqual(['Already here', 'Fine']);
  });
});
