// The auth module's entry point: secret checks, Better Auth on its own SQLite connection, its tables,
// a signing key that exists before the first request, the local JWT verifier and the token service.
import type { Database } from 'better-sqlite3';
import { isAPIError } from 'better-auth/api';
import type { Logger } from '../core/logger.ts';
import type { WriteGate } from '../db/write-gate.ts';
import { isPlausibleSessionToken } from './auth-input.ts';
import { migrateAuthTables } from './auth-migrations.ts';
import { AuthStartupError } from './auth-startup-error.ts';
import { bearerHeaders, BetterAuthService } from './auth-service.ts';
import type { AuthService, SecretStore, TokenService } from './auth-types.ts';
import { authEndpointPaths, createBetterAuth, type BetterAuthInstance } from './better-auth-options.ts';
import { createAuthHttpHandler } from './auth-http-handler.ts';
import { LocalJwtVerifier, type RevocableJwtVerifier } from './jwt-verifier.ts';
import { LocalKeySet } from './local-key-set.ts';
import { RevocationList } from './revocation-list.ts';
import { resolveAuthSecret } from './secret-guard.ts';
import { createSecretSealer, type StringSealer } from './secret-sealer.ts';
import { SessionTokenHasher } from './session-token-hash.ts';
import { endUnhashedSessions } from './session-token-migration.ts';
import { CachingTokenService } from './token-service.ts';

export interface AuthModule {
  /** Better Auth's fetch handler; the API mounts it at /api/auth/*. */
  handler(request: Request): Promise<Response>;
  /** In-process sign-up/in/out/getSession for IPC (errors mapped to AuthError codes). */
  service: AuthService;
  /** Access JWTs for a session token, cached until 60 s before exp. */
  tokens: TokenService;
  verifier: RevocableJwtVerifier;
  /** Session revocations (sign-out, revoked sessions): live event streams of a session end on these. */
  revocations: RevocationList;
  /** Seals strings with the auth secret (a sync account's password where no OS keyring is available). */
  secretSealer: StringSealer;
}

export interface CreateAuthOptions {
  /**
   * Better Auth's own connection to the data file (DatabaseService.authSqlite), never the app's: Better Auth keeps
   * transactions open across awaits, and an app write on the same connection would run inside them.
   */
  sqlite: Database;
  /** The process-wide writer gate the app's write queue also takes (DatabaseService.gate). */
  writeGate: WriteGate;
  secretStore: SecretStore;
  /** e.g. http://127.0.0.1:PORT (the server listens before createAuth is called). */
  baseURL: string;
  trustedOrigins: readonly string[];
  logger: Logger;
  /** Revokes the user's personal access tokens (account deleted; password changed with "sign out everywhere"). */
  onUserCredentialsReset?: (userId: string) => void | Promise<void>;
}

/** Signs a throwaway JWT so a key that cannot be decrypted (wrong secret) stops the start, not the first user. */
async function ensureSigningKey(auth: BetterAuthInstance): Promise<void> {
  try {
    await auth.api.getJwks(); // creates the first key pair when none exists
    // An audience nothing accepts: the token is discarded anyway, and could not be replayed.
    await auth.api.signJWT({
      body: { payload: { sub: 'start-up-check', aud: 'tasks-desktop-start-up-check' } },
    });
  } catch (error) {
    throw new AuthStartupError(
      'SIGNING_KEY_UNAVAILABLE',
      'The JWT signing key cannot be created or decrypted with the current auth secret.',
      { cause: error },
    );
  }
}

export async function createAuth(options: CreateAuthOptions): Promise<AuthModule> {
  const { sqlite, logger } = options;
  const secret = await resolveAuthSecret({ sqlite, store: options.secretStore, logger });
  const revocations = new RevocationList(sqlite);
  const sessionTokens = new SessionTokenHasher(secret);

  const auth = createBetterAuth({
    sqlite,
    writeGate: options.writeGate,
    secret,
    baseURL: options.baseURL,
    trustedOrigins: options.trustedOrigins,
    logger,
    onSessionEnding: (sessionId) => revocations.revoke(sessionId),
    onUserSessionsEnded: (userId, createdBefore) => revocations.revokeUserSessions(userId, createdBefore),
    sessionTokens,
    ...(options.onUserCredentialsReset ? { onUserCredentialsReset: options.onUserCredentialsReset } : {}),
  });
  await migrateAuthTables(auth, logger);
  endUnhashedSessions(sqlite, revocations, logger);
  await ensureSigningKey(auth);

  const keySet = new LocalKeySet(() => auth.api.getJwks(), logger);
  await keySet.load();
  const verifier = new LocalJwtVerifier(keySet, revocations);

  const tokens = new CachingTokenService(async (sessionToken) => {
    if (!isPlausibleSessionToken(sessionToken)) return null;
    try {
      const { token } = await auth.api.getToken({ headers: bearerHeaders(sessionTokens, sessionToken) });
      return token;
    } catch (error) {
      if (isAPIError(error) && error.statusCode === 401) return null;
      logger.error('access token mint failed', { error: error instanceof Error ? error.message : 'unknown' });
      throw error;
    }
  }, revocations);

  const service = new BetterAuthService(auth, sessionTokens, logger, (sessionToken, sessionId) => {
    tokens.forget(sessionToken);
    if (sessionId) verifier.revokeSession(sessionId);
  });

  logger.info('auth ready', { signingKeys: keySet.size, revokedSessions: revocations.size });
  return {
    handler: createAuthHttpHandler({
      betterAuthHandler: (request) => auth.handler(request),
      baseURL: options.baseURL,
      trustedOrigins: options.trustedOrigins,
      endpointPaths: authEndpointPaths(auth),
      sessionTokens,
    }),
    service,
    tokens,
    verifier,
    revocations,
    secretSealer: createSecretSealer(secret),
  };
}
