import type { Context } from 'hono';
import {
  countsQuery,
  listQuery,
  taskComplete,
  taskCreate,
  taskPatch,
} from '../../src-shared/task-schemas.ts';
import type { AccessClaims } from '../auth/auth-types.ts';
import { InvalidCursorError } from '../tasks/list-cursor.ts';
import type { TaskRepository } from '../tasks/task-repository.ts';
import type { ApiEnv } from './api-env.ts';
import { ApiError, notFound } from './api-error.ts';
import { readJsonBody, readValidBody, validate } from './request-body.ts';
import { assertOwnPath } from './require-auth.ts';
import type { Route } from './route-table.ts';

const TASKS = '/api/:userId/tasks';
const TASK = '/api/:userId/tasks/:id';

/** The path's user id, checked against the token's subject (403 otherwise). */
function ownUser(c: Context<ApiEnv>, claims: AccessClaims): string {
  const userId = c.req.param('userId') ?? '';
  assertOwnPath(claims, userId);
  return userId;
}

function taskId(c: Context<ApiEnv>): string {
  return c.req.param('id') ?? '';
}

function found<T>(value: T | null): T {
  if (value === null) throw notFound();
  return value;
}

export function taskRoutes(repo: TaskRepository): Route[] {
  return [
    {
      method: 'GET',
      path: TASKS,
      auth: true,
      handler: (c, claims) => {
        const userId = ownUser(c, claims);
        const query = validate(listQuery, c.req.query(), 'query');
        try {
          return c.json(repo.list(userId, query));
        } catch (error) {
          if (error instanceof InvalidCursorError) {
            throw new ApiError('VALIDATION_FAILED', error.message, [{ path: 'cursor', message: error.message }]);
          }
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: TASKS,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const input = await readValidBody(c, taskCreate);
        return c.json(await repo.createGrouped(userId, input), 201);
      },
    },
    {
      method: 'GET',
      path: `${TASKS}/counts`,
      auth: true,
      handler: (c, claims) => {
        const userId = ownUser(c, claims);
        return c.json(repo.counts(userId, validate(countsQuery, c.req.query(), 'query')));
      },
    },
    {
      method: 'GET',
      path: TASK,
      auth: true,
      handler: (c, claims) => c.json(found(repo.get(ownUser(c, claims), taskId(c)))),
    },
    {
      method: 'PUT',
      path: TASK,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const input = await readValidBody(c, taskCreate);
        return c.json(found(repo.replace(userId, taskId(c), input)));
      },
    },
    {
      method: 'PATCH',
      path: TASK,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const patch = await readValidBody(c, taskPatch);
        return c.json(found(repo.patch(userId, taskId(c), patch)));
      },
    },
    {
      method: 'DELETE',
      path: TASK,
      auth: true,
      handler: (c, claims) => {
        if (!repo.delete(ownUser(c, claims), taskId(c))) throw notFound();
        return c.body(null, 204);
      },
    },
    {
      method: 'PATCH',
      path: `${TASK}/complete`,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const body = await readJsonBody(c);
        const completed = body === undefined ? undefined : validate(taskComplete, body).completed;
        return c.json(found(repo.setCompleted(userId, taskId(c), completed)));
      },
    },
  ];
}
