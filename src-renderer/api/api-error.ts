// One error type for everything the renderer gets back from the local API or the bridge.
// Screens switch on `code` (stable strings from src-shared/api-errors.ts and the IPC contract).
import { isApiErrorBody, type ApiFieldIssue } from '../../src-shared/api-errors';

/** HTTP API codes plus the renderer's own: NETWORK (API unreachable), SIGNED_OUT (no usable session). */
export type ClientErrorCode = string;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly status: number,
    readonly details: readonly ApiFieldIssue[] = [],
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Builds an ApiError from a non-2xx response (the body may be missing or not JSON). */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
  if (isApiErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiError(code, message, response.status, details ?? [], retryAfterMs);
  }
  return new ApiError(
    response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
    `The task service answered ${response.status}.`,
    response.status,
    [],
    retryAfterMs,
  );
}

/** Words for a person, by code. The server's message is a fallback, never the first choice. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Try again.';
  switch (error.code) {
    case 'NETWORK':
      return 'Cannot reach the task service. Check that Tasks is running, then try again.';
    case 'SIGNED_OUT':
    case 'AUTH_EXPIRED':
    case 'AUTH_INVALID':
    case 'AUTH_MISSING':
    case 'AUTH_MALFORMED':
      return 'Your session has ended. Sign in again to continue.';
    case 'NOT_FOUND':
      return 'That task no longer exists. It may have been deleted elsewhere.';
    case 'VALIDATION_FAILED':
      return error.details[0]?.message ?? error.message;
    case 'RATE_LIMITED':
      return 'Too many requests. Wait a moment and try again.';
    case 'PAYLOAD_TOO_LARGE':
      return 'That is too much text for one task.';
    default:
      return error.message || 'Something went wrong. Try again.';
  }
}
