// token string -> verified claims, so the hot path of the API skips the signature check.
// Bounded LRU on a Map (insertion order = recency; a hit is re-inserted at the end), O(1) per operation.
// Callers must still check revocation on every hit; entries are never served at or after `exp`.
import type { AccessClaims } from './auth-types.ts';

export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

export class VerifiedTokenCache {
  private readonly entries = new Map<string, AccessClaims>();

  constructor(
    private readonly maxEntries: number = VERIFIED_TOKEN_CACHE_SIZE,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get(token: string): AccessClaims | undefined {
    const claims = this.entries.get(token);
    if (!claims) return undefined;
    this.entries.delete(token);
    if (claims.exp * 1000 <= this.now()) return undefined;
    this.entries.set(token, claims);
    return claims;
  }

  set(token: string, claims: AccessClaims): void {
    this.entries.delete(token);
    this.entries.set(token, claims);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** Drops the entries of one session (its sid was revoked). O(n), rare. */
  dropSession(sessionId: string): void {
    for (const [token, claims] of this.entries) if (claims.sid === sessionId) this.entries.delete(token);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
