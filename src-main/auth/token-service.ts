// Access JWTs for a session token: minted by Better Auth's jwt plugin in-process, cached until 60 s before
// expiry, one mint shared by concurrent callers, dropped at once when the session is revoked anywhere.
import { decodeJwt } from 'jose';
import { AuthError, type AccessTokenGrant, type TokenService } from './auth-types.ts';
import type { RevocationList } from './revocation-list.ts';

export const REFRESH_MARGIN_MS = 60_000;
/** Above this many cached sessions, expired grants are swept on insert. */
const SWEEP_THRESHOLD = 1_000;

/** Mints a JWT for the session; resolves to null when the session is expired, revoked or unknown. */
export type AccessTokenMinter = (sessionToken: string) => Promise<string | null>;

interface CachedGrant {
  grant: AccessTokenGrant;
  sessionId: string;
  userId: string;
  sessionCreatedAt: number;
}

function sessionExpired(): AuthError {
  return new AuthError('SESSION_EXPIRED', 'Your session has ended. Please sign in again.');
}

function readGrant(token: string): CachedGrant {
  const { exp, sid, sub, sat } = decodeJwt(token);
  if (typeof exp !== 'number' || typeof sid !== 'string') {
    throw new AuthError('INTERNAL', 'The access token could not be issued.');
  }
  const sessionCreatedAt = typeof sat === 'number' ? sat : 0;
  return { grant: { token, expiresAt: exp * 1000 }, sessionId: sid, userId: sub ?? '', sessionCreatedAt };
}

export class CachingTokenService implements TokenService {
  private readonly cache = new Map<string, CachedGrant>();
  private readonly inflight = new Map<string, Promise<CachedGrant>>();

  constructor(
    private readonly mint: AccessTokenMinter,
    revocations: RevocationList,
    private readonly now: () => number = Date.now,
  ) {
    revocations.onRevoke((sessionId) => {
      for (const [sessionToken, cached] of this.cache)
        if (cached.sessionId === sessionId) this.forget(sessionToken);
    });
    revocations.onRevokeUser((userId, createdBefore) => {
      for (const [sessionToken, cached] of this.cache)
        if (cached.userId === userId && cached.sessionCreatedAt < createdBefore) this.forget(sessionToken);
    });
  }

  async getAccessToken(
    sessionToken: string,
    options?: { forceRefresh?: boolean },
  ): Promise<AccessTokenGrant> {
    if (typeof sessionToken !== 'string' || sessionToken.length === 0) throw sessionExpired();
    const cached = this.cache.get(sessionToken);
    if (cached && !options?.forceRefresh && cached.grant.expiresAt - REFRESH_MARGIN_MS > this.now()) {
      return cached.grant;
    }
    const pending = this.inflight.get(sessionToken);
    if (pending) return (await pending).grant;

    const minting = this.mintGrant(sessionToken);
    this.inflight.set(sessionToken, minting);
    try {
      const minted = await minting;
      // forget() (sign-out, revocation) removes the in-flight entry: then the result must not be cached.
      if (this.inflight.get(sessionToken) === minting) this.remember(sessionToken, minted);
      return minted.grant;
    } finally {
      if (this.inflight.get(sessionToken) === minting) this.inflight.delete(sessionToken);
    }
  }

  forget(sessionToken: string): void {
    this.cache.delete(sessionToken);
    this.inflight.delete(sessionToken);
  }

  private remember(sessionToken: string, minted: CachedGrant): void {
    if (this.cache.size >= SWEEP_THRESHOLD) {
      const now = this.now();
      for (const [token, cached] of this.cache) if (cached.grant.expiresAt <= now) this.cache.delete(token);
    }
    this.cache.set(sessionToken, minted);
  }

  private async mintGrant(sessionToken: string): Promise<CachedGrant> {
    let token: string | null;
    try {
      token = await this.mint(sessionToken);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      throw new AuthError('INTERNAL', 'The access token could not be issued.');
    }
    if (token === null) {
      this.forget(sessionToken);
      throw sessionExpired();
    }
    return readGrant(token);
  }
}
