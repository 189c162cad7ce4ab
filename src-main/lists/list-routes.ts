// The lists API:
//   GET    /api/{userId}/lists[?status=active|deleted]   -> { items: [List] }
//   POST   /api/{userId}/lists { name, color? }         -> 201 List (409 LIST_NAME_TAKEN)
//   PATCH  /api/{userId}/lists/{listId} { name?, color?, position? } -> List (409 INBOX_PROTECTED on renaming it)
//   DELETE /api/{userId}/lists/{listId}                 -> 204: the list and its tasks go to the trash together
//   POST   /api/{userId}/lists/{listId}/restore         -> List, with the tasks trashed with it
import { listCreate, listPatch, listsQuery } from '../../src-shared/list-schemas.ts';
import { notFound } from '../api/api-error.ts';
import { readValidBody, validate } from '../api/request-body.ts';
import { ownUserId } from '../api/require-auth.ts';
import type { Route } from '../api/route-table.ts';
import { noEvents, type EventPublisher } from '../events/event-publisher.ts';
import type { ListRepository } from './list-repository.ts';

export const LISTS_PATH = '/api/:userId/lists';
const LIST = `${LISTS_PATH}/:listId`;

export function listRoutes(lists: ListRepository, events: EventPublisher = noEvents): Route[] {
  return [
    {
      method: 'GET',
      path: LISTS_PATH,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        const { status } = validate(listsQuery, c.req.query(), 'query');
        return c.json({ items: await lists.all(userId, status) });
      },
    },
    {
      method: 'POST',
      path: LISTS_PATH,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        const list = await lists.create(userId, await readValidBody(c, listCreate));
        events.publish(userId, 'list.created', [list.id]);
        return c.json(list, 201);
      },
    },
    {
      method: 'PATCH',
      path: LIST,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        const patch = await readValidBody(c, listPatch);
        const list = await lists.patch(userId, c.req.param('listId') ?? '', patch);
        if (!list) throw notFound('List');
        events.publish(userId, 'list.updated', [list.id]);
        return c.json(list);
      },
    },
    {
      method: 'DELETE',
      path: LIST,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        const id = c.req.param('listId') ?? '';
        if (!(await lists.delete(userId, id))) throw notFound('List');
        events.publish(userId, 'list.deleted', [id]);
        return c.body(null, 204);
      },
    },
    {
      method: 'POST',
      path: `${LIST}/restore`,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        const list = await lists.restore(userId, c.req.param('listId') ?? '');
        if (!list) throw notFound('List in the trash');
        events.publish(userId, 'list.updated', [list.id]);
        return c.json(list);
      },
    },
  ];
}
