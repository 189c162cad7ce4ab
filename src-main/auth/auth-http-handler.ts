// Wraps Better Auth's fetch handler for the loopback API. Better Auth's own CSRF defence is cookie-based, and this
// app uses bearer tokens, so a browser page on another origin could otherwise sign up or in. The API's loopback
// guard refuses such origins first; this keeps the auth handler safe wherever it is mounted.
import type { ApiErrorBody } from '../../src-shared/api-errors.ts';
import { CLIENT_IP_HEADER } from './better-auth-options.ts';

export function createAuthHttpHandler(options: {
  betterAuthHandler: (request: Request) => Promise<Response>;
  baseURL: string;
  trustedOrigins: readonly string[];
}): (request: Request) => Promise<Response> {
  const allowed = new Set([new URL(options.baseURL).origin, ...options.trustedOrigins]);
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin !== null && !allowed.has(origin)) {
      const body: ApiErrorBody = {
        error: { code: 'ORIGIN_NOT_ALLOWED', message: 'Requests from this origin are not allowed.' },
      };
      return Promise.resolve(Response.json(body, { status: 403 }));
    }
    // Every request gets the same client-IP header: all clients are local, and a forged one must not count.
    const headers = new Headers(request.headers);
    headers.delete('x-forwarded-for');
    headers.set(CLIENT_IP_HEADER, '127.0.0.1');
    // Node's fetch (undici) sends `Sec-Fetch-Mode: cors` on every request, and Better Auth then treats a sign-in
    // without Origin as a browser's and refuses it (MISSING_OR_NULL_ORIGIN), outside tests only (NODE_ENV=test
    // skips the check). Browsers send Origin on every POST, and foreign origins were refused above: without an
    // Origin this is a script, so its fetch metadata means nothing.
    if (origin === null) for (const name of ['sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest']) headers.delete(name);
    return options.betterAuthHandler(new Request(request, { headers }));
  };
}
