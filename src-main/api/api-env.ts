import type { AccessClaims } from '../auth/auth-types.ts';

/** Hono context variables set by the API's middleware. */
export interface ApiEnv {
  Variables: {
    claims: AccessClaims;
  };
}
