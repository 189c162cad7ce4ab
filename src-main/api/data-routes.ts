// Data-safety routes: export (JSON or CSV), import, and taking a task out of the trash.
//   GET  /api/{userId}/export[?format=json|csv]
//   POST /api/{userId}/import[?fromUser={the export's userId}]   (up to IMPORT_MAX_BYTES, not the 64 KiB limit)
//   POST /api/{userId}/tasks/{id}/restore
//   DELETE /api/{userId}/trash/{id}   (delete one task in the trash for good, with its trashed subtasks)
//   DELETE /api/{userId}/trash        (empty the trash)
import type { Context } from 'hono';
import { z } from 'zod';
import { IMPORT_MAX_BYTES } from '../../src-shared/export-schema.ts';
import type { AccessClaims } from '../auth/auth-types.ts';
import { noEvents, type EventPublisher } from '../events/event-publisher.ts';
import { tasksToCsv } from '../data-safety/csv-export.ts';
import { ImportRefused, planImport } from '../data-safety/import-plan.ts';
import { buildExportFile } from '../data-safety/task-export.ts';
import { purgeFromTrash } from '../data-safety/trash-purge.ts';
import { applyImport } from '../data-safety/task-import.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import type { TaskRepository } from '../tasks/task-repository.ts';
import type { ApiEnv } from './api-env.ts';
import { ApiError, notFound } from './api-error.ts';
import { validate } from './request-body.ts';
import { assertOwnPath } from './require-auth.ts';
import type { Route } from './route-table.ts';

/** The import route reads its own (larger) body; the app's 64 KiB limit must skip it. */
export const IMPORT_PATH = '/api/:userId/import';

const exportQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });
const importQuery = z.strictObject({ fromUser: z.string().min(1).max(100).optional() });
const trashId = z.string().min(1).max(100);

function ownUser(c: Context<ApiEnv>, claims: AccessClaims): string {
  const userId = c.req.param('userId') ?? '';
  assertOwnPath(claims, userId);
  return userId;
}

function tooLarge(): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', `An import must be at most ${IMPORT_MAX_BYTES} bytes.`);
}

/** Reads the body as text, stopping as soon as it passes `max` bytes (whatever Content-Length claims). */
async function readCapped(request: Request, max: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  if (!request.body) return '';
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readImportBody(c: Context<ApiEnv>): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json')
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the export file as application/json.');
  const text = await readCapped(c.req.raw, IMPORT_MAX_BYTES);
  if (text.length === 0)
    throw new ApiError('MALFORMED_JSON', 'The request needs the export file as its body.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('MALFORMED_JSON', 'The request body is not valid JSON.');
  }
}

function attachment(name: string): string {
  return `attachment; filename="${name}"`;
}

export function dataRoutes(
  db: SqliteDatabase,
  writes: WriteQueue,
  repo: TaskRepository,
  events: EventPublisher = noEvents,
): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/:userId/export',
      auth: true,
      handler: (c, claims) => {
        const userId = ownUser(c, claims);
        const { format } = validate(exportQuery, c.req.query(), 'query');
        const file = buildExportFile(db, userId);
        const day = file.exportedAt.slice(0, 10);
        if (format === 'csv') {
          return c.body(tasksToCsv(file.tasks), 200, {
            'Content-Type': 'text/csv; charset=utf-8; header=present',
            'Content-Disposition': attachment(`tasks-${day}.csv`),
          });
        }
        return c.body(JSON.stringify(file, null, 2), 200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Disposition': attachment(`tasks-${day}.json`),
        });
      },
    },
    {
      method: 'POST',
      path: IMPORT_PATH,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const { fromUser } = validate(importQuery, c.req.query(), 'query');
        const body = await readImportBody(c);
        try {
          const plan = planImport(body, fromUser === undefined ? { userId } : { userId, fromUser });
          const { importedIds, ...result } = await writes.run(() => applyImport(db, userId, plan));
          if (importedIds.length > 0) events.publish(userId, 'tasks.imported', importedIds);
          return c.json(result);
        } catch (error) {
          if (error instanceof ImportRefused) throw new ApiError(error.code, error.message, error.details);
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/api/:userId/tasks/:id/restore',
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const task = await repo.restore(userId, c.req.param('id') ?? '');
        if (!task) throw notFound('Task in the trash');
        events.publish(userId, 'task.restored', [task.id]);
        return c.json(task);
      },
    },
    {
      method: 'DELETE',
      path: '/api/:userId/trash/:id',
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const id = validate(trashId, c.req.param('id') ?? '');
        if ((await purgeFromTrash(db, writes, userId, id)) === 0) throw notFound('Task in the trash');
        return c.body(null, 204);
      },
    },
    {
      method: 'DELETE',
      path: '/api/:userId/trash',
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const purged = await purgeFromTrash(db, writes, userId, null);
        return c.json({ purged });
      },
    },
  ];
}
