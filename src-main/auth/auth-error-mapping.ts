// Better Auth's API errors -> the stable AuthError codes that cross IPC. Messages are ours, never Better Auth's.
import { isAPIError } from 'better-auth/api';
import { PASSWORD_RULE_MESSAGE } from '../../src-shared/account-rules.ts';
import { AuthError, type AuthErrorCode } from './auth-types.ts';
import type { Logger } from '../core/logger.ts';

const CODE_BY_BETTER_AUTH_CODE: Readonly<Record<string, AuthErrorCode>> = {
  USER_ALREADY_EXISTS: 'EMAIL_TAKEN',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'EMAIL_TAKEN',
  INVALID_EMAIL_OR_PASSWORD: 'INVALID_CREDENTIALS',
  INVALID_PASSWORD: 'INVALID_CREDENTIALS',
  CREDENTIAL_ACCOUNT_NOT_FOUND: 'INVALID_CREDENTIALS',
  PASSWORD_TOO_SHORT: 'WEAK_PASSWORD',
  PASSWORD_TOO_LONG: 'WEAK_PASSWORD',
  INVALID_EMAIL: 'INVALID_INPUT',
  INVALID_NAME: 'INVALID_INPUT',
  VALIDATION_ERROR: 'INVALID_INPUT',
  MISSING_FIELD: 'INVALID_INPUT',
  BODY_MUST_BE_AN_OBJECT: 'INVALID_INPUT',
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  UNAUTHORIZED: 'SESSION_EXPIRED',
};

export const AUTH_ERROR_MESSAGES: Readonly<Record<AuthErrorCode, string>> = {
  INVALID_INPUT: 'Check the name and email address.',
  INVALID_CREDENTIALS: 'The email or password is not correct.',
  EMAIL_TAKEN: 'An account with this email already exists.',
  WEAK_PASSWORD: PASSWORD_RULE_MESSAGE,
  RATE_LIMITED: 'Too many attempts. Please wait a moment and try again.',
  SESSION_EXPIRED: 'Your session has ended. Please sign in again.',
  INTERNAL: 'Something went wrong. Please try again.',
};

export function authError(code: AuthErrorCode, retryAfterMs?: number): AuthError {
  return new AuthError(code, AUTH_ERROR_MESSAGES[code], retryAfterMs);
}

/** Maps any failure of an `auth.api.*` call. Unknown failures become INTERNAL and are logged (code only). */
export function toAuthError(error: unknown, logger: Logger, action: string): AuthError {
  if (error instanceof AuthError) return error;
  if (isAPIError(error)) {
    const betterAuthCode = typeof error.body?.code === 'string' ? error.body.code : undefined;
    const mapped = betterAuthCode ? CODE_BY_BETTER_AUTH_CODE[betterAuthCode] : undefined;
    if (mapped) return authError(mapped);
    if (error.statusCode === 429) return authError('RATE_LIMITED');
    if (error.statusCode === 401) return authError('SESSION_EXPIRED');
    logger.error('auth call failed', { action, status: error.statusCode, code: betterAuthCode ?? null });
    return authError('INTERNAL');
  }
  logger.error('auth call failed', { action, error: error instanceof Error ? error.name : 'unknown' });
  return authError('INTERNAL');
}
