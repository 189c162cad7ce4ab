import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { API_ERROR_CODES, type ApiErrorBody, type ApiErrorCode, type ApiFieldIssue } from '../../src-shared/api-errors.ts';

/** An expected failure: becomes `{ error: { code, message, details? } }` with the code's status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: ApiFieldIssue[],
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    // Answered to the client, never logged: skip capturing a stack trace (a visible share of each 401 in bench L3).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
  }

  get status(): ContentfulStatusCode {
    return API_ERROR_CODES[this.code];
  }
}

export function errorBody(code: ApiErrorCode, message: string, extra?: Partial<ApiErrorBody['error']>): ApiErrorBody {
  return { error: { code, message, ...extra } };
}

export function sendError(c: Context, error: ApiError, headers?: Record<string, string>): Response {
  const body = errorBody(error.code, error.message, error.details ? { details: error.details } : undefined);
  return c.json(body, error.status, { ...error.headers, ...headers });
}

export function issuesToDetails(issues: readonly z.core.$ZodIssue[]): ApiFieldIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export const notFound = (what = 'Task'): ApiError => new ApiError('NOT_FOUND', `${what} not found.`);
