// Data-safety routes: export (JSON or CSV), import, and taking a task out of the trash.
//   GET  /api/{userId}/export[?format=json|csv]
//   POST /api/{userId}/import[?fromUser={the export's userId}]   (up to IMPORT_MAX_BYTES, not the 64 KiB limit; streamed,
//        one at a time per account, IMPORTS_MAX_CONCURRENT in all: see import-gate.ts and import-stream.ts)
//   POST /api/{userId}/tasks/{id}/restore
//   DELETE /api/{userId}/trash/{id}   (delete one task in the trash for good, with its trashed subtasks)
//   DELETE /api/{userId}/trash        (empty the trash)
import type { Context } from 'hono';
import { z } from 'zod';
import { IMPORT_MAX_BYTES } from '../../src-shared/export-schema.ts';
import type { AccessClaims } from '../auth/auth-types.ts';
import { noEvents, type EventPublisher } from '../events/event-publisher.ts';
import { tasksToCsv } from '../transfer/csv-export.ts';
import { type ImportPlan, ImportPlanner, ImportRefused, type ImportTarget } from '../transfer/import-plan.ts';
import { ImportTooLarge, MalformedImport, streamImport } from '../transfer/import-stream.ts';
import { buildExportFile } from '../transfer/task-export.ts';
import { purgeFromTrash } from '../tasks/trash-purge.ts';
import { applyImport } from '../transfer/task-import.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import type { TaskRepository } from '../tasks/task-repository.ts';
import type { ApiEnv } from './api-env.ts';
import { ApiError, notFound } from './api-error.ts';
import { ImportGate } from '../transfer/import-gate.ts';
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

/** Checks what can be checked before reading the body: media type and declared length. */
function checkImportRequest(c: Context<ApiEnv>): void {
  const type = (c.req.header('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json')
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the export file as application/json.');
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > IMPORT_MAX_BYTES) throw tooLarge();
}

/** Streams the body into a plan (see import-stream.ts); failures become the API's errors. */
async function readImportPlan(c: Context<ApiEnv>, target: ImportTarget): Promise<ImportPlan> {
  const planner = new ImportPlanner(target);
  try {
    await streamImport(c.req.raw.body, planner, IMPORT_MAX_BYTES);
    return planner.finish();
  } catch (error) {
    if (error instanceof ImportRefused) throw new ApiError(error.code, error.message, error.details);
    if (error instanceof ImportTooLarge) throw tooLarge();
    if (error instanceof MalformedImport) throw new ApiError('MALFORMED_JSON', 'The request body is not valid JSON.');
    throw error;
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
  imports = new ImportGate(),
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
        checkImportRequest(c);
        const leave = imports.enter(userId);
        try {
          const plan = await readImportPlan(c, fromUser === undefined ? { userId } : { userId, fromUser });
          const { importedIds, ...result } = await writes.run(() => applyImport(db, userId, plan));
          if (importedIds.length > 0) events.publish(userId, 'tasks.imported', importedIds);
          return c.json(result);
        } finally {
          leave();
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
