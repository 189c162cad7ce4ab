// The OpenAPI description of the trash routes (restore, delete for good), and the building blocks every feature's
// OpenAPI part receives from openapi.ts.

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
    schemas: {},
    paths: {
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
