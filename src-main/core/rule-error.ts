import type { ApiErrorCode, ApiFieldIssue } from '../../src-shared/api-errors.ts';

/**
 * A request broke a data rule (a name taken, a nesting too deep, a referenced list that is not the caller's).
 * Thrown by the repositories; the HTTP API answers it in its one error shape with the code's status.
 */
export class RuleError extends Error {
  override readonly name = 'RuleError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: ApiFieldIssue[],
  ) {
    super(message);
  }
}

/** The referenced thing does not exist for this user (another user's id looks exactly the same). */
export function missing(what: string, path?: string): RuleError {
  return new RuleError('NOT_FOUND', `${what} not found.`, path ? [{ path, message: `${what} not found.` }] : undefined);
}
