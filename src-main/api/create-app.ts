import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { JwtVerifier } from '../auth/auth-types.ts';
import type { Logger } from '../core/logger.ts';
import type { EventPublisher } from '../events/event-publisher.ts';
import { ScheduleRuleError } from '../schedule/schedule-fields.ts';
import { RuleError } from '../core/rule-error.ts';
import type { TaskRepository } from '../tasks/task-repository.ts';
import type { ApiEnv } from './api-env.ts';
import { ApiError, errorBody, sendError } from './api-error.ts';
import { bodySizeGuard } from './body-size-guard.ts';
import { isClientAbort } from './client-abort.ts';
import { loopbackGuard } from './loopback-guard.ts';
import { APP_ID, APP_NAME } from '../../src-shared/api-discovery.ts';
import { renderApiDocs } from './api-docs-page.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { MAX_BODY_BYTES } from './request-body.ts';
import { registerRoutes, type Route } from './route-table.ts';
import { listRoutes } from '../lists/list-routes.ts';
import { tagRoutes } from '../tags/tag-routes.ts';
import { taskRoutes } from './task-routes.ts';

export interface ApiAppOptions {
  repo: TaskRepository;
  verifier: JwtVerifier;
  /** Better Auth's fetch handler, mounted at /api/auth/*. */
  authHandler: (request: Request) => Promise<Response>;
  port: () => number;
  allowedOrigins: readonly string[];
  logger: Logger;
  version: string;
  /** Live events: the task routes publish each committed change here. */
  events?: EventPublisher;
  /** Extra routes (registered before the task routes). */
  extraRoutes?: readonly Route[];
  /** Called after every successful write request (the reminder scheduler re-arms: one index lookup). */
  afterWrite?: () => void;
  /** Path patterns whose routes enforce their own, larger body limit (the import route). */
  bodyLimitExempt?: string[];
}

/** The local API as a Hono app: loopback guard, body limit, auth handler, routes, one error shape. */
export function createApiApp(options: ApiAppOptions): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  let openApi: string | null = null;
  let docsPage: string | null = null;

  app.use('*', loopbackGuard({ port: options.port, allowedOrigins: options.allowedOrigins }));
  app.use(
    '/api/*',
    bodySizeGuard({
      maxBytes: MAX_BODY_BYTES,
      exempt: options.bodyLimitExempt ?? [],
      onTooLarge: (c) =>
        sendError(c, new ApiError('PAYLOAD_TOO_LARGE', `The body must be at most ${MAX_BODY_BYTES} bytes.`)),
    }),
  );

  app.all('/api/auth/*', (c) => options.authHandler(c.req.raw));

  const afterWrite = options.afterWrite;
  if (afterWrite) {
    app.use('/api/:userId/*', async (c, next) => {
      await next();
      if (c.req.method !== 'GET' && c.res.status < 400) afterWrite();
    });
  }

  const publicRoutes: Route[] = [
    {
      method: 'GET',
      path: '/api/health',
      auth: false,
      // pid: the process api.json names (the CLI compares them before it sends a credential).
      handler: (c) =>
        c.json({ status: 'ok', app: APP_ID, name: APP_NAME, version: options.version, pid: process.pid }),
    },
    {
      method: 'GET',
      path: '/api/docs',
      auth: false,
      handler: (c) => {
        docsPage ??= renderApiDocs(buildOpenApiDocument(options.version));
        return c.body(docsPage, 200, {
          'Content-Type': 'text/html; charset=utf-8',
          // frame-ancestors and X-Frame-Options: no other page may frame the docs (clickjacking).
          'Content-Security-Policy':
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
          'X-Frame-Options': 'DENY',
          'X-Content-Type-Options': 'nosniff',
        });
      },
    },
    {
      method: 'GET',
      path: '/api/openapi.json',
      auth: false,
      handler: (c) => {
        openApi ??= JSON.stringify(buildOpenApiDocument(options.version));
        return c.body(openApi, 200, { 'Content-Type': 'application/json' });
      },
    },
    {
      method: 'GET',
      path: '/api/me',
      auth: true,
      handler: (c, claims) =>
        c.json({
          id: claims.sub,
          email: claims.token ? null : claims.email,
          sessionId: claims.sid,
          token: claims.token
            ? { id: claims.token.id, name: claims.token.name, scopes: claims.token.scopes }
            : null,
        }),
    },
  ];
  registerRoutes(
    app,
    [
      ...publicRoutes,
      ...(options.extraRoutes ?? []),
      ...taskRoutes(options.repo, options.events),
      ...listRoutes(options.repo.lists, options.events),
      ...tagRoutes(options.repo.tags, options.events),
    ],
    options.verifier,
  );

  app.notFound((c) => sendError(c, new ApiError('NOT_FOUND', 'No such route.')));
  app.onError((error, c) => {
    if (error instanceof ApiError) return sendError(c, error);
    if (error instanceof ScheduleRuleError) {
      return sendError(c, new ApiError('VALIDATION_FAILED', 'The request body is not valid.', error.details));
    }
    if (error instanceof RuleError) return sendError(c, new ApiError(error.code, error.message, error.details));
    if (isClientAbort(c, error)) {
      options.logger.info('request aborted by the client', { method: c.req.method, path: c.req.path });
      return sendError(c, new ApiError('BAD_REQUEST', 'The request was aborted before its body arrived.'));
    }
    const requestId = randomUUID();
    options.logger.error('request failed', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    return c.json(errorBody('INTERNAL', 'Something went wrong on our side.', { requestId }), 500);
  });
  return app;
}
