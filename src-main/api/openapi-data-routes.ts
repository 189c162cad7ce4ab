// The OpenAPI description of the data-safety routes (export, import, trash restore), from the same zod schemas
// that validate them. Merged into the document by openapi.ts, which passes its shared building blocks.
import { z } from 'zod';
import { exportFile, importResult } from '../../src-shared/export-schema.ts';

type JsonObject = Record<string, unknown>;

export interface OpenApiParts {
  ok: (ref: string, description?: string) => JsonObject;
  err: (description: string) => JsonObject;
  json: (ref: string) => JsonObject;
  authErrors: JsonObject;
  userIdParam: JsonObject;
  idParam: JsonObject;
}

const schema = (s: z.ZodType, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

export function dataRoutesOpenApi(parts: OpenApiParts): { schemas: JsonObject; paths: JsonObject } {
  const { ok, err, json, authErrors, userIdParam, idParam } = parts;
  const format = {
    name: 'format',
    in: 'query',
    required: false,
    schema: { type: 'string', enum: ['json', 'csv'] },
  };
  const fromUser = { name: 'fromUser', in: 'query', required: false, schema: { type: 'string' } };
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
            "Export the user's tasks (not the trash) as the versioned JSON file, or CSV with ?format=csv",
          parameters: [format],
          responses: {
            '200': {
              description: 'The export file',
              content: { ...json('ExportFile'), 'text/csv': { schema: { type: 'string' } } },
            },
            ...authErrors,
          },
        },
      },
      '/api/{userId}/import': {
        parameters: [userIdParam],
        post: {
          summary:
            "Import an export file (idempotent by task id; up to 32 MiB). ?fromUser=<the file's userId> accepts another account's export",
          parameters: [fromUser],
          requestBody: { required: true, content: json('ExportFileInput') },
          responses: {
            '200': ok('ImportResult'),
            ...authErrors,
            '400': err('Not JSON (MALFORMED_JSON)'),
            '409': err("Another account's export (IMPORT_USER_MISMATCH)"),
            '413': err('Over 32 MiB (PAYLOAD_TOO_LARGE)'),
            '422': err(
              'Not an export file, or a newer version (VALIDATION_FAILED, IMPORT_UNSUPPORTED_VERSION)',
            ),
          },
        },
      },
      '/api/{userId}/tasks/{id}/restore': {
        parameters: [userIdParam, idParam],
        post: {
          summary: 'Take a task out of the trash',
          responses: { '200': ok('Task'), ...authErrors, '404': err("Not in this user's trash") },
        },
      },
      '/api/{userId}/trash/{id}': {
        parameters: [userIdParam, idParam],
        delete: {
          summary: 'Delete a task in the trash for good (with its subtasks in the trash), before the 30 days are up',
          responses: { '204': { description: 'Deleted for good' }, ...authErrors, '404': err("Not in this user's trash") },
        },
      },
      '/api/{userId}/trash': {
        parameters: [userIdParam],
        delete: {
          summary: "Empty the user's trash: every task in it is deleted for good",
          responses: {
            '200': {
              description: 'How many tasks were deleted',
              content: { 'application/json': { schema: { type: 'object', properties: { purged: { type: 'integer' } }, required: ['purged'] } } },
            },
            ...authErrors,
          },
        },
      },
    },
  };
}
