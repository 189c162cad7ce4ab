// POST /api/{userId}/tasks/bulk: one action on many tasks (see bulk-repository.ts and src-shared/bulk-schemas.ts).
// Its body may be larger than the other task routes' 64 KiB (BULK_MAX ids), so it has its own limit. With
// `Accept: application/x-ndjson` the answer streams one `{ "progress": { done, total } }` line per committed
// chunk, then `{ "result": ... }` (or `{ "error": ... }` if a chunk failed: the chunks before it stay written and
// the line says so); otherwise it is one JSON result.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { BULK_BODY_MAX_BYTES, BULK_MAX, bulkFilter, bulkRequest, NDJSON, type BulkResult } from '../../src-shared/bulk-schemas.ts';
import type { AccessClaims } from '../auth/auth-types.ts';
import { RuleError } from '../core/rule-error.ts';
import type { Logger } from '../core/logger.ts';
import type { ApiEnv } from '../api/api-env.ts';
import { ApiError, errorBody, sendError } from '../api/api-error.ts';
import { readValidBody, validate } from '../api/request-body.ts';
import { ownUserId } from '../api/require-auth.ts';
import type { Route } from '../api/route-table.ts';
import type { BulkRepository } from './bulk-repository.ts';

export const BULK_PATH = '/api/:userId/tasks/bulk';

const limitBody: (c: Context<ApiEnv>, next: () => Promise<void>) => Promise<Response | void> = bodyLimit({
  maxSize: BULK_BODY_MAX_BYTES,
  onError: (c) => sendError(c, new ApiError('PAYLOAD_TOO_LARGE', `A bulk request must be at most ${BULK_BODY_MAX_BYTES} bytes.`)),
});

function wantsProgress(c: Context<ApiEnv>): boolean {
  return (c.req.header('accept') ?? '').toLowerCase().includes(NDJSON);
}

export function bulkRoutes(bulk: BulkRepository, logger: Logger): Route[] {
  const failureLine = (error: unknown, done: number): string => {
    if (error instanceof RuleError) return JSON.stringify(errorBody(error.code, error.message, { details: error.details }));
    const requestId = crypto.randomUUID();
    logger.error('bulk action failed', { requestId, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    return JSON.stringify(errorBody('INTERNAL', `Something went wrong on our side after ${done} tasks were written.`, { requestId }));
  };

  const handle = async (c: Context<ApiEnv>, claims: AccessClaims): Promise<Response> => {
    const userId = ownUserId(c, claims);
    const request = await readValidBody(c, bulkRequest);
    const plan = await bulk.plan(userId, request);
    if (!wantsProgress(c)) return c.json(await bulk.run(plan));
    const encoder = new TextEncoder();
    let done = 0;
    const body = new ReadableStream<Uint8Array>({
      start: async (controller) => {
        const line = (text: string) => controller.enqueue(encoder.encode(`${text}\n`));
        line(JSON.stringify({ progress: { done: 0, total: plan.ids.length } }));
        try {
          const result: BulkResult = await bulk.run(plan, (progress) => {
            done = progress.done;
            line(JSON.stringify({ progress }));
          });
          line(JSON.stringify({ result }));
        } catch (error) {
          line(failureLine(error, done));
        }
        controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': `${NDJSON}; charset=utf-8`, 'Cache-Control': 'no-store' } });
  };

  return [
    {
      method: 'GET',
      path: `${BULK_PATH}/count`,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        // `tag` may repeat (all must match), as on the list route.
        const tags = c.req.queries('tag');
        const raw = { ...c.req.query(), ...(tags ? { tag: tags.length === 1 ? tags[0] : tags } : {}) };
        const count = await bulk.count(userId, validate(bulkFilter, raw, 'query'));
        return c.json({ count, overLimit: count > BULK_MAX });
      },
    },
    {
      method: 'POST',
      path: BULK_PATH,
      auth: true,
      handler: async (c, claims) => {
        let response: Response | undefined;
        const limited = await limitBody(c, async () => {
          response = await handle(c, claims);
        });
        return limited ?? response!;
      },
    },
  ];
}
