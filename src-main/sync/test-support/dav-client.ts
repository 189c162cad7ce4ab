// Test support (not a test): another CalDAV client, plain HTTP as Thunderbird or DAVx5 would speak it, to set up and
// check a real server independently of the app's own CalDAV code.
import { XMLParser } from 'fast-xml-parser';
import type { CaldavServer } from './caldav-servers.ts';

const basic = (server: CaldavServer): string =>
  `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`;

/** Radicale makes the user's home on the first authenticated request; Xandikos with --autocreate. */
export async function touchHome(server: CaldavServer): Promise<void> {
  await fetch(server.homeUrl, { method: 'PROPFIND', headers: { Depth: '0', Authorization: basic(server) } }).then((r) =>
    r.arrayBuffer(),
  );
}

/** MKCALENDAR `<home>/<slug>/` with a name, colour #3366CC and component set; returns the status. */
export async function mkcalendar(server: CaldavServer, slug: string, name: string, components: string[]): Promise<number> {
  const comps = components.map((c) => `<c:comp name="${c}"/>`).join('');
  const response = await fetch(`${server.homeUrl}${slug}/`, {
    method: 'MKCALENDAR',
    headers: { Authorization: basic(server), 'Content-Type': 'application/xml; charset=utf-8' },
    body: `<?xml version="1.0" encoding="utf-8"?>
<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:a="http://apple.com/ns/ical/"><d:set><d:prop>
<d:displayname>${name}</d:displayname><a:calendar-color>#3366CC</a:calendar-color>
<c:supported-calendar-component-set>${comps}</c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>`,
  });
  await response.arrayBuffer();
  return response.status;
}

/** The calendars under the user's home, as absolute URL -> display name. */
export async function calendarNames(server: CaldavServer): Promise<Map<string, string>> {
  const response = await fetch(server.homeUrl, {
    method: 'PROPFIND',
    headers: { Depth: '1', Authorization: basic(server), 'Content-Type': 'application/xml; charset=utf-8' },
    body: `<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:displayname/><d:resourcetype/></d:prop></d:propfind>`,
  });
  const doc = new XMLParser({ removeNSPrefix: true, isArray: (n) => ['response', 'propstat'].includes(n) }).parse(
    await response.text(),
  ) as {
    multistatus: {
      response: Array<{ href: string; propstat: Array<{ prop?: { displayname?: unknown; resourcetype?: unknown } }> }>;
    };
  };
  const names = new Map<string, string>();
  for (const entry of doc.multistatus.response) {
    const prop = Object.assign({}, ...entry.propstat.map((p) => p.prop ?? {})) as {
      displayname?: unknown;
      resourcetype?: unknown;
    };
    const type = prop.resourcetype;
    if (typeof type !== 'object' || type === null || !('calendar' in type)) continue;
    names.set(
      new URL(decodeURIComponent(entry.href), server.homeUrl).href,
      typeof prop.displayname === 'string' ? prop.displayname : '',
    );
  }
  return names;
}
