// The requests the sync engine makes to one calendar collection (RFC 4791, RFC 6578), on caldav-http's bounded,
// same-origin, loopback-or-https transport: the changes since a sync token (sync-collection), the full ETag listing
// (PROPFIND Depth 1) when the token is refused or the server has none, the resources' text (calendar-multiget in
// batches, then one GET each for a batch too large to read at once), and conditional PUT / DELETE.
import { davRequest, RESPONSE_MAX_BYTES, SyncError, type DavCredentials } from '../caldav-http.ts';
import { parseMultistatus, type MultistatusEntry } from './multistatus.ts';

/** A listing of a calendar (hrefs and ETags, no data): 50,000 members fit well within this. */
export const LISTING_MAX_BYTES = 32 * 1024 * 1024;
/** Hrefs per calendar-multiget. */
export const MULTIGET_BATCH = 50;

export interface RemoteMember {
  href: string;
  etag: string | null;
}

export interface RemoteResource {
  href: string;
  etag: string | null;
  text: string;
}

export type Changes =
  | { kind: 'changes'; changed: RemoteMember[]; deleted: string[]; syncToken: string | null }
  /** The token is invalid or expired (403/409/410, DAV:valid-sync-token), the result truncated (507), or no support. */
  | { kind: 'full-listing-needed'; reason: string };

export interface FetchFailure {
  href: string;
  code: 'SYNC_RESOURCE_UNREADABLE' | 'SYNC_RESOURCE_TOO_LARGE';
  message: string;
}

const XML = { 'Content-Type': 'application/xml; charset=utf-8' };

const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);

/** An ETag as the server spells it in headers (quoted); a bare one from an XML body is quoted. */
export function headerEtag(etag: string): string {
  return /^(W\/)?".*"$/.test(etag) ? etag : `"${etag}"`;
}

export class CalendarClient {
  readonly url: URL;

  constructor(
    calendarUrl: string,
    private readonly credentials: DavCredentials,
    private readonly countRequest: () => void = () => {},
  ) {
    this.url = new URL(calendarUrl.endsWith('/') ? calendarUrl : `${calendarUrl}/`);
  }

  private request(url: URL, init: Parameters<typeof davRequest>[1]): ReturnType<typeof davRequest> {
    this.countRequest();
    return davRequest(url, init, this.credentials);
  }

  /** Where a task of this UID is created: the calendar's URL plus the UID (path-safe) and ".ics". */
  hrefFor(uid: string): string {
    return new URL(`${encodeURIComponent(uid)}.ics`, this.url).href;
  }

  private isMember(href: string): boolean {
    const path = new URL(href).pathname;
    return path !== this.url.pathname && path.startsWith(this.url.pathname);
  }

  async changesSince(syncToken: string | null): Promise<Changes> {
    const token = syncToken === null ? '<d:sync-token/>' : `<d:sync-token>${escapeXml(syncToken)}</d:sync-token>`;
    const response = await this.request(this.url, {
      method: 'REPORT',
      headers: { ...XML, Depth: '0' },
      body: `<?xml version="1.0" encoding="utf-8"?>
<d:sync-collection xmlns:d="DAV:">${token}<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`,
      maxBytes: LISTING_MAX_BYTES,
      forbiddenIsAnswer: true,
    });
    const refused = /valid-sync-token/.test(response.body);
    if (response.status === 403 && !refused) {
      throw new SyncError('SYNC_AUTH_FAILED', `${this.url.host} refused the user name or password (403).`);
    }
    if (refused || [409, 410].includes(response.status)) {
      return { kind: 'full-listing-needed', reason: `the sync token was refused (${response.status})` };
    }
    if (response.status !== 207) {
      return { kind: 'full-listing-needed', reason: `sync-collection is not supported (${response.status})` };
    }
    const status = parseMultistatus(response.body, response.url);
    const changed: RemoteMember[] = [];
    const deleted: string[] = [];
    for (const entry of status.entries) {
      if (!this.isMember(entry.href)) {
        if (entry.status === 507) return { kind: 'full-listing-needed', reason: 'the result was truncated (507)' };
        continue;
      }
      if (entry.status === 404) deleted.push(entry.href);
      else if (entry.status === 200) changed.push({ href: entry.href, etag: entry.etag });
    }
    return { kind: 'changes', changed, deleted, syncToken: status.syncToken };
  }

  /** Every member's href and ETag (PROPFIND Depth 1). */
  async listing(): Promise<RemoteMember[]> {
    const response = await this.request(this.url, {
      method: 'PROPFIND',
      headers: { ...XML, Depth: '1' },
      body: `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>`,
      maxBytes: LISTING_MAX_BYTES,
    });
    if (response.status !== 207) {
      throw new SyncError('SYNC_NOT_CALDAV', `${this.url.host} did not list the calendar (${response.status}).`);
    }
    return parseMultistatus(response.body, response.url)
      .entries.filter((e) => e.status === 200 && this.isMember(e.href))
      .map((e) => ({ href: e.href, etag: e.etag }));
  }

  /** The resources' text: calendar-multiget in batches; a batch too large to read at once, one GET per href. */
  async fetch(hrefs: readonly string[]): Promise<{ resources: RemoteResource[]; failures: FetchFailure[] }> {
    const resources: RemoteResource[] = [];
    const failures: FetchFailure[] = [];
    for (let i = 0; i < hrefs.length; i += MULTIGET_BATCH) {
      const batch = hrefs.slice(i, i + MULTIGET_BATCH);
      let entries: MultistatusEntry[] | null = null;
      try {
        entries = await this.multiget(batch);
      } catch (error) {
        if (!(error instanceof SyncError) || error.code !== 'SYNC_NOT_CALDAV') throw error;
      }
      const answered = new Set<string>();
      for (const entry of entries ?? []) {
        if (entry.status !== 200 || entry.calendarData === null) continue;
        answered.add(entry.href);
        if (Buffer.byteLength(entry.calendarData) > RESPONSE_MAX_BYTES) {
          failures.push({
            href: entry.href,
            code: 'SYNC_RESOURCE_TOO_LARGE',
            message: `${new URL(entry.href).pathname} is over ${RESPONSE_MAX_BYTES} bytes: not read.`,
          });
          continue;
        }
        resources.push({ href: entry.href, etag: entry.etag, text: entry.calendarData });
      }
      for (const href of batch.filter((h) => !answered.has(h))) {
        try {
          const one = await this.get(href);
          if (one !== null) resources.push(one);
        } catch (error) {
          if (!(error instanceof SyncError) || error.code !== 'SYNC_NOT_CALDAV') throw error;
          failures.push({
            href,
            code: /over \d+ bytes/.test(error.message) ? 'SYNC_RESOURCE_TOO_LARGE' : 'SYNC_RESOURCE_UNREADABLE',
            message: error.message,
          });
        }
      }
    }
    return { resources, failures };
  }

  private async multiget(hrefs: readonly string[]): Promise<MultistatusEntry[]> {
    const body = hrefs.map((h) => `<d:href>${escapeXml(new URL(h).pathname)}</d:href>`).join('');
    const response = await this.request(this.url, {
      method: 'REPORT',
      headers: { ...XML, Depth: '1' },
      body: `<?xml version="1.0" encoding="utf-8"?>
<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop>${body}</c:calendar-multiget>`,
      maxBytes: 2 * RESPONSE_MAX_BYTES,
    });
    if (response.status !== 207) return [];
    return parseMultistatus(response.body, response.url).entries;
  }

  /** One resource, or null when it is gone (404/410). */
  async get(href: string): Promise<RemoteResource | null> {
    const response = await this.request(new URL(href), { method: 'GET', headers: { Accept: 'text/calendar' } });
    if (response.status === 404 || response.status === 410) return null;
    if (response.status !== 200) {
      throw new SyncError('SYNC_NOT_CALDAV', `${this.url.host} answered GET with ${response.status}.`);
    }
    return { href, etag: response.headers.get('etag'), text: response.body };
  }

  /**
   * PUT with `If-None-Match: *` (etag null: a create) or `If-Match`. 'precondition' when the server's copy is
   * not the one we read (412), or exists already on a create.
   */
  async put(href: string, text: string, etag: string | null): Promise<{ etag: string | null } | 'precondition'> {
    const response = await this.request(new URL(href), {
      method: 'PUT',
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        ...(etag === null ? { 'If-None-Match': '*' } : { 'If-Match': headerEtag(etag) }),
      },
      body: text,
    });
    if (response.status === 412) return 'precondition';
    if (response.status < 200 || response.status >= 300) {
      throw new SyncError(
        'SYNC_NOT_CALDAV',
        `${this.url.host} refused to store ${new URL(href).pathname} (${response.status}).`,
      );
    }
    return { etag: response.headers.get('etag') };
  }

  /** DELETE with `If-Match`; 'gone' when it was not there any more. */
  async delete(href: string, etag: string | null): Promise<'deleted' | 'gone' | 'precondition'> {
    const response = await this.request(new URL(href), {
      method: 'DELETE',
      headers: etag === null ? {} : { 'If-Match': headerEtag(etag) },
    });
    if (response.status === 412) return 'precondition';
    if (response.status === 404 || response.status === 410) return 'gone';
    if (response.status < 200 || response.status >= 300) {
      throw new SyncError(
        'SYNC_NOT_CALDAV',
        `${this.url.host} refused to delete ${new URL(href).pathname} (${response.status}).`,
      );
    }
    return 'deleted';
  }
}
