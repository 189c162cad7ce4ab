// The OpenAPI description of the personal access token routes, from the zod schemas that validate them.
import { z } from 'zod';
import { tokenCreate, tokenCreated, tokenList } from '../../src-shared/token-schemas.ts';
import type { OpenApiParts } from '../api/openapi-data-routes.ts';

type JsonObject = Record<string, unknown>;

const schema = (s: z.ZodType, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

export function tokenRoutesOpenApi(parts: OpenApiParts): { schemas: JsonObject; paths: JsonObject } {
  const { ok, err, json, userIdParam, idParam } = parts;
  const sessionOnly = {
    '401': err('Missing, malformed, invalid or expired credential (AUTH_*)'),
    '403': err('A personal access token was sent (SESSION_REQUIRED), or another user\'s path (FORBIDDEN)'),
  };
  return {
    schemas: {
      TokenCreate: schema(tokenCreate, 'input'),
      TokenCreated: schema(tokenCreated, 'output'),
      TokenList: schema(tokenList, 'output'),
    },
    paths: {
      '/api/{userId}/tokens': {
        parameters: [userIdParam],
        post: {
          summary: 'Create a personal access token (signed-in session only). The `token` secret is shown this once.',
          requestBody: { required: true, content: json('TokenCreate') },
          responses: { '201': ok('TokenCreated', 'Created'), ...sessionOnly, '422': err('Invalid body') },
        },
        get: {
          summary: "List the user's personal access tokens (never their secrets; signed-in session only)",
          responses: { '200': ok('TokenList'), ...sessionOnly },
        },
      },
      '/api/{userId}/tokens/{id}': {
        parameters: [userIdParam, idParam],
        delete: {
          summary: 'Revoke a personal access token: refused from the next request on (signed-in session only)',
          responses: { '204': { description: 'Revoked' }, ...sessionOnly, '404': err('No such token') },
        },
      },
    },
  };
}
