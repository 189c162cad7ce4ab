// Verifies access JWTs locally: jose jwtVerify against the local Ed25519 key set, EdDSA pinned, iss/aud/exp
// checked, and the token's session (`sid`) checked against the revocation list on every call, cached or not.
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import {
  JWT_AUDIENCE,
  JWT_ISSUER,
  TokenRejected,
  type AccessClaims,
  type JwtVerifier,
  type TokenRejectionCode,
} from './auth-types.ts';
import type { LocalKeySet } from './local-key-set.ts';
import type { RevocationList } from './revocation-list.ts';
import { VerifiedTokenCache } from './verified-token-cache.ts';

export const CLOCK_TOLERANCE_SECONDS = 5;
/** Far above any token we mint; refuses pathological inputs before any parsing. */
const MAX_TOKEN_LENGTH = 8 * 1024;
const ALGORITHMS = ['EdDSA'];
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface RevocableJwtVerifier extends JwtVerifier {
  /** Refuses every JWT of this session from now on (cached ones included). */
  revokeSession(sessionId: string): void;
  /** Diagnostics: verified tokens cached, and key-set loads so far (start-up included). */
  readonly cachedTokens: number;
  readonly keySetLoads: number;
}

function reject(code: TokenRejectionCode, message: string): never {
  throw new TokenRejected(code, message);
}

function toClaims(payload: JWTPayload): AccessClaims {
  const { sub, exp } = payload;
  const email: unknown = payload.email;
  const sid: unknown = payload.sid;
  if (typeof sub !== 'string' || sub.length === 0) reject('AUTH_INVALID', 'The access token has no subject.');
  if (typeof exp !== 'number') reject('AUTH_INVALID', 'The access token has no expiry.');
  if (typeof email !== 'string') reject('AUTH_INVALID', 'The access token has no email.');
  if (typeof sid !== 'string' || sid.length === 0) reject('AUTH_INVALID', 'The access token has no session.');
  // Tokens minted before the claim existed have none: 0, so a user-wide revocation refuses them.
  const sat: unknown = payload.sat;
  return { sub, email, sid, exp, sessionCreatedAt: typeof sat === 'number' && Number.isFinite(sat) ? sat : 0 };
}

function mapJoseError(error: unknown): never {
  if (error instanceof TokenRejected) throw error;
  if (error instanceof errors.JWTExpired) reject('AUTH_EXPIRED', 'The access token has expired.');
  if (error instanceof errors.JWSInvalid) reject('AUTH_MALFORMED', 'The access token is not a valid JWS.');
  if (error instanceof errors.JOSEAlgNotAllowed)
    reject('AUTH_INVALID', 'The access token uses a forbidden algorithm.');
  if (error instanceof errors.JWTClaimValidationFailed)
    reject('AUTH_INVALID', 'The access token claims are not accepted.');
  reject('AUTH_INVALID', 'The access token is not valid.');
}

export class LocalJwtVerifier implements RevocableJwtVerifier {
  private readonly cache: VerifiedTokenCache;
  private readonly now: () => number;

  constructor(
    private readonly keySet: LocalKeySet,
    private readonly revocations: RevocationList,
    options: { cacheSize?: number; now?: () => number } = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.cache = new VerifiedTokenCache(options.cacheSize, this.now);
    keySet.onReload(() => this.cache.clear());
    revocations.onRevoke((sessionId) => this.cache.dropSession(sessionId));
  }

  async verify(token: string): Promise<AccessClaims> {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      reject('AUTH_MALFORMED', 'The access token is not a valid JWS.');
    }
    const cached = this.cache.get(token);
    if (cached) return this.notRevoked(cached);

    const kid = this.readKid(token);
    let key = this.keySet.get(kid);
    if (!key && (await this.keySet.reloadFor(kid))) key = this.keySet.get(kid);
    if (!key) reject('AUTH_INVALID', 'The access token was signed by an unknown key.');

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms: ALGORITHMS,
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      mapJoseError(error);
    }
    const claims = this.notRevoked(toClaims(payload));
    this.cache.set(token, claims);
    return claims;
  }

  revokeSession(sessionId: string): void {
    this.revocations.revoke(sessionId);
  }

  /** Number of verified tokens held (diagnostics). */
  get cachedTokens(): number {
    return this.cache.size;
  }

  /** How many times the key set was loaded, start-up included (diagnostics). */
  get keySetLoads(): number {
    return this.keySet.loads;
  }

  private notRevoked(claims: AccessClaims): AccessClaims {
    if (this.revocations.refuses(claims)) {
      reject('AUTH_INVALID', 'The session of this access token has ended.');
    }
    return claims;
  }

  /** Structural checks before any key lookup: three base64url segments, a JSON header, EdDSA, a kid. */
  private readKid(token: string): string {
    const parts = token.split('.');
    if (parts.length !== 3) reject('AUTH_MALFORMED', 'The access token is not a valid JWS.');
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      reject('AUTH_MALFORMED', 'The access token header is not valid.');
    }
    if (header.alg !== 'EdDSA') reject('AUTH_INVALID', 'The access token uses a forbidden algorithm.');
    if (typeof header.kid !== 'string' || header.kid.length === 0) {
      reject('AUTH_INVALID', 'The access token names no signing key.');
    }
    const [, payload, signature] = parts as [string, string, string];
    if (!BASE64URL.test(payload) || !BASE64URL.test(signature)) {
      reject('AUTH_MALFORMED', 'The access token is not valid base64url.');
    }
    return header.kid;
  }
}
