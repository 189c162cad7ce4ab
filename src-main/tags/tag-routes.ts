// The tags API:
//   GET    /api/{userId}/tags                 -> { items: [{ name, count, activeCount }] }
//   PATCH  /api/{userId}/tags/{name} { name } -> the tag: renamed on every task (onto an existing name: merged)
//   DELETE /api/{userId}/tags/{name}          -> 204: removed from every task
import { tagRename } from '../../src-shared/tag-schemas.ts';
import { notFound } from '../api/api-error.ts';
import { readValidBody } from '../api/request-body.ts';
import { ownUserId } from '../api/require-auth.ts';
import type { Route } from '../api/route-table.ts';
import { noEvents, type EventPublisher } from '../events/event-publisher.ts';
import type { TagRepository } from './tag-repository.ts';

export const TAGS_PATH = '/api/:userId/tags';
const TAG = `${TAGS_PATH}/:name`;

/** Tags have no public id: their events carry tag names (the name before the change for an update). */
export function tagRoutes(tags: TagRepository, events: EventPublisher = noEvents): Route[] {
  return [
    {
      method: 'GET',
      path: TAGS_PATH,
      auth: true,
      handler: (c, claims) => c.json({ items: tags.all(ownUserId(c, claims)) }),
    },
    {
      method: 'PATCH',
      path: TAG,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        const { name } = await readValidBody(c, tagRename);
        const from = c.req.param('name') ?? '';
        const tag = await tags.rename(userId, from, name);
        if (!tag) throw notFound('Tag');
        events.publish(userId, 'tag.updated', [from, tag.name]);
        return c.json(tag);
      },
    },
    {
      method: 'DELETE',
      path: TAG,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        const name = c.req.param('name') ?? '';
        if (!(await tags.delete(userId, name))) throw notFound('Tag');
        events.publish(userId, 'tag.deleted', [name]);
        return c.body(null, 204);
      },
    },
  ];
}
