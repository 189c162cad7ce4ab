// Personal access token routes. Only a signed-in session (its JWT) may use them: a token gets SESSION_REQUIRED.
//   POST   /api/{userId}/tokens        { name, scopes, expiresInDays } -> 201 { ...info, token } (secret shown once)
//   GET    /api/{userId}/tokens        -> { items: [...] } (no secrets)
//   DELETE /api/{userId}/tokens/{id}   -> 204
import { tokenCreate } from '../../src-shared/token-schemas.ts';
import { ApiError, notFound } from '../api/api-error.ts';
import { readValidBody } from '../api/request-body.ts';
import { ownUserId } from '../api/require-auth.ts';
import type { Route } from '../api/route-table.ts';
import { TokenLimitReached, type PersonalTokenStore } from './token-store.ts';

export const TOKENS_PATH = '/api/:userId/tokens';
export const TOKEN_PATH = '/api/:userId/tokens/:id';

export function tokenRoutes(store: PersonalTokenStore): Route[] {
  return [
    {
      method: 'POST',
      path: TOKENS_PATH,
      auth: 'session',
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        const input = await readValidBody(c, tokenCreate);
        try {
          return c.json(await store.create(userId, input), 201, { 'Cache-Control': 'no-store' });
        } catch (error) {
          if (error instanceof TokenLimitReached) throw new ApiError('VALIDATION_FAILED', error.message);
          throw error;
        }
      },
    },
    {
      method: 'GET',
      path: TOKENS_PATH,
      auth: 'session',
      handler: (c, claims) => {
        const userId = ownUserId(c, claims);
        return c.json({ items: store.list(userId) });
      },
    },
    {
      method: 'DELETE',
      path: TOKEN_PATH,
      auth: 'session',
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        if (!(await store.revoke(userId, c.req.param('id') ?? ''))) throw notFound('Token');
        return c.body(null, 204);
      },
    },
  ];
}
