import Database from 'better-sqlite3';
import { SignJWT, generateKeyPair, type CryptoKey } from 'jose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { uniqueEmail, useAuthModule, TEST_PASSWORD } from './auth-test-kit.ts';
import { AuthError } from './auth-types.ts';
import { RevocationList } from './revocation-list.ts';
import { CachingTokenService } from './token-service.ts';

describe('CachingTokenService (fake minter, fake clock)', () => {
  let clock: number;
  let mints: string[];
  let key: CryptoKey;
  let revocations: RevocationList;
  let service: CachingTokenService;
  let sessions: Map<string, string | null>; // session token -> sid, null = ended

  beforeAll(async () => {
    key = (await generateKeyPair('EdDSA')).privateKey;
  });
  beforeEach(() => {
    clock = Date.UTC(2030, 0, 1);
    mints = [];
    sessions = new Map([
      ['s1', 'sid-1'],
      ['s2', 'sid-2'],
    ]);
    revocations = new RevocationList(new Database(':memory:'), () => clock);
    service = new CachingTokenService(
      async (sessionToken) => {
        mints.push(sessionToken);
        await new Promise((resolve) => setTimeout(resolve, 5));
        const sid = sessions.get(sessionToken);
        if (!sid) return null;
        const iat = Math.floor(clock / 1000);
        return new SignJWT({ sid, n: mints.length })
          .setProtectedHeader({ alg: 'EdDSA' })
          .setIssuedAt(iat)
          .setExpirationTime(iat + 900)
          .sign(key);
      },
      revocations,
      () => clock,
    );
  });

  it('caches until 60 s before expiry, then mints anew', async () => {
    const first = await service.getAccessToken('s1');
    expect(first.expiresAt).toBe(clock + 900_000);
    clock += 839_000; // 61 s left
    expect(await service.getAccessToken('s1')).toEqual(first);
    expect(mints).toHaveLength(1);
    clock += 2_000; // 59 s left
    const second = await service.getAccessToken('s1');
    expect(second.token).not.toBe(first.token);
    expect(mints).toHaveLength(2);
  });

  it('shares one mint between concurrent callers of the same session, not across sessions', async () => {
    const grants = await Promise.all([
      service.getAccessToken('s1'),
      service.getAccessToken('s1'),
      service.getAccessToken('s2'),
    ]);
    expect(grants[0]).toEqual(grants[1]);
    expect(grants[2].token).not.toBe(grants[0].token);
    expect(mints.sort()).toEqual(['s1', 's2']);
  });

  it('forceRefresh mints anew; forget drops the cache', async () => {
    const first = await service.getAccessToken('s1');
    const forced = await service.getAccessToken('s1', { forceRefresh: true });
    expect(forced.token).not.toBe(first.token);
    expect(await service.getAccessToken('s1')).toEqual(forced);
    service.forget('s1');
    await service.getAccessToken('s1');
    expect(mints).toHaveLength(3);
  });

  it('throws SESSION_EXPIRED for an ended or unknown session, and drops the cache when its sid is revoked', async () => {
    await expect(service.getAccessToken('unknown')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    await expect(service.getAccessToken('')).rejects.toBeInstanceOf(AuthError);
    await service.getAccessToken('s1');
    sessions.set('s1', null);
    revocations.revoke('sid-1'); // e.g. sign-out over HTTP
    await expect(service.getAccessToken('s1')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('does not cache a mint that was under way when the session was forgotten', async () => {
    const pending = service.getAccessToken('s1');
    service.forget('s1');
    await pending;
    await service.getAccessToken('s1');
    expect(mints).toHaveLength(2);
  });
});

describe('token service on the real module', () => {
  const kit = useAuthModule();

  it('issues verifiable JWTs for a session, cached, and SESSION_EXPIRED after sign-out', async () => {
    const session = await kit.auth.service.signUp({
      name: 'Tom',
      email: uniqueEmail(),
      password: TEST_PASSWORD,
    });
    const [a, b] = await Promise.all([
      kit.auth.tokens.getAccessToken(session.sessionToken),
      kit.auth.tokens.getAccessToken(session.sessionToken),
    ]);
    expect(a).toEqual(b);
    expect(a.expiresAt).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(a.expiresAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    await expect(kit.auth.verifier.verify(a.token)).resolves.toMatchObject({
      sub: session.user.id,
      sid: session.sessionId,
    });
    await kit.auth.service.signOut(session.sessionToken);
    await expect(kit.auth.tokens.getAccessToken(session.sessionToken)).rejects.toMatchObject({
      code: 'SESSION_EXPIRED',
    });
    await expect(
      kit.auth.tokens.getAccessToken(session.sessionToken, { forceRefresh: true }),
    ).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    for (const unknown of ['never-issued-token', 'bad\ntoken', 'x'.repeat(600)]) {
      await expect(kit.auth.tokens.getAccessToken(unknown)).rejects.toMatchObject({
        code: 'SESSION_EXPIRED',
      });
    }
  });

  it('refuses an expired session with SESSION_EXPIRED, and JWTs already issued for it stop verifying', async () => {
    const session = await kit.auth.service.signUp({
      name: 'Old',
      email: uniqueEmail(),
      password: TEST_PASSWORD,
    });
    const grant = await kit.auth.tokens.getAccessToken(session.sessionToken);
    kit.db.sqlite
      .prepare('UPDATE session SET expiresAt = ? WHERE id = ?')
      .run(new Date(Date.now() - 1000).toISOString(), session.sessionId);
    await expect(
      kit.auth.tokens.getAccessToken(session.sessionToken, { forceRefresh: true }),
    ).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(await kit.auth.service.getSession(session.sessionToken)).toBeNull();
    // Better Auth deleted the expired session row, which revokes its sid like a sign-out.
    await expect(kit.auth.verifier.verify(grant.token)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
  });

  it('slides the session expiry forward once a day of it has passed', async () => {
    const session = await kit.auth.service.signUp({
      name: 'Sly',
      email: uniqueEmail(),
      password: TEST_PASSWORD,
    });
    const twoDaysIn = Date.now() + 5 * 24 * 3600_000;
    kit.db.sqlite
      .prepare('UPDATE session SET expiresAt = ? WHERE id = ?')
      .run(new Date(twoDaysIn).toISOString(), session.sessionId);
    const live = await kit.auth.service.getSession(session.sessionToken);
    expect(live?.expiresAt).toBeGreaterThan(Date.now() + 7 * 24 * 3600_000 - 60_000);
  });
});
