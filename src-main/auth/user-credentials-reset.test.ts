// The hook that revokes a user's personal access tokens when the account is deleted. The app has no account
// deletion flow yet (Better Auth's /delete-user is disabled), so the hook is driven through Better Auth's own
// internal adapter, the path every future deletion flow goes through.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger.ts';
import { WriteGate } from '../db/write-gate.ts';
import { migrateAuthTables } from './auth-migrations.ts';
import { TEST_BASE_URL, TEST_PASSWORD, tempDatabase, uniqueEmail } from './auth-test-kit.ts';
import { createBetterAuth } from './better-auth-options.ts';
import { SessionTokenHasher } from './session-token-hash.ts';

describe('onUserCredentialsReset', () => {
  it('runs before a user is deleted, with the user id, and not on sign-out', async () => {
    const db = tempDatabase();
    try {
      const reset: string[] = [];
      const auth = createBetterAuth({
        sqlite: db.sqlite,
        writeGate: new WriteGate(),
        secret: 'a'.repeat(64),
        baseURL: TEST_BASE_URL,
        trustedOrigins: [],
        logger: silentLogger,
        onSessionEnding: () => {},
        onUserSessionsEnded: () => {},
        sessionTokens: new SessionTokenHasher('a'.repeat(64)),
        onUserCredentialsReset: (userId) => {
          reset.push(userId);
        },
      });
      await migrateAuthTables(auth, silentLogger);
      const { user, token } = await auth.api.signUpEmail({
        body: { name: 'Erin', email: uniqueEmail(), password: TEST_PASSWORD },
      });
      await auth.api.signOut({ headers: new Headers({ authorization: `Bearer ${token}` }) });
      expect(reset).toEqual([]);
      const context = await auth.$context;
      await context.internalAdapter.deleteUser(user.id);
      expect(reset).toEqual([user.id]);
    } finally {
      db.cleanup();
    }
  });
});
