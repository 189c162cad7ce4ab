// The verifier's rules with keys we control: claim checks, expiry with a fake clock, key rotation and
// reload throttling, and the safety of the verified-token cache.
import Database from 'better-sqlite3';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger.ts';
import { JWT_AUDIENCE, JWT_ISSUER } from './auth-types.ts';
import { LocalJwtVerifier } from './jwt-verifier.ts';
import { LocalKeySet } from './local-key-set.ts';
import { RevocationList } from './revocation-list.ts';

interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function makeKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA' } };
}

describe('LocalJwtVerifier rules', () => {
  let clock: number;
  const now = () => clock;
  let published: JWK[];
  let sourceCalls: number;
  let keySet: LocalKeySet;
  let revocations: RevocationList;
  let verifier: LocalJwtVerifier;
  let k1: TestKey;
  let sqlite: Database.Database;

  async function sign(key: TestKey, claims: JWTPayload = {}, options: { expInSeconds?: number } = {}) {
    const iat = Math.floor(clock / 1000);
    return new SignJWT({
      email: 'a@example.com',
      sid: 'session-1',
      sub: 'user-1',
      iss: JWT_ISSUER,
      aud: JWT_AUDIENCE,
      ...claims,
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
      .setIssuedAt(iat)
      .setExpirationTime(iat + (options.expInSeconds ?? 900))
      .sign(key.privateKey);
  }

  beforeEach(async () => {
    clock = Date.UTC(2030, 0, 1);
    k1 = await makeKey('k1');
    published = [k1.jwk];
    sourceCalls = 0;
    keySet = new LocalKeySet(
      () => {
        sourceCalls += 1;
        return Promise.resolve({ keys: [...published] });
      },
      silentLogger,
      5_000,
      now,
    );
    await keySet.load();
    sqlite = new Database(':memory:');
    revocations = new RevocationList(sqlite, now);
    verifier = new LocalJwtVerifier(keySet, revocations, { now, cacheSize: 3 });
  });

  it('pins iss and aud, and requires sub, sid and email, even under a trusted key', async () => {
    await expect(verifier.verify(await sign(k1))).resolves.toMatchObject({ sub: 'user-1', sid: 'session-1' });
    await expect(verifier.verify(await sign(k1, { iss: 'other' }))).rejects.toMatchObject({
      code: 'AUTH_INVALID',
    });
    await expect(verifier.verify(await sign(k1, { aud: 'other' }))).rejects.toMatchObject({
      code: 'AUTH_INVALID',
    });
    await expect(verifier.verify(await sign(k1, { sub: undefined }))).rejects.toMatchObject({
      code: 'AUTH_INVALID',
    });
    await expect(verifier.verify(await sign(k1, { sid: undefined }))).rejects.toMatchObject({
      code: 'AUTH_INVALID',
    });
    await expect(verifier.verify(await sign(k1, { email: 42 }))).rejects.toMatchObject({
      code: 'AUTH_INVALID',
    });
  });

  it('reports expiry as AUTH_EXPIRED, within a 5 s tolerance, and never serves an expired token from the cache', async () => {
    const token = await sign(k1, {}, { expInSeconds: 60 });
    await expect(verifier.verify(token)).resolves.toBeTruthy();
    expect(verifier.cachedTokens).toBe(1);
    clock += 63_000; // 3 s past exp: tolerated
    await expect(verifier.verify(token)).resolves.toBeTruthy();
    clock += 10_000; // 13 s past exp
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'AUTH_EXPIRED' });
    await expect(verifier.verify(await sign(k1, {}, { expInSeconds: -30 }))).rejects.toMatchObject({
      code: 'AUTH_EXPIRED',
    });
  });

  it('reloads once on an unknown kid (rotation), then throttles reloads for further unknown kids', async () => {
    const k2 = await makeKey('k2');
    const rotated = await sign(k2);
    published = [k1.jwk, k2.jwk];
    await expect(verifier.verify(rotated)).resolves.toMatchObject({ sub: 'user-1' });
    expect(sourceCalls).toBe(2); // start-up + one reload
    await expect(verifier.verify(await sign(k2, { sub: 'user-2' }))).resolves.toMatchObject({
      sub: 'user-2',
    });
    expect(sourceCalls).toBe(2);

    const k3 = await makeKey('k3');
    published = [k1.jwk, k2.jwk, k3.jwk];
    await expect(verifier.verify(await sign(k3))).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    expect(sourceCalls).toBe(2); // within the throttle interval
    clock += 5_001;
    await expect(verifier.verify(await sign(k3))).resolves.toBeTruthy();
    expect(sourceCalls).toBe(3);
  });

  it('shares one reload between concurrent verifications of unknown kids', async () => {
    const k2 = await makeKey('k2');
    published = [k1.jwk, k2.jwk];
    const tokens = await Promise.all([
      sign(k2, { sid: 'a' }),
      sign(k2, { sid: 'b' }),
      sign(k2, { sid: 'c' }),
    ]);
    await Promise.all(tokens.map((token) => expect(verifier.verify(token)).resolves.toBeTruthy()));
    expect(sourceCalls).toBe(2);
  });

  it('flushes the verified-token cache when the key set reloads (a withdrawn key stops working)', async () => {
    const old = await sign(k1);
    await verifier.verify(old);
    const k2 = await makeKey('k2');
    published = [k2.jwk]; // k1 withdrawn
    await verifier.verify(await sign(k2));
    expect(verifier.cachedTokens).toBe(1); // only the k2 token: the cache was flushed on reload
    await expect(verifier.verify(old)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
  });

  it('never serves a revoked session from the cache; revocations survive a restart and expire after the JWT TTL', async () => {
    const token = await sign(k1, { sid: 'session-9' });
    await verifier.verify(token);
    verifier.revokeSession('session-9');
    expect(verifier.cachedTokens).toBe(0);
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'AUTH_INVALID' });

    const restarted = new LocalJwtVerifier(keySet, new RevocationList(sqlite, now), { now });
    await expect(restarted.verify(token)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    clock += 16 * 60_000 + 1; // past the longest life of any JWT minted before the revocation
    const later = new RevocationList(sqlite, now);
    expect(later.isRevoked('session-9')).toBe(false);
    expect(later.size).toBe(0);
  });

  it('bounds the cache (least recently used goes first)', async () => {
    const tokens = await Promise.all(['a', 'b', 'c', 'd'].map((sid) => sign(k1, { sid })));
    for (const token of tokens.slice(0, 3)) await verifier.verify(token);
    await verifier.verify(tokens[0]!); // refresh "a"
    await verifier.verify(tokens[3]!); // evicts "b"
    expect(verifier.cachedTokens).toBe(3);
  });

  it('ignores non-Ed25519 and private entries of the JWKS', async () => {
    const { publicKey } = await generateKeyPair('ES256');
    const ec = { ...(await exportJWK(publicKey)), kid: 'ec', alg: 'ES256' };
    published = [k1.jwk, ec, { ...k1.jwk, kid: 'with-private', d: 'AAAA' }];
    await keySet.load();
    expect(keySet.size).toBe(1);
  });
});
