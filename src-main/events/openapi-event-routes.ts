// The OpenAPI description of GET /api/{userId}/events (text/event-stream).
import { DATA_EVENT_TYPES, HEARTBEAT_SECONDS } from '../../src-shared/event-schemas.ts';
import type { OpenApiParts } from '../api/openapi-data-routes.ts';

type JsonObject = Record<string, unknown>;

export function eventRoutesOpenApi(parts: OpenApiParts): { paths: JsonObject } {
  const { authErrors, userIdParam } = parts;
  return {
    paths: {
      '/api/{userId}/events': {
        parameters: [userIdParam],
        get: {
          summary: "Live changes to the user's data (Server-Sent Events; scope tasks:read for a token)",
          description:
            `Each change is one SSE message: \`id: <epoch>-<seq>\`, \`event: <type>\`, \`data: {"type","ids","at"}\` ` +
            `(types: ${DATA_EVENT_TYPES.join(', ')}). A comment line every ${HEARTBEAT_SECONDS} s keeps the ` +
            'connection alive. Send `Last-Event-ID` (or `?lastEventId=`) after a reconnect to get the missed events, ' +
            'or `event: resync` when they are no longer kept (refetch). Before ending the stream the server sends ' +
            '`event: end` with `{"reason": "expired" | "revoked" | "shutdown"}`: a JWT stream ends when the JWT ' +
            'expires or its session is revoked, a token stream when the token is revoked or expires.',
          parameters: [
            { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
            { name: 'lastEventId', in: 'query', required: false, schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: 'The event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            ...authErrors,
          },
        },
      },
    },
  };
}
