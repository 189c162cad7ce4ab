// The secret of a personal access token: a fixed prefix plus 256 random bits, and the hash that is stored.
// SHA-256 (not a slow password hash) is right here: the secret is 256 random bits, so there is nothing to guess,
// and the check stays a few microseconds on every request (bench L4).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { TOKEN_PATTERN, TOKEN_PREFIX, TOKEN_RANDOM_BYTES } from '../../src-shared/token-schemas.ts';

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(TOKEN_RANDOM_BYTES).toString('base64url');
}

export function hashTokenSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export function looksLikeTokenSecret(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** Constant-time comparison of two hashes. */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
