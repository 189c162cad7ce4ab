import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rejectionOf,
  recordingLogger,
  startAuth,
  tempDatabase,
  uniqueEmail,
  TEST_PASSWORD,
  type TestDatabase,
} from './auth-test-kit.ts';
import { AuthError, type AuthErrorCode } from './auth-types.ts';
import type { AuthModule } from './create-auth.ts';

async function codeOf(run: () => Promise<unknown>): Promise<AuthErrorCode> {
  return (await rejectionOf(run, AuthError)).code;
}

describe('AuthService (in-process, for IPC)', () => {
  let db: TestDatabase;
  let auth: AuthModule;
  const logger = recordingLogger();
  beforeAll(async () => {
    db = tempDatabase();
    auth = await startAuth(db, { logger });
  });
  afterAll(() => db.cleanup());

  it('signs up, signs in and finds the live session', async () => {
    const email = uniqueEmail();
    const up = await auth.service.signUp({
      name: ' Ann ',
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(up.user).toEqual({ id: up.user.id, name: 'Ann', email });
    expect(up.expiresAt).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    const inSession = await auth.service.signIn({ email, password: TEST_PASSWORD });
    expect(inSession.user.id).toBe(up.user.id);
    expect(inSession.sessionToken).not.toBe(up.sessionToken);
    expect(inSession.sessionId).not.toBe(up.sessionId);
    const live = await auth.service.getSession(inSession.sessionToken);
    expect(live).toEqual({ user: up.user, sessionId: inSession.sessionId, expiresAt: inSession.expiresAt });
  });

  it('maps failures to stable codes', async () => {
    const email = uniqueEmail();
    await auth.service.signUp({ name: 'Bob', email, password: TEST_PASSWORD });
    expect(await codeOf(() => auth.service.signUp({ name: 'Bob', email, password: TEST_PASSWORD }))).toBe(
      'EMAIL_TAKEN',
    );
    expect(await codeOf(() => auth.service.signIn({ email, password: 'wrong password!' }))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(await codeOf(() => auth.service.signIn({ email: uniqueEmail(), password: TEST_PASSWORD }))).toBe(
      'INVALID_CREDENTIALS',
    );
    const fresh = { name: 'Cy', email: uniqueEmail() };
    expect(await codeOf(() => auth.service.signUp({ ...fresh, password: 'short' }))).toBe('WEAK_PASSWORD');
    expect(await codeOf(() => auth.service.signUp({ ...fresh, password: 'x'.repeat(129) }))).toBe(
      'WEAK_PASSWORD',
    );
    expect(
      await codeOf(() => auth.service.signUp({ ...fresh, email: 'not-an-email', password: TEST_PASSWORD })),
    ).toBe('INVALID_INPUT');
    expect(await codeOf(() => auth.service.signUp({ ...fresh, name: '   ', password: TEST_PASSWORD }))).toBe(
      'INVALID_INPUT',
    );
    expect(await codeOf(() => auth.service.signIn({ email, password: '' }))).toBe('INVALID_INPUT');
    // An overlong sign-in password cannot match a stored one: refused without hashing.
    expect(await codeOf(() => auth.service.signIn({ email, password: 'y'.repeat(10_000) }))).toBe(
      'INVALID_CREDENTIALS',
    );
    // Exactly at the limits is accepted.
    const edge = await auth.service.signUp({ name: 'Edge', email: uniqueEmail(), password: 'z'.repeat(128) });
    expect(edge.user.name).toBe('Edge');
  });

  it('signs out idempotently; the session is gone and its JWTs are refused at once', async () => {
    const session = await auth.service.signUp({ name: 'Dee', email: uniqueEmail(), password: TEST_PASSWORD });
    const grant = await auth.tokens.getAccessToken(session.sessionToken);
    await expect(auth.verifier.verify(grant.token)).resolves.toMatchObject({ sid: session.sessionId });
    await auth.service.signOut(session.sessionToken);
    expect(await auth.service.getSession(session.sessionToken)).toBeNull();
    await expect(auth.verifier.verify(grant.token)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    expect(await codeOf(() => auth.tokens.getAccessToken(session.sessionToken))).toBe('SESSION_EXPIRED');
    await expect(auth.service.signOut(session.sessionToken)).resolves.toBeUndefined();
    await expect(auth.service.signOut('unknown-token')).resolves.toBeUndefined();
    expect(await auth.service.getSession('no\nsuch token')).toBeNull();
  });

  it('reports a sign-out that could not delete the session, and still refuses its JWTs', async () => {
    const session = await auth.service.signUp({ name: 'Stu', email: uniqueEmail(), password: TEST_PASSWORD });
    const grant = await auth.tokens.getAccessToken(session.sessionToken);
    db.sqlite.exec(
      "CREATE TRIGGER keep_sessions BEFORE DELETE ON session BEGIN SELECT RAISE(ABORT, 'disk trouble'); END",
    );
    try {
      expect(await codeOf(() => auth.service.signOut(session.sessionToken))).toBe('INTERNAL');
      await expect(auth.verifier.verify(grant.token)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    } finally {
      db.sqlite.exec('DROP TRIGGER keep_sessions');
    }
    await auth.service.signOut(session.sessionToken);
    expect(await auth.service.getSession(session.sessionToken)).toBeNull();
  });

  it('limits repeated failed sign-ins per email, with a retry delay', async () => {
    const email = uniqueEmail();
    await auth.service.signUp({ name: 'Eve', email, password: TEST_PASSWORD });
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(() => auth.service.signIn({ email, password: `wrong password ${i}` }))).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const error: unknown = await auth.service
      .signIn({ email, password: TEST_PASSWORD })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMITED' });
    expect((error as AuthError).retryAfterMs).toBeGreaterThan(0);
    // Another account is not locked out by it.
    const other = uniqueEmail();
    await auth.service.signUp({ name: 'Fay', email: other, password: TEST_PASSWORD });
    await expect(auth.service.signIn({ email: other, password: TEST_PASSWORD })).resolves.toBeTruthy();
  });

  it('never logs passwords or tokens', () => {
    const text = logger.lines.join('\n');
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain('wrong password');
  });
});
