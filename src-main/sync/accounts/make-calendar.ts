// MKCALENDAR (RFC 4791 §5.3.1): a new calendar for tasks under the account's calendar home, named and coloured like
// the local list. Some servers (Xandikos) make the calendar but set no colour at MKCALENDAR time; a PROPPATCH
// afterwards sets it there (cosmetic: its answer does not fail the link).
import { davRequest, SyncError, type DavCredentials } from '../caldav-http.ts';

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

const NS = 'xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:a="http://apple.com/ns/ical/"';

export interface MadeCalendar {
  url: string;
  /** Whether the server kept the colour (false: it answered the PROPPATCH with an error). */
  colorSet: boolean;
}

/** Makes `<homeUrl><slug>/` holding VTODOs; SyncError on refusal (SYNC_SERVER_REFUSED with the status). */
export async function makeCalendar(
  homeUrl: string,
  slug: string,
  name: string,
  color: string | null,
  credentials: DavCredentials,
): Promise<MadeCalendar> {
  const url = new URL(`${encodeURIComponent(slug)}/`, homeUrl);
  const colorProp = color ? `<a:calendar-color>${escapeXml(color.toUpperCase())}</a:calendar-color>` : '';
  const made = await davRequest(
    url,
    {
      method: 'MKCALENDAR',
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
      body: `<?xml version="1.0" encoding="utf-8"?>
<c:mkcalendar ${NS}><d:set><d:prop><d:displayname>${escapeXml(name)}</d:displayname>${colorProp}
<c:supported-calendar-component-set><c:comp name="VTODO"/></c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>`,
    },
    credentials,
  );
  if (made.status !== 201) {
    throw new SyncError(
      'SYNC_SERVER_REFUSED',
      `${url.host} refused to make the calendar "${name}" (MKCALENDAR answered ${made.status}).`,
    );
  }
  if (!color) return { url: url.href, colorSet: true };
  const patched = await davRequest(
    url,
    {
      method: 'PROPPATCH',
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
      body: `<?xml version="1.0" encoding="utf-8"?>
<d:propertyupdate ${NS}><d:set><d:prop>${colorProp}</d:prop></d:set></d:propertyupdate>`,
    },
    credentials,
  );
  return { url: url.href, colorSet: patched.status === 207 && !/HTTP\/1\.[01] (4|5)\d\d/.test(patched.body) };
}
