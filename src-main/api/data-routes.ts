// Trash routes: taking a task out of the trash, and deleting from it for good. (Export and import: transfer/.)
//   POST /api/{userId}/tasks/{id}/restore
//   DELETE /api/{userId}/trash/{id}   (delete one task in the trash for good, with its trashed subtasks)
//   DELETE /api/{userId}/trash        (empty the trash)
import type { Context } from 'hono';
import { z } from 'zod';
import type { AccessClaims } from '../auth/auth-types.ts';
import { noEvents, type EventPublisher } from '../events/event-publisher.ts';
import { purgeFromTrash } from '../tasks/trash-purge.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import type { TaskRepository } from '../tasks/task-repository.ts';
import type { ApiEnv } from './api-env.ts';
import { notFound } from './api-error.ts';
import { validate } from './request-body.ts';
import { assertOwnPath } from './require-auth.ts';
import type { Route } from './route-table.ts';

const trashId = z.string().min(1).max(100);

function ownUser(c: Context<ApiEnv>, claims: AccessClaims): string {
  const userId = c.req.param('userId') ?? '';
  assertOwnPath(claims, userId);
  return userId;
}

export function dataRoutes(
  db: SqliteDatabase,
  writes: WriteQueue,
  repo: TaskRepository,
  events: EventPublisher = noEvents,
): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/:userId/tasks/:id/restore',
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const task = await repo.restore(userId, c.req.param('id') ?? '');
        if (!task) throw notFound('Task in the trash');
        events.publish(userId, 'task.restored', [task.id]);
        return c.json(task);
      },
    },
    {
      method: 'DELETE',
      path: '/api/:userId/trash/:id',
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const id = validate(trashId, c.req.param('id') ?? '');
        if ((await purgeFromTrash(db, writes, userId, id)) === 0) throw notFound('Task in the trash');
        return c.body(null, 204);
      },
    },
    {
      method: 'DELETE',
      path: '/api/:userId/trash',
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUser(c, claims);
        const purged = await purgeFromTrash(db, writes, userId, null);
        return c.json({ purged });
      },
    },
  ];
}
