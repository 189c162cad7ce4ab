import type { MiddlewareHandler } from 'hono';
import { ApiError, sendError } from './api-error.ts';

const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const CORS_HEADERS = 'Authorization, Content-Type';

/**
 * Loopback hardening, first in the chain:
 * - Host must be this server's loopback host:port (a DNS-rebinding page sends its own host name).
 * - A request with an Origin outside the allow-list is refused (a web page the user visits cannot drive the API);
 *   requests without Origin (scripts, curl) are allowed: they still need a valid JWT.
 * - CORS is answered only for allowed origins, without credentials (the API uses no cookies).
 */
export function loopbackGuard(options: {
  port: () => number;
  allowedOrigins: readonly string[];
}): MiddlewareHandler {
  const origins = new Set(options.allowedOrigins);
  let hostsFor = -1;
  let hosts = new Set<string>();
  return async (c, next) => {
    const port = options.port();
    if (port !== hostsFor) {
      hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      hostsFor = port;
    }
    const host = c.req.header('host');
    if (!host || !hosts.has(host.toLowerCase())) {
      return sendError(c, new ApiError('HOST_NOT_ALLOWED', 'This API only answers on its loopback address.'));
    }
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    if (!origins.has(origin)) {
      return sendError(c, new ApiError('ORIGIN_NOT_ALLOWED', 'Requests from this origin are not allowed.'));
    }
    const cors = { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        ...cors,
        'Access-Control-Allow-Methods': CORS_METHODS,
        'Access-Control-Allow-Headers': CORS_HEADERS,
        'Access-Control-Max-Age': '600',
      });
    }
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', origin);
    c.res.headers.append('Vary', 'Origin');
  };
}
