// Export and import routes.
//   GET  /api/{userId}/export[?format=json|csv|ical][&listId=ID]: ical (text/calendar) is one list's VCALENDAR with
//        listId (another user's list: 404), else every list in one
//   POST /api/{userId}/import[?format=F][&dryRun=true][&listName=NAME][&fromUser=ID]: the raw file as the body (up
//        to IMPORT_MAX_BYTES, not the 64 KiB limit; this app's JSON is streamed, the other formats read whole), one
//        at a time per account, IMPORTS_MAX_CONCURRENT in all (import-gate.ts). Without `format` the file is
//        recognised by its first bytes. Every format answers { imported, skipped, lists, dryRun, importId }.
//   DELETE /api/{userId}/imports/{importId}: undoes one finished import (import-undo.ts); 204.
import type { Context } from 'hono';
import { exportQuery, IMPORT_MAX_BYTES } from '../../src-shared/export-schema.ts';
import {
  IMPORT_FORMATS,
  type ImportFormat,
  importQuery,
  type ImportQuery,
} from '../../src-shared/import-schemas.ts';
import type { ApiEnv } from '../api/api-env.ts';
import { ApiError, notFound } from '../api/api-error.ts';
import { validate } from '../api/request-body.ts';
import { assertOwnPath } from '../api/require-auth.ts';
import type { Route } from '../api/route-table.ts';
import type { AccessClaims } from '../auth/auth-types.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import { noEvents, type EventPublisher } from '../events/event-publisher.ts';
import { tasksToCsv } from './csv-export.ts';
import { tasksToIcal } from './formats/ical-export.ts';
import { FileUnreadable, type ReadResult } from './formats/format-reader.ts';
import { readerFor, sniffFormat } from './formats/format-registry.ts';
import { checkImportRequest, PeekedBody, tooLarge } from './import-body.ts';
import { ImportGate } from './import-gate.ts';
import { guardAgainstStalls, ImportStalled, stalledError, type StallPolicy } from './import-stall-guard.ts';
import { ImportPlanner, ImportRefused } from './import-plan.ts';
import { runImport } from './import-run.ts';
import { undoImport } from './import-undo.ts';
import { ImportTooLarge, MalformedImport, streamImport } from './import-stream.ts';
import { buildExportFile } from './task-export.ts';

/** The import route reads its own (larger) body; the app's 64 KiB limit must skip it. */
export const IMPORT_PATH = '/api/:userId/import';

function ownUser(c: Context<ApiEnv>, claims: AccessClaims): string {
  const userId = c.req.param('userId') ?? '';
  assertOwnPath(claims, userId);
  return userId;
}

function attachment(name: string): string {
  return `attachment; filename="${name}"`;
}

function unrecognised(): ApiError {
  return new ApiError(
    'VALIDATION_FAILED',
    `The file's format was not recognised; name it with ?format= (one of ${IMPORT_FORMATS.join(', ')}).`,
    [{ path: 'format', message: 'Not recognised from the first bytes.' }],
  );
}

/** Reads the body into rows with the format's reader; every failure of the file as a whole is a 4xx. */
async function readFile(
  c: Context<ApiEnv>,
  query: ImportQuery,
  userId: string,
  stall: StallPolicy,
): Promise<{ format: ImportFormat; read: ReadResult }> {
  let format: ImportFormat | null = query.format ?? null;
  try {
    const body = await PeekedBody.open(guardAgainstStalls(c.req.raw.body, stall));
    if (format === null) {
      const type = (c.req.header('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase();
      format = body.head.byteLength === 0 && type === 'application/json' ? 'json' : sniffFormat(body.head);
      if (format === null && type === 'application/json') format = 'json';
      if (format === null) throw body.head.byteLength === 0 ? new MalformedImport('empty') : unrecognised();
    }
    if (query.fromUser !== undefined && format !== 'json') {
      throw new ApiError(
        'VALIDATION_FAILED',
        "fromUser applies to this app's own export (format=json) only.",
        [{ path: 'fromUser', message: 'Only with format=json.' }],
      );
    }
    if (format === 'json') {
      const planner = new ImportPlanner(
        query.fromUser === undefined ? { userId } : { userId, fromUser: query.fromUser },
      );
      await streamImport(body.stream(), planner, IMPORT_MAX_BYTES);
      return { format, read: planner.finish() };
    }
    const reader = readerFor(format);
    if (!reader) {
      throw new ApiError('VALIDATION_FAILED', `format=${format} cannot be imported by this version.`, [
        { path: 'format', message: 'Not available.' },
      ]);
    }
    const bytes = await body.all(IMPORT_MAX_BYTES);
    return { format, read: await reader.read({ bytes, now: new Date() }) };
  } catch (error) {
    if (error instanceof ImportRefused) throw new ApiError(error.code, error.message, error.details);
    if (error instanceof ImportTooLarge) throw tooLarge();
    if (error instanceof ImportStalled) throw stalledError(error.policy);
    if (error instanceof FileUnreadable) {
      throw new ApiError(
        'VALIDATION_FAILED',
        error.message,
        error.details.length > 0 ? error.details : undefined,
      );
    }
    if (error instanceof MalformedImport) {
      if (format === 'json') throw new ApiError('MALFORMED_JSON', 'The request body is not valid JSON.');
      throw new ApiError('VALIDATION_FAILED', 'The request needs the file as its body.');
    }
    throw error;
  }
}

export function transferRoutes(
  db: SqliteDatabase,
  writes: WriteQueue,
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
        const { format, listId } = validate(exportQuery, c.req.query(), 'query');
        const file = buildExportFile(db, userId);
        const day = file.exportedAt.slice(0, 10);
        if (format === 'ical') {
          const list = listId === undefined ? null : file.lists.find((l) => l.id === listId);
          if (list === undefined)
            throw new ApiError('NOT_FOUND', 'No such list.', [{ path: 'listId', message: 'Not found.' }]);
          return c.body(
            tasksToIcal(file.lists, file.tasks, list?.id ?? null, new Date(file.exportedAt)),
            200,
            {
              'Content-Type': 'text/calendar; charset=utf-8',
              'Content-Disposition': attachment(`tasks-${day}.ics`),
            },
          );
        }
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
        const query = validate(importQuery, c.req.query(), 'query');
        checkImportRequest(c);
        const leave = imports.enter(userId);
        try {
          const { format, read } = await readFile(c, query, userId, imports.stall);
          let outcome;
          try {
            outcome = await runImport(
              { db, writes, userId, format, listName: query.listName ?? null, dryRun: query.dryRun },
              read,
            );
          } catch (error) {
            if (error instanceof ImportRefused) throw new ApiError(error.code, error.message, error.details);
            throw error;
          }
          const { importedIds, runId, ...rest } = outcome;
          const result = { ...rest, importId: runId };
          const created = result.lists.filter((list) => list.created).map((list) => list.id);
          if (!result.dryRun && created.length > 0) events.publish(userId, 'list.created', created);
          if (importedIds.length > 0) events.publish(userId, 'tasks.imported', importedIds);
          return c.json(result);
        } finally {
          leave();
        }
      },
    },
    {
      method: 'DELETE',
      path: '/api/:userId/imports/:importId',
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        // Not while this account imports (the gate answers 409 IMPORT_IN_PROGRESS), so undo and import never interleave.
        const leave = imports.enter(userId);
        try {
          const undone = await undoImport(db, writes, userId, c.req.param('importId') ?? '');
          if (!undone) throw notFound('Import');
          if (undone.taskIds.length > 0) events.publish(userId, 'task.deleted', undone.taskIds);
          if (undone.listIds.length > 0) events.publish(userId, 'list.deleted', undone.listIds);
          return c.body(null, 204);
        } finally {
          leave();
        }
      },
    },
  ];
}
