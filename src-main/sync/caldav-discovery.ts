// CalDAV discovery (RFC 4791 §6, RFC 6764): from a server URL (the server, a calendar home, or a calendar) to the
// calendars that can hold tasks. /.well-known/caldav and the URL itself are asked for current-user-principal, the
// principal for calendar-home-set, the home (Depth 1) for its calendars; a calendar whose
// supported-calendar-component-set leaves out VTODO is not listed (no set: every component, RFC 4791 §5.2.3).
import { XMLParser } from 'fast-xml-parser';
import { checkServerUrl, davRequest, SyncError, type DavCredentials } from './caldav-http.ts';

export interface DiscoveredCalendar {
  url: string;
  name: string;
  color: string | null;
}

export interface Discovery {
  principalUrl: string | null;
  homeUrl: string;
  calendars: DiscoveredCalendar[];
}

const PROPS = `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:a="http://apple.com/ns/ical/">
  <d:prop><d:current-user-principal/><d:resourcetype/><c:calendar-home-set/><d:displayname/><a:calendar-color/><c:supported-calendar-component-set/></d:prop>
</d:propfind>`;

const parser = (): XMLParser =>
  new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['response', 'propstat', 'comp', 'href'].includes(name),
  });

type Props = Record<string, unknown>;

interface Entry {
  href: URL;
  props: Props;
}

function multistatus(body: string, base: URL): Entry[] {
  let doc: {
    multistatus?: {
      response?: Array<{ href?: unknown[]; propstat?: Array<{ prop?: Props; status?: string }> }>;
    };
  };
  try {
    doc = parser().parse(body) as typeof doc;
  } catch {
    throw new SyncError('SYNC_NOT_CALDAV', `${base.host} answered PROPFIND with something that is not XML.`);
  }
  const responses = doc.multistatus?.response ?? [];
  return responses.flatMap((response) => {
    const href = response.href?.[0];
    if (typeof href !== 'string') return [];
    const props: Props = {};
    for (const propstat of response.propstat ?? []) {
      if (/\s200\s/.test(` ${propstat.status ?? ''} `) && propstat.prop) Object.assign(props, propstat.prop);
    }
    try {
      return [{ href: new URL(href, base), props }];
    } catch {
      return [];
    }
  });
}

function hrefIn(value: unknown, base: URL): URL | null {
  const href = (value as { href?: unknown[] } | undefined)?.href?.[0];
  if (typeof href !== 'string') return null;
  const url = new URL(href, base);
  // A principal or home on another host would send the password there.
  return url.origin === base.origin ? url : null;
}

function hasKey(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && key in value;
}

function supportsTodo(props: Props): boolean {
  const set = props['supported-calendar-component-set'] as { comp?: Array<{ '@name'?: string }> } | undefined;
  if (!set?.comp) return true;
  return set.comp.some((comp) => comp['@name']?.toUpperCase() === 'VTODO');
}

const text = (value: unknown): string | null =>
  typeof value === 'string'
    ? value
    : typeof (value as { '#text'?: unknown })?.['#text'] === 'string'
      ? (value as { '#text': string })['#text']
      : null;

async function propfind(url: URL, depth: '0' | '1', credentials: DavCredentials): Promise<Entry[] | null> {
  const response = await davRequest(
    url,
    {
      method: 'PROPFIND',
      headers: { Depth: depth, 'Content-Type': 'application/xml; charset=utf-8' },
      body: PROPS,
    },
    credentials,
  );
  if (response.status !== 207) return null;
  return multistatus(response.body, response.url);
}

function calendarOf(entry: Entry): DiscoveredCalendar {
  const path = decodeURIComponent(entry.href.pathname.replace(/\/$/, '').split('/').pop() ?? '');
  return {
    url: entry.href.href,
    name: text(entry.props.displayname)?.trim() || path,
    color: text(entry.props['calendar-color']),
  };
}

export async function discoverCalendars(serverUrl: string, credentials: DavCredentials): Promise<Discovery> {
  const base = checkServerUrl(serverUrl);
  const wellKnown = new URL('/.well-known/caldav', base);
  const starts = base.pathname === '/' || base.pathname === '' ? [wellKnown, base] : [base, wellKnown];
  let principalUrl: URL | null = null;
  let homeUrl: URL | null = null;
  for (const start of starts) {
    const entries = await propfind(start, '0', credentials);
    const self = entries?.[0];
    if (!self) continue;
    const type = self.props.resourcetype;
    if (hasKey(type, 'calendar')) {
      if (!supportsTodo(self.props)) break;
      return { principalUrl: null, homeUrl: self.href.href, calendars: [calendarOf(self)] };
    }
    homeUrl = hrefIn(self.props['calendar-home-set'], self.href);
    principalUrl = hrefIn(self.props['current-user-principal'], self.href);
    if (homeUrl !== null || principalUrl !== null) break;
  }
  if (homeUrl === null && principalUrl !== null) {
    const principal = (await propfind(principalUrl, '0', credentials))?.[0];
    homeUrl = principal ? hrefIn(principal.props['calendar-home-set'], principal.href) : null;
  }
  if (homeUrl === null) {
    throw new SyncError(
      'SYNC_NOT_CALDAV',
      `${base.host} has no CalDAV calendar home for this user at ${base.pathname}.`,
    );
  }
  const entries = (await propfind(homeUrl, '1', credentials)) ?? [];
  const calendars = entries
    .filter(
      (e) =>
        e.href.origin === base.origin && hasKey(e.props.resourcetype, 'calendar') && supportsTodo(e.props),
    )
    .map(calendarOf);
  return { principalUrl: principalUrl?.href ?? null, homeUrl: homeUrl.href, calendars };
}
