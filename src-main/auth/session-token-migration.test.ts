// Sessions stored before session tokens were hashed are ended at start (see session-token-migration.ts for why
// not hashed in place); sessions stored hashed are kept; a second start finds nothing to do.
import { afterEach, describe, expect, it } from 'vitest';
import { recordingLogger, startAuth, tempDatabase, TEST_PASSWORD, uniqueEmail, type TestDatabase } from './auth-test-kit.ts';

describe('sessions stored before tokens were hashed', () => {
  let db: TestDatabase | undefined;
  afterEach(() => db?.cleanup());

  it('are ended at start, with their JWTs, and logged; hashed sessions stay signed in', async () => {
    db = tempDatabase();
    const first = await startAuth(db);
    const kept = await first.service.signUp({ name: 'Kept', email: uniqueEmail(), password: TEST_PASSWORD });
    const old = await first.service.signUp({ name: 'Old', email: uniqueEmail(), password: TEST_PASSWORD });
    const oldJwt = (await first.tokens.getAccessToken(old.sessionToken)).token;
    // What a pre-upgrade database holds: the raw token itself.
    const rawToken = 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6';
    db.sqlite.prepare('UPDATE session SET token = ? WHERE id = ?').run(rawToken, old.sessionId);

    db.reopen();
    const logger = recordingLogger();
    const second = await startAuth(db, { logger });
    expect(db.sqlite.prepare('SELECT id FROM session').pluck().all()).toEqual([kept.sessionId]);
    expect(await second.service.getSession(rawToken)).toBeNull();
    await expect(second.verifier.verify(oldJwt)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    expect(await second.service.getSession(kept.sessionToken)).toMatchObject({ sessionId: kept.sessionId });
    expect(logger.lines.filter((line) => line.includes('hashed session tokens'))).toEqual([
      expect.stringContaining('"sessions":1'),
    ]);

    db.reopen();
    const quiet = recordingLogger();
    await startAuth(db, { logger: quiet });
    expect(quiet.lines.filter((line) => line.includes('hashed session tokens'))).toEqual([]);
  });
});
