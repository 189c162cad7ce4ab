// A WebDAV multistatus (RFC 4918 §13) as the sync engine reads it: per response its href (resolved against the
// request URL, kept only on the same origin), its status, the ETag and calendar-data when the server sent them,
// and the top-level sync-token (RFC 6578). Anything the server sends is untrusted: malformed XML is a clear error.
import { XMLParser } from 'fast-xml-parser';
import { SyncError } from '../caldav-http.ts';

export interface MultistatusEntry {
  href: string;
  /** The response's own status (a deleted member in sync-collection: 404), else the props' 200/404. */
  status: number;
  etag: string | null;
  calendarData: string | null;
}

export interface Multistatus {
  entries: MultistatusEntry[];
  syncToken: string | null;
}

const parser = (): XMLParser =>
  new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
    isArray: (name) => ['response', 'propstat', 'href'].includes(name),
  });

const textOf = (value: unknown): string | null =>
  typeof value === 'string'
    ? value
    : typeof (value as { '#text'?: unknown } | null)?.['#text'] === 'string'
      ? (value as { '#text': string })['#text']
      : null;

function statusCode(line: unknown): number | null {
  const match = /HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(textOf(line) ?? '');
  return match ? Number(match[1]) : null;
}

type Response = {
  href?: unknown[];
  status?: unknown;
  propstat?: Array<{ status?: unknown; prop?: Record<string, unknown> }>;
};

/** The href as a URL on the request's origin (a path), or null for another origin or a malformed one. */
export function sameOriginHref(href: string, base: URL): string | null {
  try {
    const url = new URL(href.trim(), base);
    return url.origin === base.origin ? url.href : null;
  } catch {
    return null;
  }
}

export function parseMultistatus(body: string, base: URL): Multistatus {
  let doc: { multistatus?: { response?: Response[]; 'sync-token'?: unknown } };
  try {
    doc = parser().parse(body) as typeof doc;
  } catch {
    throw new SyncError('SYNC_NOT_CALDAV', `${base.host} answered with something that is not XML.`);
  }
  if (typeof doc !== 'object' || doc === null || doc.multistatus === undefined) {
    throw new SyncError('SYNC_NOT_CALDAV', `${base.host} answered without a DAV:multistatus.`);
  }
  const entries: MultistatusEntry[] = [];
  for (const response of doc.multistatus.response ?? []) {
    const raw = textOf(response.href?.[0]);
    const href = raw === null ? null : sameOriginHref(raw, base);
    if (href === null) continue;
    let etag: string | null = null;
    let calendarData: string | null = null;
    let propStatus: number | null = null;
    for (const propstat of response.propstat ?? []) {
      const code = statusCode(propstat.status);
      if (code !== 200 || !propstat.prop) {
        propStatus ??= code;
        continue;
      }
      propStatus = 200;
      etag = textOf(propstat.prop.getetag)?.trim() || etag;
      calendarData = textOf(propstat.prop['calendar-data']) ?? calendarData;
    }
    entries.push({ href, status: statusCode(response.status) ?? propStatus ?? 200, etag, calendarData });
  }
  return { entries, syncToken: textOf(doc.multistatus['sync-token'])?.trim() || null };
}
