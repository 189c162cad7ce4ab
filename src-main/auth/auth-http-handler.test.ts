// The wrapper in front of Better Auth (issue 9, item 9): a path Better Auth does not serve is answered 404 here and
// never reaches Better Auth, whose rate limiter would otherwise keep an entry for each distinct path.
import { describe, expect, it } from 'vitest';
import { createAuthHttpHandler } from './auth-http-handler.ts';
import { authEndpointPaths, createBetterAuth } from './better-auth-options.ts';
import { TEST_BASE_URL, tempDatabase } from './auth-test-kit.ts';
import { silentLogger } from '../core/logger.ts';
import { WriteGate } from '../db/write-gate.ts';
import { SessionTokenHasher } from './session-token-hash.ts';

describe('auth HTTP wrapper', () => {
  it('keeps unknown and disabled paths away from Better Auth, and passes its own routes on', async () => {
    const db = tempDatabase();
    try {
      const auth = createBetterAuth({
        sqlite: db.sqlite,
        secret: 'x'.repeat(43),
        baseURL: TEST_BASE_URL,
        trustedOrigins: [],
        logger: silentLogger,
        onSessionEnding: () => {},
        onUserSessionsEnded: () => {},
        sessionTokens: new SessionTokenHasher('x'.repeat(43)),
        writeGate: new WriteGate(),
      });
      const seen: string[] = [];
      const handler = createAuthHttpHandler({
        betterAuthHandler: (request) => {
          seen.push(new URL(request.url).pathname);
          return Promise.resolve(new Response('{}', { status: 200 }));
        },
        baseURL: TEST_BASE_URL,
        trustedOrigins: [],
        endpointPaths: authEndpointPaths(auth),
        sessionTokens: new SessionTokenHasher('x'.repeat(43)),
      });
      const unknown = [
        '/api/auth/nope',
        `/api/auth/${'r'.repeat(8192)}`,
        '/api/auth/sign-in/social', // disabled
        '/api/auth/delete-user',
        '/api/auth/sign-in/email/extra',
        '/api/auth/',
      ];
      for (const path of unknown) {
        const response = await handler(new Request(`${TEST_BASE_URL}${path}`, { method: 'POST' }));
        expect(response.status, path.slice(0, 40)).toBe(404);
        expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
      }
      expect(seen).toEqual([]);
      for (const path of ['/api/auth/sign-in/email', '/api/auth/token', '/api/auth/jwks', '/api/auth/callback/anything']) {
        expect((await handler(new Request(`${TEST_BASE_URL}${path}`))).status, path).toBe(200);
      }
      expect(seen).toHaveLength(4);
    } finally {
      db.cleanup();
    }
  });
});
