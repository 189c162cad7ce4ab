// The sync account routes (issue 18 §1; shapes in src-shared/sync/account-schemas.ts):
//   POST   /api/{userId}/sync/accounts                      { kind, serverUrl, username, password, linkCalendars? } -> 201
//   GET    /api/{userId}/sync/accounts                      -> { items }
//   GET    /api/{userId}/sync/accounts/{id}                 -> the account with its status
//   DELETE /api/{userId}/sync/accounts/{id}                 -> 204 (links and password forgotten; lists stay)
//   POST   /api/{userId}/sync/accounts/{id}/lists           { listId?, calendarUrl? } -> 201 the calendar
//   DELETE /api/{userId}/sync/accounts/{id}/lists/{listId}  -> 204 (both copies stay)
// Reading needs tasks:read, everything else tasks:write (the route table's default by method).
import { syncAccountCreate, syncListLink } from '../../../src-shared/sync/account-schemas.ts';
import { notFound } from '../../api/api-error.ts';
import { readValidBody } from '../../api/request-body.ts';
import { ownUserId } from '../../api/require-auth.ts';
import type { Route } from '../../api/route-table.ts';
import type { SyncAccountService } from '../accounts/account-service.ts';

export const SYNC_ACCOUNTS_PATH = '/api/:userId/sync/accounts';
export const SYNC_ACCOUNT_PATH = '/api/:userId/sync/accounts/:id';
export const SYNC_ACCOUNT_LISTS_PATH = '/api/:userId/sync/accounts/:id/lists';
export const SYNC_ACCOUNT_LIST_PATH = '/api/:userId/sync/accounts/:id/lists/:listId';

export function syncAccountRoutes(service: SyncAccountService): Route[] {
  return [
    {
      method: 'POST',
      path: SYNC_ACCOUNTS_PATH,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        const input = await readValidBody(c, syncAccountCreate);
        return c.json(await service.connect(userId, input), 201);
      },
    },
    {
      method: 'GET',
      path: SYNC_ACCOUNTS_PATH,
      auth: true,
      handler: (c, claims) => c.json({ items: service.list(ownUserId(c, claims)) }),
    },
    {
      method: 'GET',
      path: SYNC_ACCOUNT_PATH,
      auth: true,
      handler: (c, claims) => {
        const account = service.get(ownUserId(c, claims), c.req.param('id') ?? '');
        if (!account) throw notFound('Sync account');
        return c.json(account);
      },
    },
    {
      method: 'DELETE',
      path: SYNC_ACCOUNT_PATH,
      auth: true,
      handler: async (c, claims) => {
        await service.remove(ownUserId(c, claims), c.req.param('id') ?? '');
        return c.body(null, 204);
      },
    },
    {
      method: 'POST',
      path: SYNC_ACCOUNT_LISTS_PATH,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        const input = await readValidBody(c, syncListLink);
        return c.json(await service.link(userId, c.req.param('id') ?? '', input), 201);
      },
    },
    {
      method: 'DELETE',
      path: SYNC_ACCOUNT_LIST_PATH,
      auth: true,
      handler: async (c, claims) => {
        await service.unlink(ownUserId(c, claims), c.req.param('id') ?? '', c.req.param('listId') ?? '');
        return c.body(null, 204);
      },
    },
  ];
}
