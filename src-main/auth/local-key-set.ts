// The public keys that verify access JWTs, held locally. Loaded from Better Auth's JWKS in-process at start;
// reloaded only when a token names an unknown `kid`, and then at most once per throttle interval.
import { importJWK, type CryptoKey, type JWK } from 'jose';
import type { Logger } from '../core/logger.ts';

export const KEY_RELOAD_THROTTLE_MS = 5_000;

export type JwksSource = () => Promise<{ keys: readonly JWK[] }>;

/** Only Ed25519 signing keys are accepted, whatever else a JWKS may hold. */
function isEd25519SigningKey(key: JWK): boolean {
  return (
    key.kty === 'OKP' &&
    key.crv === 'Ed25519' &&
    typeof key.x === 'string' &&
    typeof key.kid === 'string' &&
    (key.alg === undefined || key.alg === 'EdDSA') &&
    (key.use === undefined || key.use === 'sig') &&
    key.d === undefined
  );
}

export class LocalKeySet {
  private keys = new Map<string, CryptoKey>();
  /** Time of the last reload caused by an unknown kid (the start-up load does not count). */
  private lastReloadAt = Number.NEGATIVE_INFINITY;
  private inflight: Promise<boolean> | null = null;
  private reloadCount = 0;
  private readonly reloadListeners = new Set<() => void>();

  constructor(
    private readonly source: JwksSource,
    private readonly logger: Logger,
    private readonly throttleMs: number = KEY_RELOAD_THROTTLE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Loads the set unconditionally (start-up). */
  async load(): Promise<void> {
    const { keys } = await this.source();
    const next = new Map<string, CryptoKey>();
    for (const jwk of keys) {
      if (!isEd25519SigningKey(jwk) || jwk.kid === undefined) continue;
      next.set(jwk.kid, (await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, 'EdDSA')) as CryptoKey);
    }
    this.keys = next;
    this.reloadCount += 1;
    for (const listener of this.reloadListeners) listener();
  }

  get(kid: string): CryptoKey | undefined {
    return this.keys.get(kid);
  }

  /**
   * Reloads because `kid` was unknown, unless a reload happened within the throttle interval.
   * Concurrent callers share one reload. Resolves to whether the key is known afterwards.
   */
  async reloadFor(kid: string): Promise<boolean> {
    if (this.keys.has(kid)) return true;
    if (!this.inflight) {
      if (this.now() - this.lastReloadAt < this.throttleMs) return false;
      this.lastReloadAt = this.now(); // failing reloads are throttled too
      this.inflight = this.load()
        .then(() => true)
        .catch((error: unknown) => {
          this.logger.error('auth key set reload failed', {
            error: error instanceof Error ? error.message : 'unknown',
          });
          return false;
        })
        .finally(() => {
          this.inflight = null;
        });
    }
    await this.inflight;
    return this.keys.has(kid);
  }

  /** Called after every successful (re)load: caches derived from the old set must go. */
  onReload(listener: () => void): () => void {
    this.reloadListeners.add(listener);
    return () => this.reloadListeners.delete(listener);
  }

  get size(): number {
    return this.keys.size;
  }

  /** How many times the set was loaded (start-up included). For diagnostics and tests. */
  get loads(): number {
    return this.reloadCount;
  }
}
