// Wraps Better Auth's fetch handler for the loopback API:
// - Origin: a request that carries an Origin must come from the allow-list. Browsers send Origin on every
//   cross-origin request and on every POST, so a web page is refused; scripts (Node's fetch, which sends
//   `Sec-Fetch-Mode: cors` without an Origin, curl, Python) are not, and their fetch metadata is dropped before
//   Better Auth's own check (which would take them for a browser).
// - Paths: only Better Auth's own endpoints (less the disabled ones) reach it; anything else is a 404 here, before
//   Better Auth's rate limiter keeps a bucket per path (20,000 random paths would be 20,000 entries).
// - Authorization: the scheme is case-insensitive (RFC 9110): `bearer x` is passed on as `Bearer x`.
// - Errors: Better Auth's error responses (`{ code?, message }`, a plain-text 404, its 429 with X-Retry-After) are
//   rewritten into the API's one shape `{ error: { code, message } }`, and every 429 carries Retry-After.
import { pathPatternToRegExp } from '../api/body-size-guard.ts';
import { AUTH_BASE_PATH, CLIENT_IP_HEADER } from './better-auth-options.ts';

/** The error shape of /api/auth/* answers: the API's, with Better Auth's own codes where it gives one. */
export interface AuthRouteErrorBody {
  error: { code: string; message: string };
}

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};
const STABLE_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

function errorResponse(status: number, code: string, message: string, headers?: Headers): Response {
  const body: AuthRouteErrorBody = { error: { code, message } };
  return Response.json(body, { status, headers });
}

function isShaped(value: unknown): value is AuthRouteErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/** Better Auth's error answer in the API's shape (its code and message for 4xx; nothing internal for 5xx). */
async function reshapeError(response: Response): Promise<Response> {
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    parsed = null;
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-type');
  if (isShaped(parsed)) return Response.json(parsed, { status: response.status, headers });
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const status = response.status;
  if (status >= 500) return errorResponse(status, 'INTERNAL', 'Something went wrong on our side.', headers);
  const code =
    status === 429
      ? 'RATE_LIMITED'
      : typeof record.code === 'string' && STABLE_CODE.test(record.code)
        ? record.code
        : (CODE_BY_STATUS[status] ?? 'BAD_REQUEST');
  const message =
    typeof record.message === 'string' && record.message.length > 0
      ? record.message.slice(0, 500)
      : status === 404
        ? 'No such route.'
        : 'The request was refused.';
  if (status === 429) {
    const seconds = Number(headers.get('x-retry-after') ?? headers.get('retry-after'));
    headers.set('Retry-After', String(Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60));
  }
  return errorResponse(status, code, message, headers);
}

export function createAuthHttpHandler(options: {
  betterAuthHandler: (request: Request) => Promise<Response>;
  baseURL: string;
  trustedOrigins: readonly string[];
  /** Better Auth's endpoint paths (relative to /api/auth, `:param` segments allowed), the disabled ones left out. */
  endpointPaths?: readonly string[];
}): (request: Request) => Promise<Response> {
  const allowed = new Set([new URL(options.baseURL).origin, ...options.trustedOrigins]);
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const path of options.endpointPaths ?? []) {
    if (path.includes(':')) patterns.push(pathPatternToRegExp(path));
    else exact.add(path);
  }
  const known = (path: string) => options.endpointPaths === undefined || exact.has(path) || patterns.some((re) => re.test(path));

  return async (request) => {
    const origin = request.headers.get('origin');
    if (origin !== null && !allowed.has(origin)) {
      return errorResponse(403, 'ORIGIN_NOT_ALLOWED', 'Requests from this origin are not allowed.');
    }
    const pathname = new URL(request.url).pathname;
    const path = pathname.startsWith(AUTH_BASE_PATH) ? pathname.slice(AUTH_BASE_PATH.length) : pathname;
    if (!known(path)) return errorResponse(404, 'NOT_FOUND', 'No such route.');

    // Every request gets the same client-IP header: all clients are local, and a forged one must not count.
    const headers = new Headers(request.headers);
    headers.delete('x-forwarded-for');
    headers.set(CLIENT_IP_HEADER, '127.0.0.1');
    // Node's fetch (undici) sends `Sec-Fetch-Mode: cors` on every request, and Better Auth then treats a sign-in
    // without Origin as a browser's and refuses it (MISSING_OR_NULL_ORIGIN), outside tests only (NODE_ENV=test
    // skips the check). Browsers send Origin on every POST, and foreign origins were refused above: without an
    // Origin this is a script, so its fetch metadata means nothing.
    if (origin === null) for (const name of ['sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest']) headers.delete(name);
    const authorization = /^bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.get('authorization') ?? '');
    if (authorization) headers.set('authorization', `Bearer ${authorization[1]}`);
    const response = await options.betterAuthHandler(new Request(request, { headers }));
    return response.status >= 400 ? reshapeError(response) : response;
  };
}
