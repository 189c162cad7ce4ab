// The OpenAPI description of the quick-add routes, from the zod schemas that validate them.
import { z } from 'zod';
import { quickAddParsed, quickAddRequest } from '../../src-shared/quick-add/quick-add-schemas.ts';
import { task } from '../../src-shared/task-schemas.ts';
import type { OpenApiParts } from '../api/openapi-data-routes.ts';

type JsonObject = Record<string, unknown>;

const schema = (s: z.ZodType, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

export function quickAddRoutesOpenApi(parts: OpenApiParts): { schemas: JsonObject; paths: JsonObject } {
  const { ok, err, json, authErrors, userIdParam } = parts;
  const syntax =
    'Syntax (README, "Quick-add syntax"): dates and times ("tomorrow 9am", "next fri", "in 3 days", "Dec 5 17:30", ' +
    '"5/12"), "every ..." rules (RRULE; "every!" repeats from completion), #List or #"Multi word", @tag, ' +
    '!high/!medium/!low or p1-p3, "remind 30m before" / "remind 8am"; "quoted text" is literal.';
  return {
    schemas: {
      QuickAddRequest: schema(quickAddRequest, 'input'),
      QuickAddParsed: schema(z.object({ parsed: quickAddParsed }), 'output'),
      QuickAddCreated: schema(z.object({ task, parsed: quickAddParsed }), 'output'),
    },
    paths: {
      '/api/{userId}/quick-add/parse': {
        parameters: [userIdParam],
        post: {
          summary: `Parse quick-add text without writing anything (previews, scripts). ${syntax}`,
          requestBody: { required: true, content: json('QuickAddRequest') },
          responses: {
            '200': ok('QuickAddParsed'),
            ...authErrors,
            '422': err('Invalid body (text, timeZone, now)'),
          },
        },
      },
      '/api/{userId}/tasks/quick-add': {
        parameters: [userIdParam],
        post: {
          summary: `Create a task from quick-add text; returns the task and what each part of the text became. ${syntax}`,
          requestBody: { required: true, content: json('QuickAddRequest') },
          responses: {
            '201': ok('QuickAddCreated', 'Created'),
            ...authErrors,
            '422': err('Invalid body, or nothing left for the title (details path "text")'),
          },
        },
      },
    },
  };
}
