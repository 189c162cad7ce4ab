// The OpenAPI description of the organize routes (lists, tags, moving a task), from the zod schemas that validate
// them. Merged into the document by api/openapi.ts, which passes its shared building blocks.
import { z } from 'zod';
import { listCollection, list, listCreate, listPatch, listsQuery } from '../../src-shared/list-schemas.ts';
import { tag, tagCollection, tagRename } from '../../src-shared/tag-schemas.ts';
import { taskMove } from '../../src-shared/task-schemas.ts';
import type { OpenApiParts } from '../api/openapi-data-routes.ts';

type JsonObject = Record<string, unknown>;

const schema = (s: z.ZodType, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

export function organizeRoutesOpenApi(parts: OpenApiParts): { schemas: JsonObject; paths: JsonObject } {
  const { ok, err, json, authErrors, userIdParam, idParam } = parts;
  const listIdParam = { name: 'listId', in: 'path', required: true, schema: { type: 'string' } };
  const tagNameParam = {
    name: 'name',
    in: 'path',
    required: true,
    description: 'The tag name (any spelling: names compare ignoring case), URL-encoded',
    schema: { type: 'string' },
  };
  const status = schema(listsQuery, 'input') as { properties: { status: JsonObject } };
  const noBody = { description: 'Done' };
  return {
    schemas: {
      List: schema(list, 'output'),
      ListCollection: schema(listCollection, 'output'),
      ListCreate: schema(listCreate, 'input'),
      ListPatch: schema(listPatch, 'input'),
      Tag: schema(tag, 'output'),
      TagCollection: schema(tagCollection, 'output'),
      TagRename: schema(tagRename, 'input'),
      TaskMove: schema(taskMove, 'input'),
    },
    paths: {
      '/api/{userId}/lists': {
        parameters: [userIdParam],
        get: {
          summary:
            "The account's lists in order, the Inbox included (created on first use); ?status=deleted: the trash",
          parameters: [{ name: 'status', in: 'query', required: false, schema: status.properties.status }],
          responses: { '200': ok('ListCollection'), ...authErrors, '422': err('Invalid query') },
        },
        post: {
          summary: 'Create a list (after the others)',
          requestBody: { required: true, content: json('ListCreate') },
          responses: {
            '201': ok('List', 'Created'),
            ...authErrors,
            '409': err('Another list has this name, ignoring case (LIST_NAME_TAKEN)'),
            '422': err('Invalid body'),
          },
        },
      },
      '/api/{userId}/lists/{listId}': {
        parameters: [userIdParam, listIdParam],
        patch: {
          summary: 'Rename, recolour or reorder (position: a fractional-indexing key) a list',
          requestBody: { required: true, content: json('ListPatch') },
          responses: {
            '200': ok('List'),
            ...authErrors,
            '404': err('Not one of this user’s live lists'),
            '409': err('Name taken (LIST_NAME_TAKEN), or renaming the Inbox (INBOX_PROTECTED)'),
            '422': err('Invalid body'),
          },
        },
        delete: {
          summary: 'Move the list and its tasks to the trash together (restore brings both back)',
          responses: {
            '204': noBody,
            ...authErrors,
            '404': err('Not one of this user’s live lists'),
            '409': err('The Inbox cannot be deleted (INBOX_PROTECTED)'),
          },
        },
      },
      '/api/{userId}/lists/{listId}/restore': {
        parameters: [userIdParam, listIdParam],
        post: {
          summary: 'Take a list out of the trash, with the tasks that were trashed with it',
          responses: {
            '200': ok('List'),
            ...authErrors,
            '404': err('Not in this user’s trash'),
            '409': err('A live list has its name now (LIST_NAME_TAKEN)'),
          },
        },
      },
      '/api/{userId}/tags': {
        parameters: [userIdParam],
        get: {
          summary: 'Tags on at least one task outside the trash, by name, with counts',
          responses: { '200': ok('TagCollection'), ...authErrors },
        },
      },
      '/api/{userId}/tags/{name}': {
        parameters: [userIdParam, tagNameParam],
        patch: {
          summary: 'Rename a tag on every task; onto an existing tag name, the two merge',
          requestBody: { required: true, content: json('TagRename') },
          responses: {
            '200': ok('Tag'),
            ...authErrors,
            '404': err('No such tag'),
            '422': err('Invalid name'),
          },
        },
        delete: {
          summary: 'Remove a tag from every task',
          responses: { '204': noBody, ...authErrors, '404': err('No such tag') },
        },
      },
      '/api/{userId}/tasks/{id}/move': {
        parameters: [userIdParam, idParam],
        post: {
          summary:
            'Move a task (with its subtasks): next to a sibling (beforeId/afterId), under a parent (parentId, null = ' +
            'top level) or into a list (listId). Writes one row (plus the subtree when the list changes).',
          requestBody: { required: true, content: json('TaskMove') },
          responses: {
            '200': ok('Task'),
            ...authErrors,
            '404': err(
              'The task, or a task or list the body names, is not this user’s (details name the field)',
            ),
            '422': err('Invalid body; a cycle (NESTING_CYCLE) or a fifth level (NESTING_TOO_DEEP)'),
          },
        },
      },
    },
  };
}
