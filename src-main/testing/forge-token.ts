// Test support (not a test): tokens an attacker might send, for black-box tests of the API's JWT checks.
// `signWithAppKey` plays the worst case: someone who has the app's real signing key but sets other claims.
import { generateKeyPair, SignJWT, decodeProtectedHeader, type JWTPayload } from 'jose';
import { symmetricDecrypt } from 'better-auth/crypto';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { JWT_AUDIENCE, JWT_ISSUER } from '../auth/auth-types.ts';
import type { TestCore } from './test-core.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function claimsFor(sub: string, overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return { sub, email: 'x@example.com', sid: 'sid', iss: JWT_ISSUER, aud: JWT_AUDIENCE, iat: now, exp: now + 600, ...overrides };
}

/** alg "none": a payload with no signature at all. */
export function unsignedToken(payload: JWTPayload, kid?: string): string {
  return `${b64({ alg: 'none', typ: 'JWT', ...(kid ? { kid } : {}) })}.${b64(payload)}.`;
}

/** HS256 with the public key's bytes as the HMAC secret (the classic algorithm-confusion attack). */
export function hs256WithPublicKey(payload: JWTPayload, publicJwk: { x: string; kid?: string }): string {
  const signingInput = `${b64({ alg: 'HS256', typ: 'JWT', kid: publicJwk.kid })}.${b64(payload)}`;
  const signature = createHmac('sha256', JSON.stringify(publicJwk)).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

/** A valid EdDSA signature by a key the app never issued, carrying the app key's kid. */
export async function foreignKeyToken(payload: JWTPayload, kid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', kid }).sign(privateKey);
}

/** Changes one claim of a real token, keeping its signature. */
export function tamperPayload(token: string, change: JWTPayload): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as JWTPayload;
  return `${header}.${b64({ ...claims, ...change })}.${signature}`;
}

export function kidOf(token: string): string {
  return decodeProtectedHeader(token).kid ?? '';
}

/** Signs with the app's real private key (decrypted from Better Auth's jwks table with the known test secret). */
export async function signWithAppKey(test: TestCore, payload: JWTPayload): Promise<string> {
  const db = new Database(join(test.dir, 'tasks.db'), { readonly: true });
  try {
    const row = db.prepare('SELECT id, privateKey FROM jwks ORDER BY createdAt DESC LIMIT 1').get() as {
      id: string;
      privateKey: string;
    };
    const jwk = await symmetricDecrypt({ key: test.secretStore.value!, data: JSON.parse(row.privateKey) as never });
    const { importJWK } = await import('jose');
    const key = await importJWK(JSON.parse(jwk) as Record<string, string>, 'EdDSA');
    return await new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', kid: row.id }).sign(key);
  } finally {
    db.close();
  }
}
