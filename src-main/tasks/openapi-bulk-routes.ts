// The OpenAPI description of POST /api/{userId}/tasks/bulk, from the zod schemas that validate it. Merged into
// the document by api/openapi.ts, which passes its shared building blocks.
import { z } from 'zod';
import { BULK_BODY_MAX_BYTES, BULK_CHUNK, BULK_MAX, bulkCount, bulkFilter, bulkRequest, bulkResult, NDJSON } from '../../src-shared/bulk-schemas.ts';
import type { OpenApiParts } from '../api/openapi-data-routes.ts';

type JsonObject = Record<string, unknown>;

const schema = (s: z.ZodType, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

/** The filter's fields as query parameters (`tag` may repeat). */
function filterParameters(): JsonObject[] {
  const json = schema(bulkFilter, 'input') as { properties?: Record<string, JsonObject> };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: false, schema: property }));
}

export function bulkRoutesOpenApi(parts: OpenApiParts): { schemas: JsonObject; paths: JsonObject } {
  const { ok, err, json, authErrors, userIdParam } = parts;
  return {
    schemas: {
      BulkRequest: schema(bulkRequest, 'input'),
      BulkResult: schema(bulkResult, 'output'),
      BulkCount: schema(bulkCount, 'output'),
    },
    paths: {
      '/api/{userId}/tasks/bulk/count': {
        parameters: [userIdParam],
        get: {
          summary: `How many tasks a bulk action by this filter (the list route's query without paging or sort) would match; over ${BULK_MAX}: overLimit`,
          parameters: filterParameters(),
          responses: { '200': ok('BulkCount'), ...authErrors, '422': err('Invalid query (VALIDATION_FAILED)') },
        },
      },
      '/api/{userId}/tasks/bulk': {
        parameters: [userIdParam],
        post: {
          summary:
            `One action on many tasks, by ids or by the list route's filter (all its pages; at most ${BULK_MAX} tasks): ` +
            'complete, uncomplete, move (to a list), setPriority, addTag, removeTag, delete (to the trash), restore, ' +
            `place (the undo of a move). Written in batches of ${BULK_CHUNK}. The result lists every changed task and ` +
            '`undo`: the bulk requests that reverse it. Ids that are not this user\'s tasks are not matched. ' +
            `With Accept: ${NDJSON}, one {"progress":{done,total}} line per batch, then {"result":...} or {"error":...}.`,
          requestBody: { required: true, content: json('BulkRequest') },
          responses: {
            '200': {
              ...ok('BulkResult'),
              content: { ...json('BulkResult'), [NDJSON]: { schema: { type: 'string' } } },
            },
            ...authErrors,
            '404': err('The list of a move is not this user\'s (NOT_FOUND)'),
            '413': err(`The body is over ${BULK_BODY_MAX_BYTES} bytes (PAYLOAD_TOO_LARGE)`),
            '422': err('Invalid body, or a filter matching more than the maximum (VALIDATION_FAILED); a nesting rule broken by place (NESTING_*)'),
          },
        },
      },
    },
  };
}
