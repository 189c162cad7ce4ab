// The auth layer's public surface, used by the composition code, the IPC handlers and the HTTP API.

/** `iss` and `aud` of every access JWT; the API pins both. */
export const JWT_ISSUER = 'tasks-desktop';
export const JWT_AUDIENCE = 'tasks-desktop-api';
/** Access JWT lifetime (seconds). */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  SIGN_IN_PASSWORD_MAX_LENGTH,
} from '../../src-shared/account-rules.ts';

export type AuthErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_CREDENTIALS'
  | 'EMAIL_TAKEN'
  | 'WEAK_PASSWORD'
  | 'RATE_LIMITED'
  | 'SESSION_EXPIRED'
  | 'INTERNAL';

/** A failure with a stable code. `message` is safe to show a user. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface AuthUser {
  id: string;
  name: string;
  email: string;
}

export interface SignedInSession {
  user: AuthUser;
  /** Better Auth's opaque session token. Stays in main; never sent to the renderer. */
  sessionToken: string;
  sessionId: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface ActiveSession {
  user: AuthUser;
  sessionId: string;
  expiresAt: number;
}

export interface AuthService {
  signUp(input: { name: string; email: string; password: string }): Promise<SignedInSession>;
  signIn(input: { email: string; password: string }): Promise<SignedInSession>;
  /** Revokes the session in Better Auth. Idempotent. */
  signOut(sessionToken: string): Promise<void>;
  /** The live session for a token (sliding expiry applies), or null if expired, revoked or unknown. */
  getSession(sessionToken: string): Promise<ActiveSession | null>;
  /**
   * Changes the session's user's password after checking the current one (INVALID_CREDENTIALS, WEAK_PASSWORD).
   * With `revokeOtherSessions` every session of the user ends, its personal access tokens are revoked, and the
   * new session's token is returned (the caller's old one has ended too); without it, null.
   */
  changePassword(
    sessionToken: string,
    input: { currentPassword: string; newPassword: string; revokeOtherSessions: boolean },
  ): Promise<{ sessionToken: string | null }>;
}

export interface AccessTokenGrant {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface TokenService {
  /**
   * A fresh access JWT for the session, cached until 60 s before expiry.
   * Throws AuthError('SESSION_EXPIRED') when the session is expired, revoked or unknown.
   */
  getAccessToken(sessionToken: string, options?: { forceRefresh?: boolean }): Promise<AccessTokenGrant>;
  /** Drops any cached JWT for the session (after sign-out). */
  forget(sessionToken: string): void;
}

/** Where the auth secret lives. Electron: safeStorage + electron-store; headless: 0600 file or env var. */
export interface SecretStore {
  /** For messages, e.g. "file /data/auth-secret" or "env TASKS_AUTH_SECRET". */
  readonly description: string;
  /** The stored secret, or null when none has been stored yet. */
  read(): Promise<string | null>;
  /** Stores a newly generated secret. May throw when the store is read-only. */
  write(secret: string): Promise<void>;
}

/** Claims of a verified access JWT, or of a personal access token (then `token` is set). */
export interface AccessClaims {
  sub: string;
  /** Empty for a personal access token. */
  email: string;
  sid: string | null;
  /** When the JWT's session was created (epoch ms, the `sat` claim): "sign out everywhere" cuts off by it. */
  sessionCreatedAt?: number;
  /** Epoch seconds; 0 for a personal access token (see token.expiresAt). */
  exp: number;
  /** Set when a personal access token (src-main/tokens), not a session's JWT, authenticated the request. */
  token?: PersonalTokenClaims;
}

export interface PersonalTokenClaims {
  id: string;
  name: string;
  scopes: readonly string[];
  /** Epoch ms, or null for no expiry. */
  expiresAt: number | null;
}

export type TokenRejectionCode = 'AUTH_MALFORMED' | 'AUTH_INVALID' | 'AUTH_EXPIRED';

export class TokenRejected extends Error {
  override readonly name = 'TokenRejected';
  constructor(
    readonly code: TokenRejectionCode,
    message: string,
  ) {
    // An expected rejection, answered as a 401 and never logged: no stack trace to capture (bench L3).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** Verifies Bearer JWTs locally (jose, EdDSA pinned, iss/aud/exp checked). */
export interface JwtVerifier {
  /** Throws TokenRejected. */
  verify(token: string): Promise<AccessClaims>;
}
