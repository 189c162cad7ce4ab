// Better Auth's configuration for the desktop app: email + password, bearer sessions, EdDSA access JWTs.
// Shared by the running instance and the start-up migration so both see the same schema.
import type { Database } from 'better-sqlite3';
import { betterAuth } from 'better-auth';
import { createAuthMiddleware, isAPIError } from 'better-auth/api';
import { bearer, jwt } from 'better-auth/plugins';
import type { Logger } from '../core/logger.ts';
import type { WriteGate } from '../db/write-gate.ts';
import { LazyBeginSqliteDialect } from './lazy-begin-sqlite-dialect.ts';
import { nameGuard } from './name-guard.ts';
import type { SessionTokenHasher } from './session-token-hash.ts';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  JWT_AUDIENCE,
  JWT_ISSUER,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from './auth-types.ts';

export const AUTH_BASE_PATH = '/api/auth';
export const SESSION_TTL_SECONDS = 7 * 24 * 3600;
export const SESSION_UPDATE_AGE_SECONDS = 24 * 3600;
/** Requests per window for the credential endpoints (all local clients share one bucket per path). */
export const CREDENTIAL_RATE_LIMIT = { window: 60, max: 10 } as const;
/** Everything else (token, jwks, get-session): Better Auth's own default, roomy for local scripts. */
export const DEFAULT_RATE_LIMIT = { window: 10, max: 100 } as const;
/**
 * Better Auth keys its rate limiter on a client-IP header. A loopback server has only local clients, and a
 * client-supplied X-Forwarded-For would let a script rotate buckets, so the handler overwrites this header.
 */
export const CLIENT_IP_HEADER = 'x-tasks-client-ip';

/**
 * Routes this offline app cannot serve (no social providers, no mail server, no account deletion flow):
 * 404 over HTTP instead of half-working. Better Auth matches these exactly.
 */
export const DISABLED_AUTH_PATHS = [
  '/sign-in/social',
  '/link-social',
  '/unlink-account',
  '/get-access-token',
  '/refresh-token',
  '/account-info',
  '/request-password-reset',
  '/reset-password',
  '/send-verification-email',
  '/verify-email',
  '/change-email',
  '/delete-user',
  '/delete-user/callback',
];

export interface BetterAuthDeps {
  /** Better Auth's own connection (never the app's: its transactions stay open across awaits). */
  sqlite: Database;
  /** Taken before each of Better Auth's write transactions (see lazy-begin-sqlite-dialect.ts). */
  writeGate: WriteGate;
  secret: string;
  baseURL: string;
  trustedOrigins: readonly string[];
  logger: Logger;
  /**
   * Called just before Better Auth deletes a session row (sign-out over HTTP or IPC, expiry cleanup, revoke
   * routes, password change). Before, not after: if the delete then fails (Better Auth logs and swallows that on
   * sign-out), the session's JWTs are refused anyway.
   */
  onSessionEnding: (sessionId: string) => void;
  /** Session tokens are stored as their keyed hash only (session-token-hash.ts). */
  sessionTokens: SessionTokenHasher;
  /**
   * The user's personal access tokens must go: called before the user row is deleted, and after a successful
   * password change with "sign out everywhere" (`revokeOtherSessions: true`). Plain sign-out does not call it.
   */
  onUserCredentialsReset?: (userId: string) => void | Promise<void>;
  /**
   * Every session of the user created before `createdBefore` (epoch ms) has ended: a password change with "sign
   * out everywhere" (cut-off: the new session's creation), a deleted user (cut-off: forever). By user, because
   * Better Auth runs the per-session delete hook (onSessionEnding) for the first 100 rows only.
   */
  onUserSessionsEnded: (userId: string, createdBefore: number) => void;
}

/**
 * After-hook: a password change that signed out everywhere ends all the user's other sessions (by user: see
 * onUserSessionsEnded) and revokes the user's personal access tokens.
 */
function afterPasswordReset(deps: Pick<BetterAuthDeps, 'onUserCredentialsReset' | 'onUserSessionsEnded'>) {
  return createAuthMiddleware(async (ctx) => {
    if (ctx.path !== '/change-password') return;
    const body: unknown = ctx.body;
    if (typeof body !== 'object' || body === null || !('revokeOtherSessions' in body)) return;
    if (body.revokeOtherSessions !== true) return;
    const returned: unknown = ctx.context.returned;
    if (returned === undefined || returned === null || isAPIError(returned) || returned instanceof Response) return;
    const userId = ctx.context.session?.user.id;
    if (typeof userId !== 'string') return;
    // The new session was created right after the old ones were deleted, in the same write: its creation time
    // separates them from it. Without one (not expected), everything until now ends.
    const created = ctx.context.newSession?.session.createdAt;
    const cutoff = created === undefined ? Date.now() : new Date(created).getTime();
    deps.onUserSessionsEnded(userId, Number.isFinite(cutoff) ? cutoff : Date.now());
    // Awaited: the response (and so the caller's next request) comes after the tokens are gone.
    await deps.onUserCredentialsReset?.(userId);
  });
}

export function createBetterAuth(deps: BetterAuthDeps) {
  const { logger } = deps;
  return betterAuth({
    appName: 'Tasks Desktop',
    // Its own connection, BEGIN deferred to the first write, behind the write gate: lazy-begin-sqlite-dialect.ts.
    database: { dialect: new LazyBeginSqliteDialect(deps.sqlite, deps.writeGate), type: 'sqlite', transaction: true },
    secret: deps.secret,
    baseURL: deps.baseURL,
    basePath: AUTH_BASE_PATH,
    trustedOrigins: [...deps.trustedOrigins],
    telemetry: { enabled: false },
    disabledPaths: [...DISABLED_AUTH_PATHS],
    logger: {
      level: 'warn',
      // Only Better Auth's message: its extra arguments can carry request data.
      log: (level, message) => {
        if (level === 'error') logger.error(`better-auth: ${message}`);
        else logger.warn(`better-auth: ${message}`);
      },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      autoSignIn: true,
      requireEmailVerification: false,
    },
    session: { expiresIn: SESSION_TTL_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    rateLimit: {
      enabled: true, // off outside NODE_ENV=production by default
      storage: 'memory',
      ...DEFAULT_RATE_LIMIT,
      customRules: {
        '/sign-in/email': CREDENTIAL_RATE_LIMIT,
        '/sign-up/email': CREDENTIAL_RATE_LIMIT,
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Explicit, so tests (NODE_ENV=test turns it off by default) check origins and callback URLs as production
      // does; the HTTP wrapper (auth-http-handler.ts) lets scripts without an Origin through.
      disableOriginCheck: false,
    },
    hooks: {
      before: nameGuard,
      after: afterPasswordReset(deps),
    },
    databaseHooks: {
      user: {
        delete: {
          before: (user) => {
            deps.onUserSessionsEnded(user.id, Number.MAX_SAFE_INTEGER);
            // Not awaited: the user's delete may hold the database's write lock; the revocation is queued behind it.
            void deps.onUserCredentialsReset?.(user.id);
            return Promise.resolve();
          },
        },
      },
      session: {
        create: {
          // Only the keyed hash reaches the database; the raw token goes back to the client in this answer only.
          before: (session) => Promise.resolve({ data: { ...session, token: deps.sessionTokens.seal(session.token) } }),
        },
        delete: {
          before: (session) => {
            deps.onSessionEnding(session.id);
            return Promise.resolve();
          },
        },
      },
    },
    plugins: [
      bearer(),
      jwt({
        jwks: { keyPairConfig: { alg: 'EdDSA', crv: 'Ed25519' } },
        jwt: {
          issuer: JWT_ISSUER,
          audience: JWT_AUDIENCE,
          expirationTime: `${ACCESS_TOKEN_TTL_SECONDS}s`,
          // sat: the session's creation time (ms), which "sign out everywhere" cuts off by (revocation-list.ts).
          definePayload: ({ user, session }) => ({
            email: user.email,
            sid: session.id,
            sat: new Date(session.createdAt).getTime(),
          }),
        },
        // Otherwise every getSession signs a fresh JWT into a `set-auth-jwt` header.
        disableSettingJwtHeader: true,
      }),
    ],
  });
}

export type BetterAuthInstance = ReturnType<typeof createBetterAuth>;

/** The paths Better Auth serves over HTTP (relative to AUTH_BASE_PATH), the disabled ones left out. */
export function authEndpointPaths(auth: BetterAuthInstance): string[] {
  const disabled = new Set(DISABLED_AUTH_PATHS);
  return Object.values(auth.api as Record<string, { path?: unknown }>)
    .map((endpoint) => endpoint.path)
    .filter((path): path is string => typeof path === 'string' && !disabled.has(path));
}
