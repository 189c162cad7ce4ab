// The OpenAPI description of the export and import routes, from the same zod schemas that validate them. Merged into
// the document by api/openapi.ts, which passes its shared building blocks.
import { z } from 'zod';
import { EXPORT_FILE_FORMATS, exportFile } from '../../src-shared/export-schema.ts';
import { IMPORT_MEDIA_TYPES, importQuery, importResult } from '../../src-shared/import-schemas.ts';
import type { OpenApiParts } from '../api/openapi-data-routes.ts';

type JsonObject = Record<string, unknown>;

const schema = (s: z.ZodType, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

const QUERY_DESCRIPTIONS: Record<string, string> = {
  format: "The file's format; omitted: recognised by its first bytes.",
  dryRun: 'true: answer exactly what the import would do, and write nothing.',
  listName: 'The list for tasks of formats that name none (default: the Inbox; "Inbox" is the Inbox).',
  fromUser: "format=json: accept another account's export (its userId).",
};

function importParameters(): JsonObject[] {
  const json = schema(importQuery, 'input') as { properties?: Record<string, JsonObject> };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    description: QUERY_DESCRIPTIONS[name],
    schema: property,
  }));
}

export function transferRoutesOpenApi(parts: OpenApiParts): { schemas: JsonObject; paths: JsonObject } {
  const { ok, err, json, authErrors, userIdParam } = parts;
  const format = {
    name: 'format',
    in: 'query',
    required: false,
    description: 'json (default, the versioned file), csv, or ical (iCalendar, text/calendar)',
    schema: { type: 'string', enum: [...EXPORT_FILE_FORMATS] },
  };
  const listId = {
    name: 'listId',
    in: 'query',
    required: false,
    description: "format=ical: only this list, as one VCALENDAR named after it (another account's list: 404)",
    schema: { type: 'string' },
  };
  const raw = Object.fromEntries(
    IMPORT_MEDIA_TYPES.map((type) => [
      type,
      type === 'application/json'
        ? { schema: { $ref: '#/components/schemas/ExportFileInput' } }
        : { schema: { type: 'string', format: 'binary' } },
    ]),
  );
  return {
    schemas: {
      ExportFile: schema(exportFile, 'output'),
      ExportFileInput: schema(exportFile, 'input'),
      ImportResult: schema(importResult, 'output'),
    },
    paths: {
      '/api/{userId}/export': {
        parameters: [userIdParam],
        get: {
          summary:
            "Export the user's lists and tasks (not the trash) as the versioned JSON file, CSV with ?format=csv, or iCalendar with ?format=ical (one VTODO per task; &listId=ID for one list)",
          parameters: [format, listId],
          responses: {
            '200': {
              description: 'The export file',
              content: {
                ...json('ExportFile'),
                'text/csv': { schema: { type: 'string' } },
                'text/calendar': { schema: { type: 'string' } },
              },
            },
            ...authErrors,
            '404': err("format=ical: listId is not one of this account's lists (NOT_FOUND)"),
            '422': err('A format not known, or listId without format=ical (VALIDATION_FAILED)'),
          },
        },
      },
      '/api/{userId}/import': {
        parameters: [userIdParam],
        post: {
          summary:
            "Import a file (this app's export, Todoist CSV or backup ZIP, TickTick CSV, Google Tasks JSON, todo.txt, iCalendar): the raw file as the body, up to 32 MiB. Idempotent: importing the same file again adds nothing",
          parameters: importParameters(),
          requestBody: { required: true, content: raw },
          responses: {
            '200': ok('ImportResult'),
            ...authErrors,
            '400': err('Not JSON (MALFORMED_JSON, format=json)'),
            '409': err(
              "Another account's export (IMPORT_USER_MISMATCH), or an import already running (IMPORT_IN_PROGRESS)",
            ),
            '413': err('Over 32 MiB (PAYLOAD_TOO_LARGE)'),
            '415': err('Not one of the accepted media types (UNSUPPORTED_MEDIA_TYPE)'),
            '422': err(
              'Not a file of the format, a format not recognised, or a newer export version (VALIDATION_FAILED, IMPORT_UNSUPPORTED_VERSION)',
            ),
            '408': err('The upload stalled: under 1 KiB/s for 10 s (IMPORT_STALLED); nothing was imported'),
            '503': err('Too many imports running (IMPORT_BUSY, with Retry-After)'),
          },
        },
      },
      '/api/{userId}/imports/{importId}': {
        parameters: [userIdParam, { name: 'importId', in: 'path', required: true, schema: { type: 'string', maxLength: 100 } }],
        delete: {
          summary:
            "Undo an import: deletes the tasks it wrote (with their subtasks' tags, reminders and completions) and the lists it created. The importId is the import's answer's",
          responses: {
            '204': { description: 'Undone' },
            ...authErrors,
            '404': err('No finished import of this account has that id (NOT_FOUND)'),
            '409': err('An import of this account is running (IMPORT_IN_PROGRESS)'),
          },
        },
      },
    },
  };
}
