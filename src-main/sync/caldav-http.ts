// The CalDAV client's one way to the network (issue 18 §3: the server is untrusted input). Plain http:// only to a
// loopback address, else https with the runtime's certificate checks (no switch to turn them off); redirects
// followed only within the same origin; every response body read up to a bound; a timeout on every request; and
// failures named the way the sync API reports them.
import { isIP } from 'node:net';

export type SyncErrorCode =
  | 'SYNC_AUTH_FAILED'
  | 'SYNC_UNREACHABLE'
  | 'SYNC_NOT_CALDAV'
  | 'SYNC_INSECURE_URL'
  /** The server answered, but refused what was asked (e.g. MKCALENDAR); the message has its status. */
  | 'SYNC_SERVER_REFUSED';

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Largest response body read (a PROPFIND of a calendar home, a VTODO); more is refused, not buffered. */
export const RESPONSE_MAX_BYTES = 8 * 1024 * 1024;
export const REDIRECTS_MAX = 5;
export const REQUEST_TIMEOUT_MS = 15_000;

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** The server URL as given, refused before any connection unless https, or http to a loopback address. */
export function checkServerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SyncError(
      'SYNC_INSECURE_URL',
      'The server URL is not a URL (e.g. https://cloud.example.com/remote.php/dav).',
    );
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return url;
  throw new SyncError(
    'SYNC_INSECURE_URL',
    url.protocol === 'http:'
      ? `Plain http:// is allowed only to this machine (localhost, 127.0.0.1, ::1); use https:// for ${url.hostname}.`
      : `Use an https:// URL (not ${url.protocol}).`,
  );
}

export interface DavCredentials {
  username: string;
  password: string;
}

export interface DavRequest {
  method: string;
  headers?: Record<string, string>;
  body?: string;
  /** The largest body read for this request (default RESPONSE_MAX_BYTES): a calendar's listing may need more. */
  maxBytes?: number;
  /** Answer a 403 instead of failing with SYNC_AUTH_FAILED (RFC 6578: a refused sync token is a 403). */
  forbiddenIsAnswer?: boolean;
}

export interface DavResponse {
  status: number;
  /** Where the answer came from, after same-origin redirects. */
  url: URL;
  headers: Headers;
  body: string;
}

function unreachable(url: URL, error: unknown): SyncError {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const code = cause?.code ?? '';
  const where = url.host;
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return new SyncError(
      'SYNC_UNREACHABLE',
      `${where} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s (timeout).`,
    );
  if (code === 'ECONNREFUSED') return new SyncError('SYNC_UNREACHABLE', `${where} refused the connection.`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new SyncError('SYNC_UNREACHABLE', `${url.hostname} was not found (DNS).`);
  if (/CERT|SSL|TLS/i.test(code) || /certificate|TLS|SSL/i.test(cause?.message ?? ''))
    return new SyncError(
      'SYNC_UNREACHABLE',
      `The TLS connection to ${where} failed (certificate: ${code || 'not trusted'}).`,
    );
  return new SyncError('SYNC_UNREACHABLE', `${where} could not be reached (${code || 'network error'}).`);
}

async function readBounded(response: Response, url: URL, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes)
    throw new SyncError('SYNC_NOT_CALDAV', `${url.host} sent a response over ${maxBytes} bytes.`);
  if (!response.body) return '';
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new SyncError('SYNC_NOT_CALDAV', `${url.host} sent a response over ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One request with Basic credentials; 401/403 are SYNC_AUTH_FAILED, network failures SYNC_UNREACHABLE. */
export async function davRequest(
  url: URL,
  request: DavRequest,
  credentials: DavCredentials,
): Promise<DavResponse> {
  const origin = url.origin;
  const authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  let at = url;
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(at, {
        method: request.method,
        headers: { ...request.headers, Authorization: authorization },
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw unreachable(at, error);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      const next = new URL(location, at);
      if (next.origin !== origin) {
        throw new SyncError(
          'SYNC_UNREACHABLE',
          `${url.host} redirected to another host (${next.host}); refused.`,
        );
      }
      if (hop >= REDIRECTS_MAX)
        throw new SyncError('SYNC_UNREACHABLE', `${url.host} redirected more than ${REDIRECTS_MAX} times.`);
      at = next;
      continue;
    }
    if (response.status === 401 || (response.status === 403 && request.forbiddenIsAnswer !== true)) {
      await response.body?.cancel();
      throw new SyncError(
        'SYNC_AUTH_FAILED',
        `${url.host} refused the user name or password (${response.status}).`,
      );
    }
    return {
      status: response.status,
      url: at,
      headers: response.headers,
      body: await readBounded(response, at, request.maxBytes ?? RESPONSE_MAX_BYTES),
    };
  }
}
