import type { Context, Hono } from 'hono';
import type { AccessClaims, JwtVerifier } from '../auth/auth-types.ts';
import type { ApiEnv } from './api-env.ts';
import { ApiError, sendError } from './api-error.ts';
import { authenticate } from './require-auth.ts';
import type { TokenScope } from '../../src-shared/token-schemas.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteHandler = (c: Context<ApiEnv>, claims: AccessClaims) => Response | Promise<Response>;

export interface Route {
  method: Method;
  /** Hono path pattern, e.g. /api/:userId/tasks/:id */
  path: string;
  /**
   * false only for public routes (health, openapi); 'session' for routes only a signed-in session's JWT may use
   * (personal access tokens get 403 SESSION_REQUIRED).
   */
  auth: boolean | 'session';
  /** The scope a personal access token needs; default tasks:read for GET, tasks:write otherwise. */
  scope?: TokenScope;
  handler: RouteHandler;
}

/** Personal access tokens: session-only routes and scopes. JWTs (a signed-in session) may do everything. */
function checkTokenAccess(route: Route, claims: AccessClaims): void {
  const token = claims.token;
  if (!token) return;
  if (route.auth === 'session') {
    throw new ApiError('SESSION_REQUIRED', 'Only a signed-in session may manage tokens; a personal access token cannot.');
  }
  const scope = route.scope ?? (route.method === 'GET' ? 'tasks:read' : 'tasks:write');
  if (!token.scopes.includes(scope)) {
    throw new ApiError('INSUFFICIENT_SCOPE', `This token lacks the scope ${scope}.`);
  }
}

const NO_CLAIMS: AccessClaims = { sub: '', email: '', sid: null, exp: 0 };

/**
 * Registers routes in order and, for each path, a catch-all that answers 405 with an Allow header, so a
 * known path with the wrong method never reads as "not found".
 */
export function registerRoutes(app: Hono<ApiEnv>, routes: readonly Route[], verifier: JwtVerifier): void {
  const methodsByPath = new Map<string, Method[]>();
  for (const route of routes) {
    const methods = methodsByPath.get(route.path) ?? [];
    methods.push(route.method);
    methodsByPath.set(route.path, methods);
    app.on(route.method, route.path, async (c) => {
      if (!route.auth) return route.handler(c, NO_CLAIMS);
      const claims = await authenticate(c, verifier);
      checkTokenAccess(route, claims);
      return route.handler(c, claims);
    });
  }
  for (const [path, methods] of methodsByPath) {
    const allow = [...methods, 'OPTIONS'].join(', ');
    app.all(path, (c) =>
      sendError(c, new ApiError('METHOD_NOT_ALLOWED', `Use one of: ${allow}.`), { Allow: allow }),
    );
  }
}
