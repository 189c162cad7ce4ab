// The OpenAPI description of the trash routes (restore, delete for good), and the building blocks every feature's
// OpenAPI part receives from openapi.ts.
import { z } from 'zod';
import { restoredTask } from '../../src-shared/task-schemas.ts';

type JsonObject = Record<string, unknown>;

export interface OpenApiParts {
  ok: (ref: string, description?: string) => JsonObject;
  err: (description: string) => JsonObject;
  json: (ref: string) => JsonObject;
  authErrors: JsonObject;
  userIdParam: JsonObject;
  idParam: JsonObject;
}

export function dataRoutesOpenApi(parts: OpenApiParts): { schemas: JsonObject; paths: JsonObject } {
  const { ok, err, authErrors, userIdParam, idParam } = parts;
  return {
    schemas: {
      RestoredTask: z.toJSONSchema(restoredTask, {
        io: 'output',
        unrepresentable: 'any',
        target: 'openapi-3.0',
      }),
    },
    paths: {
      '/api/{userId}/tasks/{id}/restore': {
        parameters: [userIdParam, idParam],
        post: {
          summary:
            'Take a task out of the trash, with the subtasks trashed with it: under its old parent when that is live and still valid (no cycle, at most 4 levels), else at the top level of its list; `restoredTo` says where and why',
          responses: { '200': ok('RestoredTask'), ...authErrors, '404': err("Not in this user's trash") },
        },
      },
      '/api/{userId}/trash/{id}': {
        parameters: [userIdParam, idParam],
        delete: {
          summary:
            'Delete a task in the trash for good (with its subtasks in the trash), before the 30 days are up',
          responses: {
            '204': { description: 'Deleted for good' },
            ...authErrors,
            '404': err("Not in this user's trash"),
          },
        },
      },
      '/api/{userId}/trash': {
        parameters: [userIdParam],
        delete: {
          summary: "Empty the user's trash: every task in it is deleted for good",
          responses: {
            '200': {
              description: 'How many tasks were deleted',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { purged: { type: 'integer' } },
                    required: ['purged'],
                  },
                },
              },
            },
            ...authErrors,
          },
        },
      },
    },
  };
}
