// The auth secret's format: base64url (or base64 / hex) text encoding at least 32 random bytes.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SECRET_MIN_BYTES = 32;
const FINGERPRINT_LABEL = 'tasks-desktop/auth-secret-fingerprint/v1';

/** 32 fresh random bytes as base64url (43 characters). */
export function generateSecret(): string {
  return randomBytes(SECRET_MIN_BYTES).toString('base64url');
}

/**
 * How many bytes the secret text encodes, or null when it is neither hex nor base64/base64url.
 * Hex is tried first because every hex string is also valid base64.
 */
export function decodedSecretLength(secret: string): number | null {
  if (/^(?:[0-9a-fA-F]{2})+$/.test(secret)) return secret.length / 2;
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(secret)) return Buffer.from(secret, 'base64url').length;
  return null;
}

/** A one-way fingerprint of the secret (HMAC-SHA256 of a fixed label), safe to store beside the data. */
export function secretFingerprint(secret: string): string {
  return createHmac('sha256', secret).update(FINGERPRINT_LABEL).digest('hex');
}

export function sameFingerprint(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
