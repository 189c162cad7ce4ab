// Test support: a CalDAV client that is not this app, writing to the same calendars with plain HTTP as tasks.org
// (through DAVx5), Thunderbird and Nextcloud Tasks do: one resource per UID (a series with its completed
// RECURRENCE-ID occurrences in one resource), PUT to <calendar>/<name>.ics, and edits that keep the rest of the text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { CaldavServer } from '../../test-support/caldav-servers.ts';

const FIXTURES = join(import.meta.dirname, '../../../ical/fixtures');

export type FixtureApp = 'tasks-org' | 'thunderbird' | 'nextcloud-tasks';

export interface FixtureResource {
  uid: string;
  text: string;
}

/** A fixture file split the way its app stores it on a server: one VCALENDAR per UID, with the VTIMEZONEs. */
export function fixtureResources(app: FixtureApp): FixtureResource[] {
  const root = new ICAL.Component(ICAL.parse(readFileSync(join(FIXTURES, `${app}.ics`), 'utf8')) as unknown[]);
  const zones = root.getAllSubcomponents('vtimezone');
  const byUid = new Map<string, ICAL.Component[]>();
  for (const vtodo of root.getAllSubcomponents('vtodo')) {
    const uid = String(vtodo.getFirstPropertyValue('uid'));
    byUid.set(uid, [...(byUid.get(uid) ?? []), vtodo]);
  }
  return [...byUid].map(([uid, vtodos]) => {
    const calendar = new ICAL.Component('vcalendar');
    for (const prop of root.getAllProperties()) calendar.addProperty(ICAL.Property.fromString(prop.toICALString()));
    for (const zone of zones) calendar.addSubcomponent(new ICAL.Component(zone.toJSON() as unknown[]));
    for (const vtodo of vtodos) calendar.addSubcomponent(new ICAL.Component(vtodo.toJSON() as unknown[]));
    return { uid, text: calendar.toString() + '\r\n' };
  });
}

/** A plain VTODO resource as a minimal client writes it. */
export function plainTodo(uid: string, summary: string, extra: string[] = [], lastModified = '20261201T120000Z'): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Other client//EN',
    'BEGIN:VTODO',
    `UID:${uid}`,
    `DTSTAMP:${lastModified}`,
    `LAST-MODIFIED:${lastModified}`,
    `SUMMARY:${summary}`,
    ...extra,
    'END:VTODO',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

export class OtherClient {
  constructor(private readonly server: CaldavServer) {}

  private get authorization(): string {
    return `Basic ${Buffer.from(`${this.server.username}:${this.server.password}`).toString('base64')}`;
  }

  async makeCalendar(name: string): Promise<string> {
    // Radicale makes the user's home on the first authenticated request; Xandikos with --autocreate.
    await (await fetch(this.server.homeUrl, { method: 'PROPFIND', headers: { Depth: '0', Authorization: this.authorization } })).arrayBuffer();
    const url = `${this.server.homeUrl}${encodeURIComponent(name.toLowerCase())}-${Math.random().toString(36).slice(2, 8)}/`;
    const response = await fetch(url, {
      method: 'MKCALENDAR',
      headers: { Authorization: this.authorization, 'Content-Type': 'application/xml; charset=utf-8' },
      body: `<?xml version="1.0" encoding="utf-8"?>
<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>
<d:displayname>${name}</d:displayname></d:prop></d:set></c:mkcalendar>`,
    });
    if (response.status !== 201) throw new Error(`MKCALENDAR ${url}: ${response.status} ${await response.text()}`);
    return url;
  }

  async put(url: string, text: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(url, {
      method: 'PUT',
      headers: { Authorization: this.authorization, 'Content-Type': 'text/calendar; charset=utf-8', ...headers },
      body: text,
    });
    await response.arrayBuffer();
    return response;
  }

  async get(url: string): Promise<{ status: number; etag: string | null; text: string }> {
    const response = await fetch(url, { headers: { Authorization: this.authorization } });
    return { status: response.status, etag: response.headers.get('etag'), text: await response.text() };
  }

  async delete(url: string): Promise<number> {
    const response = await fetch(url, { method: 'DELETE', headers: { Authorization: this.authorization } });
    await response.arrayBuffer();
    return response.status;
  }

  /** The calendar's members' hrefs (absolute URLs), by PROPFIND Depth 1. */
  async members(calendarUrl: string): Promise<string[]> {
    const response = await fetch(calendarUrl, {
      method: 'PROPFIND',
      headers: { Authorization: this.authorization, Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
    });
    const body = await response.text();
    const base = new URL(calendarUrl);
    return [...body.matchAll(/<(?:\w+:)?href>([^<]+)<\/(?:\w+:)?href>/g)]
      .map((m) => new URL(m[1]!, base).href)
      .filter((href) => href !== base.href && new URL(href).pathname.startsWith(base.pathname));
  }

  /** Every member's text. */
  async texts(calendarUrl: string): Promise<string[]> {
    return Promise.all((await this.members(calendarUrl)).map(async (href) => (await this.get(href)).text));
  }
}
