// The OpenAPI description of the schedule routes (completions, snooze), from the zod schemas that validate them.
import { z } from 'zod';
import { completionList } from '../../src-shared/schedule-schemas.ts';
import { snoozeInput } from '../../src-shared/task-schemas.ts';
import type { OpenApiParts } from '../api/openapi-data-routes.ts';

type JsonObject = Record<string, unknown>;

const schema = (s: z.ZodType, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

export function scheduleRoutesOpenApi(parts: OpenApiParts): { schemas: JsonObject; paths: JsonObject } {
  const { ok, err, json, authErrors, userIdParam, idParam } = parts;
  const notFound = { '404': err("No such task for this user (another user's task too)") };
  return {
    schemas: { CompletionList: schema(completionList, 'output'), SnoozeInput: schema(snoozeInput, 'input') },
    paths: {
      '/api/{userId}/tasks/{id}/completions': {
        parameters: [userIdParam, idParam],
        get: {
          summary:
            'Completions of a recurring task, newest first: when, and which occurrence (dueDate or dueAt)',
          responses: { '200': ok('CompletionList'), ...authErrors, ...notFound },
        },
      },
      '/api/{userId}/tasks/{id}/snooze': {
        parameters: [userIdParam, idParam],
        post: {
          summary:
            "Snooze the task's reminder: it fires again after `minutes` or at `until` (sets snoozedUntil)",
          requestBody: { required: true, content: json('SnoozeInput') },
          responses: { '200': ok('Task'), ...authErrors, ...notFound, '422': err('Invalid body') },
        },
        delete: {
          summary: 'Cancel a snooze (snoozedUntil back to null)',
          responses: { '200': ok('Task'), ...authErrors, ...notFound },
        },
      },
    },
  };
}
