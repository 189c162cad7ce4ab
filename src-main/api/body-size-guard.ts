// The request body limit (413), cheap on the hot path. Hono's bodyLimit reads `c.req.raw.body`, which makes
// @hono/node-server build a full Web Request (headers, AbortController, stream) for every request, GETs included;
// and `except()` from hono/combine matched the exempt paths with a fresh router pass and composed middleware on
// every request. Measured with bench/ (L1/L3), both were a visible share of a request's CPU time.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Hono path pattern ('/api/:userId/import', '/x/*') to an anchored RegExp. */
export function pathPatternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

export interface BodySizeGuardOptions {
  maxBytes: number;
  /** Path patterns whose routes enforce their own, larger limit. */
  exempt?: readonly string[];
  onTooLarge: (c: Context) => Response;
}

export function bodySizeGuard(options: BodySizeGuardOptions): MiddlewareHandler {
  const exempt = (options.exempt ?? []).map(pathPatternToRegExp);
  // Bodies of unknown length (chunked) are counted while they are read.
  const streamed = bodyLimit({ maxSize: options.maxBytes, onError: options.onTooLarge });
  return async (c, next) => {
    const method = c.req.method;
    // @hono/node-server never gives GET or HEAD requests a body: nothing to limit.
    if (method === 'GET' || method === 'HEAD') return next();
    const path = c.req.path;
    if (exempt.some((re) => re.test(path))) return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      // A declared length (Node's HTTP parser validated it and reads exactly that many bytes).
      return Number.parseInt(length, 10) > options.maxBytes ? options.onTooLarge(c) : next();
    }
    return streamed(c, next);
  };
}
