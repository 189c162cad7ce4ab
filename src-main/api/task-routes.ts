import type { Context } from 'hono';
import {
  countsQuery,
  listQuery,
  taskComplete,
  taskCreate,
  taskMove,
  taskPatch,
} from '../../src-shared/task-schemas.ts';
import type { AccessClaims } from '../auth/auth-types.ts';
import { noEvents, type EventPublisher } from '../events/event-publisher.ts';
import { InvalidCursorError } from '../tasks/list-cursor.ts';
import type { TaskRepository } from '../tasks/task-repository.ts';
import type { ApiEnv } from './api-env.ts';
import { ApiError, notFound } from './api-error.ts';
import { readJsonBody, readValidBody, validate } from './request-body.ts';
import { ifMatch, taskJson } from './task-answer.ts';
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

/** Announces a committed change to the user's live event streams. */
function updated<T extends { id: string }>(events: EventPublisher, userId: string, task: T): T {
  events.publish(userId, 'task.updated', [task.id]);
  return task;
}

export function taskRoutes(repo: TaskRepository, events: EventPublisher = noEvents): Route[] {
  return [
    {
      method: 'GET',
      path: TASKS,
      auth: true,
      handler: (c, claims) => {
        const userId = ownUser(c, claims);
        // `tag` may repeat (all must match); every other parameter is read once.
        const tags = c.req.queries('tag');
        const raw = { ...c.req.query(), ...(tags ? { tag: tags.length === 1 ? tags[0] : tags } : {}) };
        const query = validate(listQuery, raw, 'query');
        try {
          return c.json(repo.list(userId, query));
        } catch (error) {
          if (error instanceof InvalidCursorError) {
            throw new ApiError('VALIDATION_FAILED', error.message, [
              { path: 'cursor', message: error.message },
            ]);
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
        const created = await repo.create(userId, input);
        events.publish(userId, 'task.created', [created.id]);
        return taskJson(c, created, 201);
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
      handler: (c, claims) => taskJson(c, found(repo.get(ownUser(c, claims), taskId(c)))),
    },
    {
      method: 'PUT',
      path: TASK,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const precondition = ifMatch(c);
        const input = await readValidBody(c, taskCreate);
        return taskJson(c, updated(events, userId, found(await repo.replace(userId, taskId(c), input, precondition))));
      },
    },
    {
      method: 'PATCH',
      path: TASK,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const precondition = ifMatch(c);
        const patch = await readValidBody(c, taskPatch);
        return taskJson(c, updated(events, userId, found(await repo.patch(userId, taskId(c), patch, precondition))));
      },
    },
    {
      method: 'DELETE',
      path: TASK,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const id = taskId(c);
        if (!(await repo.delete(userId, id, ifMatch(c)))) throw notFound();
        events.publish(userId, 'task.deleted', [id]);
        return c.body(null, 204);
      },
    },
    {
      method: 'PATCH',
      path: `${TASK}/complete`,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const precondition = ifMatch(c);
        const body = await readJsonBody(c);
        const { completed, timeZone, occurrence } = body === undefined ? {} : validate(taskComplete, body);
        const task = await repo.setCompleted(userId, taskId(c), completed, timeZone, occurrence, precondition);
        return taskJson(c, updated(events, userId, found(task)));
      },
    },
    {
      method: 'POST',
      path: `${TASK}/move`,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const move = await readValidBody(c, taskMove);
        return taskJson(c, updated(events, userId, found(await repo.move(userId, taskId(c), move))));
      },
    },
  ];
}
