// Why a fetch failed, in words a person can act on: Node's fetch rejects with a bare `TypeError: fetch failed`
// whose cause (ECONNREFUSED, a reset, a timeout...) is the part that matters. Never just an error's name.

const CODE_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed while sending',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ENOTFOUND: 'no such host',
  EADDRNOTAVAIL: 'the address is not available',
  UND_ERR_SOCKET: 'the connection closed before an answer',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
  UND_ERR_BODY_TIMEOUT: 'the answer stopped arriving',
};

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  address?: unknown;
  port?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function asErrorLike(value: unknown): ErrorLike | null {
  return typeof value === 'object' && value !== null ? value : null;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The innermost error with a system or undici code (an AggregateError's first one for several addresses). */
function coded(error: ErrorLike | null, depth = 0): ErrorLike | null {
  if (!error || depth > 5) return null;
  if (str(error.code)) return error;
  const inner = coded(asErrorLike(error.cause), depth + 1);
  if (inner) return inner;
  if (Array.isArray(error.errors)) {
    for (const each of error.errors) {
      const found = coded(asErrorLike(each), depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** The system or undici code of a failure (ECONNREFUSED, UND_ERR_SOCKET...), looking through causes. */
export function failureCode(error: unknown): string | undefined {
  return str(coded(asErrorLike(error))?.code);
}

/** Every message down the cause chain, joined: "fetch failed: other side closed". */
export function describeError(error: unknown): string {
  return messages(asErrorLike(error));
}

function messages(error: ErrorLike | null): string {
  const parts: string[] = [];
  for (let e = error, depth = 0; e && depth < 5; e = asErrorLike(e.cause), depth += 1) {
    const text = str(e.message) ?? str(e.code) ?? str(e.name);
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join(': ') || (typeof error === 'object' ? 'unknown error' : String(error));
}

/**
 * "connection refused to 127.0.0.1:9 (ECONNREFUSED)", "no answer within 5 s", or the chain of messages when the
 * failure has no code.
 */
export function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const top = asErrorLike(error);
  if (str(top?.name) === 'TimeoutError') return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const withCode = coded(top);
  if (withCode) {
    const code = str(withCode.code)!;
    const words = CODE_WORDS[code];
    const address = str(withCode.address);
    const where =
      address === undefined ? '' : ` to ${address}${typeof withCode.port === 'number' ? `:${withCode.port}` : ''}`;
    if (words) return `${words}${where} (${code})`;
    return `${messages(withCode)}${where} (${code})`;
  }
  return messages(top);
}
