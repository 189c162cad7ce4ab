// Test support: a small CalDAV-speaking server on a loopback port that answers what a test tells it to: the members
// of one calendar (sync-collection, PROPFIND, calendar-multiget, GET), or a broken answer (not XML, a redirect to
// another host, a body over the limits). The server is untrusted input to the engine (issue 18 §3).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface HostileServer {
  calendarUrl: string;
  /** href path -> resource text. */
  resources: Map<string, string>;
  /** Replaces the normal answer to a REPORT / PROPFIND (null: the normal one). */
  override: ((req: IncomingMessage, res: ServerResponse, body: string) => void) | null;
  requests: number;
  close(): Promise<void>;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const etagOf = (text: string): string => `"${text.length}-${text.charCodeAt(text.length >> 1) || 0}"`;

function multistatus(entries: string[], token?: string): string {
  return `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">${entries.join('')}${
    token ? `<d:sync-token>${token}</d:sync-token>` : ''
  }</d:multistatus>`;
}

export async function startHostileServer(): Promise<HostileServer> {
  const path = '/cal/';
  const state: Omit<HostileServer, 'calendarUrl' | 'close'> = { resources: new Map(), override: null, requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (state.override && (req.method === 'REPORT' || req.method === 'PROPFIND') && !body.includes('calendar-multiget')) {
        state.override(req, res, body);
        return;
      }
      const member = (href: string, text: string, data: boolean): string =>
        `<d:response><d:href>${href}</d:href><d:propstat><d:prop><d:getetag>${etagOf(text)}</d:getetag>${
          data ? `<c:calendar-data>${escapeXml(text)}</c:calendar-data>` : ''
        }</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;
      if (req.method === 'REPORT' && body.includes('calendar-multiget')) {
        const hrefs = [...body.matchAll(/<d:href>([^<]+)<\/d:href>/g)].map((m) => m[1]!);
        res.writeHead(207, { 'Content-Type': 'application/xml' });
        res.end(multistatus(hrefs.flatMap((h) => (state.resources.has(h) ? [member(h, state.resources.get(h)!, true)] : []))));
        return;
      }
      if (req.method === 'REPORT' || req.method === 'PROPFIND') {
        res.writeHead(207, { 'Content-Type': 'application/xml' });
        const entries = [...state.resources].map(([h, t]) => member(h, t, false));
        res.end(multistatus(entries, req.method === 'REPORT' ? `http://sync/${state.resources.size}` : undefined));
        return;
      }
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET' && state.resources.has(url.pathname)) {
        const text = state.resources.get(url.pathname)!;
        res.writeHead(200, { 'Content-Type': 'text/calendar', ETag: etagOf(text) });
        res.end(text);
        return;
      }
      if (req.method === 'PUT') {
        state.resources.set(url.pathname, body);
        res.writeHead(201, { ETag: etagOf(body) });
        res.end();
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const hostile = state as HostileServer;
  hostile.calendarUrl = `http://127.0.0.1:${port}${path}`;
  hostile.close = () => new Promise((resolve) => server.close(() => resolve()));
  return hostile;
}
