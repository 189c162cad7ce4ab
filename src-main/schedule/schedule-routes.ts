// Schedule routes:
//   GET    /api/{userId}/tasks/{id}/completions   a recurring task's completions, newest first
//   POST   /api/{userId}/tasks/{id}/snooze        { minutes } | { until }: the reminder comes back then
//   DELETE /api/{userId}/tasks/{id}/snooze        cancels a snooze
import type { Context } from 'hono';
import { snoozeInput } from '../../src-shared/task-schemas.ts';
import type { ApiEnv } from '../api/api-env.ts';
import { notFound } from '../api/api-error.ts';
import { readValidBody } from '../api/request-body.ts';
import { taskJson } from '../api/task-answer.ts';
import { assertOwnPath } from '../api/require-auth.ts';
import type { Route } from '../api/route-table.ts';
import type { AccessClaims } from '../auth/auth-types.ts';
import { noEvents, type EventPublisher } from '../events/event-publisher.ts';
import type { TaskRepository } from '../tasks/task-repository.ts';
import type { SnoozeStore } from './snooze.ts';

export const COMPLETIONS_PATH = '/api/:userId/tasks/:id/completions';
export const SNOOZE_PATH = '/api/:userId/tasks/:id/snooze';

function params(c: Context<ApiEnv>, claims: AccessClaims): { userId: string; id: string } {
  const userId = c.req.param('userId') ?? '';
  assertOwnPath(claims, userId);
  return { userId, id: c.req.param('id') ?? '' };
}

export function scheduleRoutes(
  repo: TaskRepository,
  snoozes: SnoozeStore,
  events: EventPublisher = noEvents,
): Route[] {
  const snoozed = (userId: string, id: string) => {
    const task = repo.get(userId, id);
    if (!task) throw notFound();
    events.publish(userId, 'task.updated', [id]);
    return task;
  };
  return [
    {
      method: 'GET',
      path: COMPLETIONS_PATH,
      auth: true,
      handler: (c, claims) => {
        const { userId, id } = params(c, claims);
        const items = repo.completions(userId, id);
        if (items === null) throw notFound();
        return c.json({ items });
      },
    },
    {
      method: 'POST',
      path: SNOOZE_PATH,
      auth: true,
      handler: async (c, claims) => {
        const { userId, id } = params(c, claims);
        const input = await readValidBody(c, snoozeInput);
        if (!(await snoozes.snooze(userId, id, input))) throw notFound();
        return taskJson(c, snoozed(userId, id));
      },
    },
    {
      method: 'DELETE',
      path: SNOOZE_PATH,
      auth: true,
      handler: async (c, claims) => {
        const { userId, id } = params(c, claims);
        if (!(await snoozes.snooze(userId, id, null))) throw notFound();
        return taskJson(c, snoozed(userId, id));
      },
    },
  ];
}
