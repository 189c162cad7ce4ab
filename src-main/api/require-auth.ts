import type { Context } from 'hono';
import { TokenRejected, type AccessClaims, type JwtVerifier } from '../auth/auth-types.ts';
import { ApiError } from './api-error.ts';

/** RFC 9110: the scheme is case-insensitive, followed by one or more spaces. */
const BEARER = /^bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Verifies the request's Bearer credential locally: an access JWT, or a personal access token (the verifier
 * given by start-core dispatches on the token prefix). Throws ApiError 401 with a code per cause.
 */
export async function authenticate(c: Context, verifier: JwtVerifier): Promise<AccessClaims> {
  const header = c.req.header('authorization');
  if (header === undefined || header === '') {
    throw new ApiError('AUTH_MISSING', 'Send an access token: Authorization: Bearer <JWT or personal access token>.');
  }
  const match = BEARER.exec(header);
  if (!match?.[1]) throw new ApiError('AUTH_MALFORMED', 'The Authorization header must be "Bearer <token>".');
  try {
    return await verifier.verify(match[1]);
  } catch (error) {
    if (error instanceof TokenRejected) throw new ApiError(error.code, error.message);
    throw error;
  }
}

/** 403 unless the path's user id is the token's subject. */
export function assertOwnPath(claims: AccessClaims, userId: string): void {
  if (claims.sub !== userId) throw new ApiError('FORBIDDEN', 'This token may only access its own user\'s tasks.');
}

/** The path's `userId`, checked against the credential's subject (403 FORBIDDEN otherwise). */
export function ownUserId(c: Context, claims: AccessClaims): string {
  const userId = c.req.param('userId') ?? '';
  assertOwnPath(claims, userId);
  return userId;
}
