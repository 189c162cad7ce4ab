// CalDAV discovery against real Radicale and Xandikos on loopback ports; the calendars are made by another client
// (plain HTTP MKCALENDAR, as Thunderbird or DAVx5 would), and the network rules (http only to loopback, redirects
// within the origin, bounded responses) against small servers that break them.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverCalendars } from './caldav-discovery.ts';
import { checkServerUrl, RESPONSE_MAX_BYTES, SyncError } from './caldav-http.ts';
import { startRadicale, startXandikos, type CaldavServer } from './test-support/caldav-servers.ts';

function mkcalendar(
  server: CaldavServer,
  url: string,
  name: string,
  components: string[],
): Promise<Response> {
  const comps = components.map((c) => `<c:comp name="${c}"/>`).join('');
  return fetch(url, {
    method: 'MKCALENDAR',
    headers: {
      Authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`,
      'Content-Type': 'application/xml; charset=utf-8',
    },
    body: `<?xml version="1.0" encoding="utf-8"?>
<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:a="http://apple.com/ns/ical/"><d:set><d:prop>
<d:displayname>${name}</d:displayname><a:calendar-color>#3366CC</a:calendar-color>
<c:supported-calendar-component-set>${comps}</c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>`,
  });
}

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('expected a SyncError');
}

// Xandikos does not take a component set or a colour at MKCALENDAR (it answers 404 for those properties): all its
// calendars hold VTODOs, so there the VEVENT-only one is listed too; Radicale keeps both and the filter shows.
describe.each([
  ['Radicale', startRadicale, ['Tasks', 'Work']],
  ['Xandikos', startXandikos, ['Events', 'Tasks', 'Work']],
])('discovery against %s', (_name, startServer, withTodos) => {
  let server: CaldavServer;
  let tasksUrl: string;

  beforeAll(async () => {
    server = await startServer();
    const credentials = { username: server.username, password: server.password };
    // Radicale makes the user's home on the first authenticated request; Xandikos with --autocreate.
    await fetch(server.homeUrl, {
      method: 'PROPFIND',
      headers: {
        Depth: '0',
        Authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`,
      },
    }).then((r) => r.arrayBuffer());
    tasksUrl = `${server.homeUrl}tasks/`;
    expect((await mkcalendar(server, tasksUrl, 'Tasks', ['VTODO'])).status).toBe(201);
    expect((await mkcalendar(server, `${server.homeUrl}both/`, 'Work', ['VEVENT', 'VTODO'])).status).toBe(
      201,
    );
    expect((await mkcalendar(server, `${server.homeUrl}events/`, 'Events', ['VEVENT'])).status).toBe(201);
  }, 40_000);
  afterAll(async () => {
    await server?.stop();
  });

  const credentials = () => ({ username: server.username, password: server.password });

  it('finds the principal, the home and the calendars that hold VTODOs from the server root', async () => {
    const found = await discoverCalendars(server.baseUrl, credentials());
    expect(found.homeUrl).toBe(server.homeUrl);
    expect(found.calendars.map((c) => c.name).sort()).toEqual(withTodos);
    expect(found.calendars.find((c) => c.name === 'Tasks')).toMatchObject({ url: tasksUrl });
    const color = found.calendars.find((c) => c.name === 'Tasks')?.color ?? null;
    if (server.kind === 'radicale') expect(color?.toUpperCase()).toMatch(/^#3366CC/);
    else expect(color).toBeNull();
  });

  it('takes a calendar home or a calendar URL as the server URL too', async () => {
    expect(
      (await discoverCalendars(server.homeUrl, credentials())).calendars.map((c) => c.name).sort(),
    ).toEqual(withTodos);
    expect(await discoverCalendars(tasksUrl, credentials())).toMatchObject({
      calendars: [{ url: tasksUrl, name: 'Tasks' }],
    });
  });
});

describe('credentials and the network', () => {
  let radicale: CaldavServer;
  const small: Server[] = [];
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
    radicale = await startRadicale();
  }, 40_000);
  afterAll(async () => {
    await radicale?.stop();
    await Promise.all(small.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('says SYNC_AUTH_FAILED for a wrong password (Radicale answers 401)', async () => {
    const error = await failure(
      discoverCalendars(radicale.baseUrl, { username: radicale.username, password: 'wrong' }),
    );
    expect(error.code).toBe('SYNC_AUTH_FAILED');
    expect(error.message).not.toContain('wrong');
  });

  it('refuses plain http:// to anything but loopback before connecting', () => {
    for (const url of [
      'http://cloud.example.com/remote.php/dav',
      'http://10.0.0.5/',
      'ftp://127.0.0.1/',
      'not a url',
    ]) {
      expect(() => checkServerUrl(url), url).toThrow(SyncError);
      try {
        checkServerUrl(url);
      } catch (error) {
        expect((error as SyncError).code).toBe('SYNC_INSECURE_URL');
      }
    }
    for (const url of [
      'https://cloud.example.com/',
      'http://127.0.0.1:5232/',
      'http://localhost/',
      'http://[::1]:8080/',
    ]) {
      expect(checkServerUrl(url).href).toBe(new URL(url).href);
    }
  });

  it('says SYNC_UNREACHABLE with the reason for a closed port', async () => {
    const closed = await listen(() => undefined);
    await new Promise((resolve) => small.pop()!.close(resolve));
    const error = await failure(discoverCalendars(closed, { username: 'a', password: 'b' }));
    expect(error).toMatchObject({ code: 'SYNC_UNREACHABLE' });
    expect(error.message).toMatch(/refused the connection/);
  });

  it('refuses a redirect to another host, and says SYNC_NOT_CALDAV for a server without a calendar home', async () => {
    let asked = 0;
    const target = await listen((_req, res) => {
      asked += 1;
      res.writeHead(207).end('<multistatus xmlns="DAV:"/>');
    });
    // 127.0.0.2 is loopback too, but another origin: the password must not follow the redirect.
    const redirecting = await listen((_req, res) =>
      res.writeHead(301, { Location: target.replace('127.0.0.1', '127.0.0.2') }).end(),
    );
    const error = await failure(discoverCalendars(redirecting, { username: 'a', password: 'b' }));
    expect(error.code).toBe('SYNC_UNREACHABLE');
    expect(error.message).toMatch(/redirected to another host/);
    expect(asked).toBe(0);
    expect((await failure(discoverCalendars(target, { username: 'a', password: 'b' }))).code).toBe(
      'SYNC_NOT_CALDAV',
    );
  });

  it('stops reading a response over the bound', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    let sent = 0;
    const huge = await listen((_req, res) => {
      res.writeHead(207, { 'Content-Type': 'application/xml' });
      const write = (): void => {
        while (sent < RESPONSE_MAX_BYTES * 4) {
          sent += chunk.byteLength;
          if (!res.write(chunk)) {
            res.once('drain', write);
            return;
          }
        }
        res.end();
      };
      res.on('error', () => undefined);
      write();
    });
    const error = await failure(discoverCalendars(huge, { username: 'a', password: 'b' }));
    expect(error.code).toBe('SYNC_NOT_CALDAV');
    expect(error.message).toMatch(/over \d+ bytes/);
  });
});
