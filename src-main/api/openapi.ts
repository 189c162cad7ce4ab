import { z } from 'zod';
import {
  countsQuery,
  listQuery,
  me,
  task,
  taskComplete,
  taskCounts,
  taskCreate,
  taskList,
  taskPatch,
} from '../../src-shared/task-schemas.ts';
import { health } from '../../src-shared/api-discovery.ts';
import { eventRoutesOpenApi } from '../events/openapi-event-routes.ts';
import { organizeRoutesOpenApi } from '../lists/openapi-organize-routes.ts';
import { bulkRoutesOpenApi } from '../tasks/openapi-bulk-routes.ts';
import { quickAddRoutesOpenApi } from '../quick-add/openapi-quick-add-routes.ts';
import { scheduleRoutesOpenApi } from '../schedule/openapi-schedule-routes.ts';
import { syncAccountRoutesOpenApi } from '../sync/routes/openapi-sync-account-routes.ts';
import { tokenRoutesOpenApi } from '../tokens/openapi-token-routes.ts';
import { transferRoutesOpenApi } from '../transfer/openapi-transfer-routes.ts';
import { dataRoutesOpenApi } from './openapi-data-routes.ts';

type JsonObject = Record<string, unknown>;

const schema = (s: z.ZodType, io: 'input' | 'output' = 'input'): JsonObject =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

const errorSchema: JsonObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
        requestId: { type: 'string' },
      },
    },
  },
};

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const ok = (ref: string, description = 'OK') => ({ description, content: json(ref) });
const err = (description: string) => ({ description, content: json('Error') });
const authErrors = {
  '401': err('Missing, malformed, invalid, revoked or expired access token (AUTH_*)'),
  '403': err(
    "Another user's path (FORBIDDEN), or a personal access token without the route's scope (INSUFFICIENT_SCOPE)",
  ),
};

/** Turns a zod object (query) into OpenAPI query parameters. */
function queryParameters(s: z.ZodType): JsonObject[] {
  const json = schema(s) as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const etagHeader = {
  ETag: {
    description: "The task's strong entity tag: send it back in If-Match to write only if the task is unchanged",
    schema: { type: 'string' },
  },
};
const taskOk = (description = 'OK') => ({ ...ok('Task', description), headers: etagHeader });
const ifMatchParam = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description:
    "Write only if the task's current ETag is one of these (412 PRECONDITION_FAILED otherwise); * or absent: no check",
  schema: { type: 'string' },
};
const preconditionFailed = {
  '400': err('If-Match is not * or a list of entity tags (BAD_REQUEST)'),
  '412': err('The task changed since the ETag in If-Match was read (PRECONDITION_FAILED); nothing was written'),
};

const userIdParam = { name: 'userId', in: 'path', required: true, schema: { type: 'string' } };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** The task API's OpenAPI 3.0 document, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(version: string): JsonObject {
  const parts = { ok, err, json, authErrors, userIdParam, idParam };
  const dataRoutes = dataRoutesOpenApi(parts);
  const transferRoutes = transferRoutesOpenApi(parts);
  const tokenRoutes = tokenRoutesOpenApi(parts);
  const eventRoutes = eventRoutesOpenApi(parts);
  const quickAddRoutes = quickAddRoutesOpenApi(parts);
  const organizeRoutes = organizeRoutesOpenApi(parts);
  const scheduleRoutes = scheduleRoutesOpenApi(parts);
  const bulkRoutes = bulkRoutesOpenApi(parts);
  const syncAccountRoutes = syncAccountRoutesOpenApi(parts);
  return {
    openapi: '3.0.3',
    info: {
      title: 'Tasks Desktop local API',
      version,
      description:
        'Loopback-only task API. Every route except health, openapi.json, docs and /api/auth/* needs ' +
        "`Authorization: Bearer <credential>`: a signed-in session's access JWT (EdDSA, 15 minutes), or a " +
        'personal access token (`tdpat_...`, created in Settings -> API tokens or with POST /api/{userId}/tokens) ' +
        'with scope tasks:read for GET routes and tasks:write for the others. Errors: ' +
        '`{ error: { code, message, details? } }`.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An access JWT of a signed-in session, or a personal access token (tdpat_...)',
        },
      },
      schemas: {
        Task: schema(task, 'output'),
        TaskCreate: schema(taskCreate),
        TaskPatch: schema(taskPatch),
        TaskComplete: schema(taskComplete),
        TaskList: schema(taskList, 'output'),
        TaskCounts: schema(taskCounts, 'output'),
        Me: schema(me, 'output'),
        Health: schema(health, 'output'),
        Error: errorSchema,
        ...dataRoutes.schemas,
        ...transferRoutes.schemas,
        ...tokenRoutes.schemas,
        ...quickAddRoutes.schemas,
        ...organizeRoutes.schemas,
        ...scheduleRoutes.schemas,
        ...bulkRoutes.schemas,
        ...syncAccountRoutes.schemas,
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/health': {
        get: {
          security: [],
          summary:
            'Liveness; names the app (`app: "tasks-desktop"`), its version and its process id (the `pid` of api.json), so a client can tell it is this app before it sends a credential',
          responses: { '200': ok('Health') },
        },
      },
      '/api/docs': {
        get: {
          security: [],
          summary: 'This document as a human-readable HTML page',
          responses: { '200': { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } } },
        },
      },
      '/api/me': { get: { summary: "The token's identity", responses: { '200': ok('Me'), ...authErrors } } },
      '/api/{userId}/tasks': {
        parameters: [userIdParam],
        get: {
          summary: 'List tasks (filters, text search, sort, cursor paging)',
          parameters: queryParameters(listQuery),
          responses: { '200': ok('TaskList'), ...authErrors, '422': err('Invalid query') },
        },
        post: {
          summary: 'Create a task',
          requestBody: { required: true, content: json('TaskCreate') },
          responses: { '201': taskOk('Created'), ...authErrors, '422': err('Invalid body') },
        },
      },
      '/api/{userId}/tasks/counts': {
        parameters: [userIdParam],
        get: {
          summary: 'Counts per filter',
          parameters: queryParameters(countsQuery),
          responses: { '200': ok('TaskCounts'), ...authErrors },
        },
      },
      '/api/{userId}/tasks/{id}': {
        parameters: [userIdParam, idParam],
        get: {
          summary: 'Get a task',
          responses: { '200': taskOk(), ...authErrors, '404': err('Not found') },
        },
        put: {
          summary: 'Replace a task (omitted fields take their defaults)',
          parameters: [ifMatchParam],
          requestBody: { required: true, content: json('TaskCreate') },
          responses: {
            '200': taskOk(),
            ...authErrors,
            '404': err('Not found'),
            '422': err('Invalid body'),
            ...preconditionFailed,
          },
        },
        patch: {
          summary: 'Change some fields',
          parameters: [ifMatchParam],
          requestBody: { required: true, content: json('TaskPatch') },
          responses: {
            '200': taskOk(),
            ...authErrors,
            '404': err('Not found'),
            '422': err('Invalid body'),
            ...preconditionFailed,
          },
        },
        delete: {
          summary: 'Move a task to the trash (GET ...?status=deleted; restore within 30 days)',
          parameters: [ifMatchParam],
          responses: { '204': { description: 'Deleted' }, ...authErrors, '404': err('Not found'), ...preconditionFailed },
        },
      },
      '/api/{userId}/tasks/{id}/complete': {
        parameters: [userIdParam, idParam],
        patch: {
          summary:
            'Set completed, or toggle without a completed field. A recurring task stays open and moves to its next ' +
            'occurrence (recorded in ./completions); completed=false right after undoes that exactly',
          parameters: [ifMatchParam],
          requestBody: { required: false, content: json('TaskComplete') },
          responses: { '200': taskOk(), ...authErrors, '404': err('Not found'), ...preconditionFailed },
        },
      },
      ...dataRoutes.paths,
      ...transferRoutes.paths,
      ...tokenRoutes.paths,
      ...eventRoutes.paths,
      ...quickAddRoutes.paths,
      ...organizeRoutes.paths,
      ...scheduleRoutes.paths,
      ...bulkRoutes.paths,
      ...syncAccountRoutes.paths,
    },
  };
}
