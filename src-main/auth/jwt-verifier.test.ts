// JWT attacks against the real module (real Better Auth keys, real SQLite), plus the verifier's cache rules.
import { createHmac } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startAuth,
  tempDatabase,
  uniqueEmail,
  TEST_BASE_URL,
  TEST_PASSWORD,
  type TestDatabase,
  useAuthModule,
} from './auth-test-kit.ts';
import { JWT_AUDIENCE, JWT_ISSUER, type SignedInSession } from './auth-types.ts';
import type { AuthModule } from './create-auth.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const segments = (token: string) => token.split('.') as [string, string, string];
const decode = (segment: string) =>
  JSON.parse(Buffer.from(segment, 'base64url').toString()) as Record<string, unknown>;

describe('JwtVerifier against Better Auth tokens', () => {
  let db: TestDatabase;
  let auth: AuthModule;
  let session: SignedInSession;
  let token: string;
  let kid: string;
  let publicJwk: JWK;

  beforeAll(async () => {
    db = tempDatabase();
    auth = await startAuth(db);
    session = await auth.service.signUp({ name: 'Val', email: uniqueEmail(), password: TEST_PASSWORD });
    token = (await auth.tokens.getAccessToken(session.sessionToken)).token;
    kid = decode(segments(token)[0]).kid as string;
    const jwks = (await (await auth.handler(new Request(`${TEST_BASE_URL}/api/auth/jwks`))).json()) as {
      keys: JWK[];
    };
    publicJwk = jwks.keys.find((key) => key.kid === kid)!;
  });
  afterAll(() => db.cleanup());

  const claims = () => ({ sub: session.user.id, email: session.user.email, sid: session.sessionId });

  async function signWithForeignKey(options: { kid: string; iss?: string; aud?: string; exp?: number }) {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    return new SignJWT(claims())
      .setProtectedHeader({ alg: 'EdDSA', kid: options.kid })
      .setIssuer(options.iss ?? JWT_ISSUER)
      .setAudience(options.aud ?? JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '15m')
      .sign(privateKey);
  }

  it('accepts a genuine token with the expected claims', async () => {
    const verified = await auth.verifier.verify(token);
    expect(verified).toEqual({
      sub: session.user.id,
      email: session.user.email,
      sid: session.sessionId,
      sessionCreatedAt: decode(segments(token)[1]).sat,
      exp: decode(segments(token)[1]).exp,
    });
    expect(decode(segments(token)[1]).sat).toBeGreaterThan(Date.now() - 60_000);
    const payload = decode(segments(token)[1]);
    expect(payload).toMatchObject({ iss: JWT_ISSUER, aud: JWT_AUDIENCE });
    expect((payload.exp as number) - (payload.iat as number)).toBe(15 * 60);
    expect(decode(segments(token)[0])).toMatchObject({ alg: 'EdDSA' });
    expect(publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
  });

  it('refuses alg "none"', async () => {
    const forged = `${b64({ alg: 'none', kid })}.${b64({ ...claims(), iss: JWT_ISSUER, aud: JWT_AUDIENCE, exp: 4102444800 })}.`;
    await expect(auth.verifier.verify(forged)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
  });

  it('refuses HS256 signed with the public key bytes (algorithm confusion)', async () => {
    const header = b64({ alg: 'HS256', kid, typ: 'JWT' });
    const payload = b64({
      ...claims(),
      iss: JWT_ISSUER,
      aud: JWT_AUDIENCE,
      exp: Math.floor(Date.now() / 1000) + 600,
    });
    for (const secret of [Buffer.from(publicJwk.x!, 'base64url'), JSON.stringify(publicJwk), publicJwk.x!]) {
      const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
      await expect(auth.verifier.verify(`${header}.${payload}.${signature}`)).rejects.toMatchObject({
        code: 'AUTH_INVALID',
      });
    }
  });

  it('refuses a foreign Ed25519 key that claims the real kid', async () => {
    await expect(auth.verifier.verify(await signWithForeignKey({ kid }))).rejects.toMatchObject({
      code: 'AUTH_INVALID',
    });
  });

  it('refuses a tampered payload', async () => {
    const [header, payload, signature] = segments(token);
    const changed = b64({ ...decode(payload), sub: 'someone-else' });
    await expect(auth.verifier.verify(`${header}.${changed}.${signature}`)).rejects.toMatchObject({
      code: 'AUTH_INVALID',
    });
    // A character in the middle of the signature carries 6 signature bits (the last one only 2).
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    await expect(auth.verifier.verify(`${header}.${payload}.${flipped}`)).rejects.toMatchObject({
      code: 'AUTH_INVALID',
    });
  });

  it('refuses wrong iss and wrong aud (even with a correct signature shape from another key)', async () => {
    // Better Auth's own jwt endpoint would sign any iss/aud; what matters is that ours pins both.
    for (const options of [{ iss: 'someone-else' }, { aud: 'another-api' }]) {
      const forged = await signWithForeignKey({ kid, ...options });
      await expect(auth.verifier.verify(forged)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    }
  });

  it('refuses a session token used as a JWT, and other non-JWS input, as malformed', async () => {
    for (const input of [
      session.sessionToken,
      `${session.sessionToken}.signature`,
      'a.b.c',
      `${b64({ alg: 'EdDSA', kid })}.@@@.abc`,
      `not-json.${segments(token)[1]}.${segments(token)[2]}`,
      '',
      'x'.repeat(20_000),
    ]) {
      await expect(auth.verifier.verify(input), input.slice(0, 40)).rejects.toMatchObject({
        code: 'AUTH_MALFORMED',
      });
    }
  });

  it('refuses an unknown kid after at most one throttled reload', async () => {
    const loads = auth.verifier.keySetLoads;
    const forged = await signWithForeignKey({ kid: 'unknown-kid' });
    await expect(auth.verifier.verify(forged)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    await expect(auth.verifier.verify(forged)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    expect(auth.verifier.keySetLoads).toBe(loads + 1);
  });

  it('refuses the JWTs of a session revoked in the verifier, cached or not', async () => {
    const other = await auth.service.signIn({ email: session.user.email, password: TEST_PASSWORD });
    const otherToken = (await auth.tokens.getAccessToken(other.sessionToken)).token;
    await auth.verifier.verify(otherToken); // now cached
    auth.verifier.revokeSession(other.sessionId);
    await expect(auth.verifier.verify(otherToken)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    await expect(auth.verifier.verify(token)).resolves.toMatchObject({ sid: session.sessionId });
  });
});

describe('key rotation in Better Auth’s JWKS', () => {
  const kit = useAuthModule();

  it('verifies a token signed by a key added after start, after exactly one reload', async () => {
    const session = await kit.auth.service.signUp({
      name: 'Rot',
      email: uniqueEmail(),
      password: TEST_PASSWORD,
    });
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    // Dated in the past so Better Auth keeps signing with its own key; the row only has to be published.
    kit.db.sqlite
      .prepare('INSERT INTO jwks (id, publicKey, privateKey, createdAt, alg, crv) VALUES (?, ?, ?, ?, ?, ?)')
      .run(
        'rotated-key',
        JSON.stringify(await exportJWK(publicKey)),
        '{}',
        '2000-01-01T00:00:00.000Z',
        'EdDSA',
        'Ed25519',
      );
    const rotated = await new SignJWT({ email: session.user.email, sid: session.sessionId })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'rotated-key' })
      .setSubject(session.user.id)
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(privateKey);
    const loads = kit.auth.verifier.keySetLoads;
    await expect(kit.auth.verifier.verify(rotated)).resolves.toMatchObject({ sub: session.user.id });
    await expect(kit.auth.verifier.verify(rotated)).resolves.toMatchObject({ sid: session.sessionId });
    expect(kit.auth.verifier.keySetLoads).toBe(loads + 1);
    // Tokens of the original key still verify after the reload.
    const original = await kit.auth.tokens.getAccessToken(session.sessionToken);
    await expect(kit.auth.verifier.verify(original.token)).resolves.toMatchObject({ sub: session.user.id });
    expect(kit.auth.verifier.keySetLoads).toBe(loads + 1);
  });
});
