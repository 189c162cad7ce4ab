// Wraps Better Auth's fetch handler for the loopback API:
// - Origin: a request that carries an Origin must come from the allow-list. Browsers send Origin on every
//   cross-origin request and on every POST, so a web page is refused; scripts (Node's fetch, which sends
//   `Sec-Fetch-Mode: cors` without an Origin, curl, Python) are not, and their fetch metadata is dropped before
//   Better Auth's own check (which would take them for a browser).
// - Paths: only Better Auth's own endpoints (less the disabled ones) reach it; anything else is a 404 here, before
//   Better Auth's rate limiter keeps a bucket per path (20,000 random paths would be 20,000 entries).
// - Authorization: the scheme is case-insensitive (RFC 9110): `bearer x` is passed on as `Bearer x`.
// - Session tokens: Better Auth knows them only by their stored hash (session-token-hash.ts). A bearer token
//   without a signature ('.') is replaced by its hash; the answer that created a session carries the raw token
//   (body `token`, `set-auth-token`), and `get-session` shows the caller's own raw token back.
// - Errors: Better Auth's error responses (`{ code?, message }`, a plain-text 404, its 429 with X-Retry-After) are
//   rewritten into the API's one shape `{ error: { code, message } }`, and every 429 carries Retry-After.
import { pathPatternToRegExp } from '../api/body-size-guard.ts';
import { AUTH_BASE_PATH, CLIENT_IP_HEADER } from './better-auth-options.ts';
import type { SessionTokenHasher } from './session-token-hash.ts';

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

const SET_AUTH_TOKEN = 'set-auth-token';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Puts raw tokens back where Better Auth's answer carries a stored (hashed) one: see the header comment. */
async function revealRawTokens(
  response: Response,
  hasher: SessionTokenHasher,
  presented: { inner: string; outer: string } | null,
): Promise<Response> {
  const known = new Map<string, string>();
  if (presented) known.set(presented.inner, presented.outer);
  const raw = (inner: string): string | undefined => {
    const found = known.get(inner) ?? hasher.takeOuter(inner);
    if (found !== undefined) known.set(inner, found);
    return found;
  };
  const headers = new Headers(response.headers);
  let body: string | null = null;
  if ((headers.get('content-type') ?? '').includes('application/json')) {
    const text = await response.text();
    body = text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = null;
    }
    if (isRecord(parsed)) {
      let changed = false;
      const swap = (holder: Record<string, unknown>) => {
        const value = holder.token;
        const outer = typeof value === 'string' && hasher.isHashed(value) ? raw(value) : undefined;
        if (outer !== undefined) {
          holder.token = outer;
          changed = true;
        }
      };
      swap(parsed);
      if (isRecord(parsed.session)) swap(parsed.session);
      if (changed) {
        body = JSON.stringify(parsed);
        headers.delete('content-length');
      }
    }
  }
  const exposed = headers.get(SET_AUTH_TOKEN);
  if (exposed !== null) {
    // The session cookie's value: `<stored token>.<signature>`, maybe URL-encoded.
    let decoded = exposed;
    try {
      decoded = decodeURIComponent(exposed);
    } catch {
      // not URL-encoded
    }
    const inner = decoded.split('.')[0] ?? '';
    const outer = raw(inner);
    if (outer !== undefined) headers.set(SET_AUTH_TOKEN, outer);
    else headers.delete(SET_AUTH_TOKEN); // never hand out a stored value as if it were a token
  }
  if (body === null && exposed === null) return response;
  return new Response(body ?? response.body, { status: response.status, statusText: response.statusText, headers });
}

export function createAuthHttpHandler(options: {
  betterAuthHandler: (request: Request) => Promise<Response>;
  baseURL: string;
  trustedOrigins: readonly string[];
  /** Better Auth's endpoint paths (relative to /api/auth, `:param` segments allowed), the disabled ones left out. */
  endpointPaths?: readonly string[];
  sessionTokens: SessionTokenHasher;
}): (request: Request) => Promise<Response> {
  const hasher = options.sessionTokens;
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
    let presented: { inner: string; outer: string } | null = null;
    if (authorization) {
      const token = authorization[1] ?? '';
      // A signed value (`<stored>.<signature>`) needs the auth secret to make; anything else is a raw token.
      if (!token.includes('.')) presented = { inner: hasher.inner(token), outer: token };
      headers.set('authorization', `Bearer ${presented ? presented.inner : token}`);
    }
    const response = await options.betterAuthHandler(new Request(request, { headers }));
    return response.status >= 400 ? reshapeError(response) : revealRawTokens(response, hasher, presented);
  };
}
