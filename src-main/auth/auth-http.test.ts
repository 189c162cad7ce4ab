// Better Auth's HTTP handler as the API mounts it: bearer sessions, the token/JWKS endpoints, sign-out
// revoking the session's JWTs at once, and the rate limiter (explicitly on, not bypassable by a forged IP).
// Budget: all tests in this file share one rate-limit bucket per path (CREDENTIAL_RATE_LIMIT.max HTTP sign-ups
// per minute); sign-ups that do not need HTTP go through kit.auth.service.
import { describe, expect, it } from 'vitest';
import { uniqueEmail, useAuthModule, TEST_BASE_URL, TEST_PASSWORD } from './auth-test-kit.ts';
import { CREDENTIAL_RATE_LIMIT } from './better-auth-options.ts';

function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${TEST_BASE_URL}/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function get(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`${TEST_BASE_URL}/api/auth${path}`, { headers });
}

describe('auth over HTTP', () => {
  const kit = useAuthModule();

  it('signs up with a bearer session token, mints a JWT at /token, and sign-out revokes that JWT at once', async () => {
    const email = uniqueEmail();
    const signUp = await kit.auth.handler(
      post('/sign-up/email', { name: 'Hal', email, password: TEST_PASSWORD }),
    );
    expect(signUp.status).toBe(200);
    const body = (await signUp.json()) as { token: string; user: { id: string; email: string } };
    expect(body.user.email).toBe(email);
    expect(signUp.headers.get('set-auth-token')).toBeTruthy();
    const bearer = { authorization: `Bearer ${body.token}` };

    const session = await kit.auth.handler(get('/get-session', bearer));
    expect(session.status).toBe(200);
    expect(session.headers.get('set-auth-jwt')).toBeNull(); // no JWT minted on every getSession

    const tokenResponse = await kit.auth.handler(get('/token', bearer));
    expect(tokenResponse.status).toBe(200);
    const { token } = (await tokenResponse.json()) as { token: string };
    const claims = await kit.auth.verifier.verify(token);
    expect(claims).toMatchObject({ sub: body.user.id, email });

    const jwks = (await (await kit.auth.handler(get('/jwks'))).json()) as {
      keys: { kty: string; d?: string }[];
    };
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys.every((key) => key.kty === 'OKP' && key.d === undefined)).toBe(true);

    const signOut = await kit.auth.handler(post('/sign-out', {}, bearer));
    expect(signOut.status).toBe(200);
    await expect(kit.auth.verifier.verify(token)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    expect((await kit.auth.handler(get('/token', bearer))).status).toBe(401);
    // The IPC token service notices too, without anyone calling forget().
    await expect(kit.auth.tokens.getAccessToken(body.token)).rejects.toMatchObject({
      code: 'SESSION_EXPIRED',
    });
  });

  it("sign-out over HTTP refuses the session's JWTs even when the session row could not be deleted", async () => {
    const signedIn = await kit.auth.service.signUp({
      name: 'Uma',
      email: uniqueEmail(),
      password: TEST_PASSWORD,
    });
    const { token } = await kit.auth.tokens.getAccessToken(signedIn.sessionToken);
    kit.db.sqlite.exec(
      "CREATE TRIGGER keep_sessions BEFORE DELETE ON session BEGIN SELECT RAISE(ABORT, 'io'); END",
    );
    try {
      const bearer = { authorization: `Bearer ${signedIn.sessionToken}` };
      expect((await kit.auth.handler(post('/sign-out', {}, bearer))).status).toBe(200); // Better Auth swallows it
      await expect(kit.auth.verifier.verify(token)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    } finally {
      kit.db.sqlite.exec('DROP TRIGGER keep_sessions');
    }
  });

  it('a session signed out over IPC cannot mint over HTTP', async () => {
    const signedIn = await kit.auth.service.signUp({
      name: 'Ida',
      email: uniqueEmail(),
      password: TEST_PASSWORD,
    });
    const bearer = { authorization: `Bearer ${signedIn.sessionToken}` };
    expect((await kit.auth.handler(get('/token', bearer))).status).toBe(200);
    await kit.auth.service.signOut(signedIn.sessionToken);
    expect((await kit.auth.handler(get('/token', bearer))).status).toBe(401);
  });

  it('sessions revoked through other Better Auth routes (revoke-other-sessions) lose their JWTs too', async () => {
    const email = uniqueEmail();
    const first = await kit.auth.service.signUp({ name: 'Kim', email, password: TEST_PASSWORD });
    const second = await kit.auth.service.signIn({ email, password: TEST_PASSWORD });
    const secondJwt = (await kit.auth.tokens.getAccessToken(second.sessionToken)).token;
    await kit.auth.verifier.verify(secondJwt);
    const bearer = { authorization: `Bearer ${first.sessionToken}` };
    expect((await kit.auth.handler(post('/revoke-other-sessions', {}, bearer))).status).toBe(200);
    await expect(kit.auth.verifier.verify(secondJwt)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    const firstJwt = (await kit.auth.tokens.getAccessToken(first.sessionToken)).token;
    await expect(kit.auth.verifier.verify(firstJwt)).resolves.toMatchObject({ sid: first.sessionId });
  });

  it('applies the name rule over HTTP too (Better Auth alone accepts an empty name)', async () => {
    for (const name of ['', '   ', 'x'.repeat(101), 'bell\u0007']) {
      const response = await kit.auth.handler(
        post('/sign-up/email', { name, email: uniqueEmail(), password: TEST_PASSWORD }),
      );
      expect(response.status, JSON.stringify(name)).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'INVALID_NAME' } });
    }
    const ok = await kit.auth.handler(
      post('/sign-up/email', { name: 'N'.repeat(100), email: uniqueEmail(), password: TEST_PASSWORD }),
    );
    expect(ok.status).toBe(200);
  });

  it('refuses a browser origin outside the allow-list (Better Auth alone would let it sign up)', async () => {
    const body = { name: 'Web', email: uniqueEmail(), password: TEST_PASSWORD };
    const evil = await kit.auth.handler(post('/sign-up/email', body, { origin: 'http://evil.example' }));
    expect(evil.status).toBe(403);
    expect(await evil.json()).toEqual({
      error: { code: 'ORIGIN_NOT_ALLOWED', message: expect.any(String) as string },
    });
    expect((await kit.auth.handler(post('/sign-up/email', body, { origin: 'app://tasks' }))).status).toBe(
      200,
    );
    const own = new URL(TEST_BASE_URL).origin;
    const again = { ...body, email: uniqueEmail() };
    expect((await kit.auth.handler(post('/sign-up/email', again, { origin: own }))).status).toBe(200);
  });

  it('answers 404 for Better Auth routes this offline app cannot serve', async () => {
    for (const path of ['/sign-in/social', '/request-password-reset', '/delete-user', '/change-email']) {
      expect((await kit.auth.handler(post(path, {}))).status, path).toBe(404);
    }
  });

  it('answers 429 after repeated bad sign-ins, and a forged X-Forwarded-For does not get around it', async () => {
    const email = uniqueEmail();
    await kit.auth.service.signUp({ name: 'Jo', email, password: TEST_PASSWORD });
    const statuses: number[] = [];
    for (let i = 0; i < CREDENTIAL_RATE_LIMIT.max + 2; i++) {
      const forged = { 'x-forwarded-for': `10.0.0.${i + 1}` };
      const response = await kit.auth.handler(
        post('/sign-in/email', { email, password: `wrong password ${i}` }, forged),
      );
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('x-retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, CREDENTIAL_RATE_LIMIT.max).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(CREDENTIAL_RATE_LIMIT.max)).toEqual([429, 429]);
    // Even the right password waits for the window to pass.
    expect((await kit.auth.handler(post('/sign-in/email', { email, password: TEST_PASSWORD }))).status).toBe(
      429,
    );
  });
});
