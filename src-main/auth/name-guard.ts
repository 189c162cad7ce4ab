// Better Auth accepts any string as a user's name (even an empty one). This before-hook applies our rule to
// every route that sets a name, over HTTP and in-process alike.
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { isValidName, NAME_MAX_LENGTH } from './auth-input.ts';

const PATHS_SETTING_A_NAME = new Set(['/sign-up/email', '/update-user']);
export const INVALID_NAME_CODE = 'INVALID_NAME';

export const nameGuard = createAuthMiddleware(async (ctx) => {
  if (!PATHS_SETTING_A_NAME.has(ctx.path)) return;
  const body: unknown = ctx.body;
  if (typeof body !== 'object' || body === null || !('name' in body)) {
    if (ctx.path === '/update-user') return; // updating other fields only
    throw new APIError('BAD_REQUEST', { code: INVALID_NAME_CODE, message: 'A name is required.' });
  }
  if (!isValidName(body.name)) {
    throw new APIError('BAD_REQUEST', {
      code: INVALID_NAME_CODE,
      message: `The name must be 1 to ${NAME_MAX_LENGTH} characters, without control characters.`,
    });
  }
  return Promise.resolve();
});
