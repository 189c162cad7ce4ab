import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  claimsFor,
  foreignKeyToken,
  hs256WithPublicKey,
  kidOf,
  signWithAppKey,
  tamperPayload,
  unsignedToken,
} from '../testing/forge-token.ts';
import { accessToken, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
});
afterAll(() => test.close());

async function codeFor(authorization: string | undefined, path = `/api/${alice.id}/tasks`) {
  const response = await test.api(path, { headers: authorization === undefined ? {} : { Authorization: authorization } });
  const body = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, code: body.error?.code, message: body.error?.message };
}

describe('authentication of task routes', () => {
  it('accepts the issued JWT', async () => {
    expect((await test.api(`/api/${alice.id}/tasks`, { headers: alice.headers })).status).toBe(200);
    const me = await test.api('/api/me', { headers: alice.headers });
    expect(await me.json()).toMatchObject({ id: alice.id, email: alice.email });
  });

  it('answers 401 with a code per cause', async () => {
    expect(await codeFor(undefined)).toMatchObject({ status: 401, code: 'AUTH_MISSING' });
    expect(await codeFor('')).toMatchObject({ status: 401, code: 'AUTH_MISSING' });
    expect(await codeFor(`Basic ${alice.jwt}`)).toMatchObject({ status: 401, code: 'AUTH_MALFORMED' });
    expect(await codeFor('Bearer')).toMatchObject({ status: 401, code: 'AUTH_MALFORMED' });
    expect(await codeFor('Bearer not.a.jwt')).toMatchObject({ status: 401, code: 'AUTH_MALFORMED' });
    const sig = alice.jwt.split('.')[2]!;
    const corrupted = `${alice.jwt.slice(0, alice.jwt.lastIndexOf('.'))}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    expect(await codeFor(`Bearer ${corrupted}`)).toMatchObject({ status: 401, code: 'AUTH_INVALID' });
  });

  it('refuses forged and misused tokens', async () => {
    const claims = claimsFor(alice.id);
    const kid = kidOf(alice.jwt);
    const jwks = (await (await test.api('/api/auth/jwks')).json()) as { keys: { x: string; kid: string }[] };
    const cases: [string, string][] = [
      ['alg none', unsignedToken(claims, kid)],
      ['HS256 keyed with the public key', hs256WithPublicKey(claims, jwks.keys[0]!)],
      ['foreign key with the same kid', await foreignKeyToken(claims, kid)],
      ['tampered payload (sub)', tamperPayload(alice.jwt, { sub: 'someone-else' })],
      ['tampered payload (exp)', tamperPayload(alice.jwt, { exp: 4_102_444_800 })],
      ['wrong issuer', await signWithAppKey(test, claimsFor(alice.id, { iss: 'https://evil.example' }))],
      ['wrong audience', await signWithAppKey(test, claimsFor(alice.id, { aud: 'another-api' }))],
      ['no subject', await signWithAppKey(test, claimsFor(alice.id, { sub: undefined }))],
      ['session token used as a JWT', alice.sessionToken],
    ];
    for (const [name, token] of cases) {
      const result = await codeFor(`Bearer ${token}`);
      expect(result.status, name).toBe(401);
      expect(['AUTH_INVALID', 'AUTH_MALFORMED'], name).toContain(result.code);
    }
    // The same forging path with correct claims works: the refusals above are about the claims and keys.
    const genuine = await signWithAppKey(test, claims);
    expect((await codeFor(`Bearer ${genuine}`)).status).toBe(200);
  });

  it('answers AUTH_EXPIRED for an expired token, over the clock tolerance', async () => {
    const expired = await signWithAppKey(test, claimsFor(alice.id, { exp: Math.floor(Date.now() / 1000) - 60 }));
    expect(await codeFor(`Bearer ${expired}`)).toMatchObject({ status: 401, code: 'AUTH_EXPIRED' });
  });

  it('expires an issued token after 15 minutes even once it has been verified', async () => {
    const user = await signUp(test);
    expect((await test.api(`/api/${user.id}/tasks`, { headers: user.headers })).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 16 * 60_000 });
    try {
      const result = await codeFor(`Bearer ${user.jwt}`, `/api/${user.id}/tasks`);
      expect(result).toMatchObject({ status: 401, code: 'AUTH_EXPIRED' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses the JWTs of a session that signed out, at once', async () => {
    const user = await signUp(test);
    expect((await test.api(`/api/${user.id}/tasks`, { headers: user.headers })).status).toBe(200);
    const out = await test.api('/api/auth/sign-out', {
      method: 'POST',
      headers: { Authorization: `Bearer ${user.sessionToken}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect((await codeFor(`Bearer ${user.jwt}`, `/api/${user.id}/tasks`)).status).toBe(401);
    await expect(accessToken(test, user.sessionToken)).rejects.toThrow(/401/);
  });

  it('never puts a token or stack trace in an error response', async () => {
    const result = await codeFor(`Bearer ${tamperPayload(alice.jwt, { sub: 'x' })}`);
    expect(result.message).not.toContain(alice.jwt.split('.')[1]);
    expect(result.message).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
  });
});
