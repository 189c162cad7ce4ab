import type { Context, Hono } from 'hono';
import type { AccessClaims, JwtVerifier } from '../auth/auth-types.ts';
import type { ApiEnv } from './api-env.ts';
import { ApiError, sendError } from './api-error.ts';
import { authenticate } from './require-auth.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteHandler = (c: Context<ApiEnv>, claims: AccessClaims) => Response | Promise<Response>;

export interface Route {
  method: Method;
  /** Hono path pattern, e.g. /api/:userId/tasks/:id */
  path: string;
  /** false only for public routes (health, openapi). */
  auth: boolean;
  handler: RouteHandler;
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
      const claims = route.auth ? await authenticate(c, verifier) : NO_CLAIMS;
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
