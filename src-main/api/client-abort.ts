// A request whose client went away mid-body (an upload cancelled, a closed laptop lid): an everyday event, not a
// failure of the server, so it is logged at info and answered to nobody.
import type { Context } from 'hono';

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/**
 * Whether `error` is the request's body ending because the client aborted: Node's `aborted` reset of the incoming
 * message (ECONNRESET, possibly wrapped as the cause of a stream error), or the request's signal already aborted.
 */
export function isClientAbort(c: Context, error: unknown): boolean {
  if (c.req.raw.signal.aborted) return true;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if (errorCode(e) === 'ECONNRESET' || errorCode(e) === 'ERR_STREAM_PREMATURE_CLOSE') return true;
    if (e.message === 'aborted') return true;
  }
  return false;
}
