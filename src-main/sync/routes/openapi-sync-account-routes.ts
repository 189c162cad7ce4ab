// The OpenAPI description of the sync account routes, from the zod schemas that validate them.
import { z } from 'zod';
import {
  syncAccount,
  syncAccountCreate,
  syncAccountList,
  syncCalendar,
  syncListLink,
} from '../../../src-shared/sync/account-schemas.ts';
import type { OpenApiParts } from '../../api/openapi-data-routes.ts';

type JsonObject = Record<string, unknown>;

const schema = (s: z.ZodType, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

export function syncAccountRoutesOpenApi(parts: OpenApiParts): { schemas: JsonObject; paths: JsonObject } {
  const { ok, err, json, authErrors, userIdParam, idParam } = parts;
  const listIdParam = { name: 'listId', in: 'path', required: true, schema: { type: 'string' } };
  const connectErrors = err(
    'SYNC_AUTH_FAILED (the server refused the login), SYNC_UNREACHABLE (refused, DNS, TLS, timeout: the message ' +
      'says which), SYNC_NOT_CALDAV (no calendar home), SYNC_INSECURE_URL (plain HTTP to another machine, ' +
      'refused before any connection), VALIDATION_FAILED (the body)',
  );
  return {
    schemas: {
      SyncAccountCreate: schema(syncAccountCreate, 'input'),
      SyncAccount: schema(syncAccount, 'output'),
      SyncAccountList: schema(syncAccountList, 'output'),
      SyncListLink: schema(syncListLink, 'input'),
      SyncCalendar: schema(syncCalendar, 'output'),
    },
    paths: {
      '/api/{userId}/sync/accounts': {
        parameters: [userIdParam],
        post: {
          summary:
            'Connect a CalDAV account: discovers the calendars that can hold tasks, checks the login and links each ' +
            'calendar to the list of the same name (ignoring case) or a new one, unless `linkCalendars` is false. ' +
            'The password is stored sealed and never returned',
          requestBody: { required: true, content: json('SyncAccountCreate') },
          responses: {
            '201': ok('SyncAccount', 'Connected'),
            ...authErrors,
            '409': err('SYNC_ACCOUNT_EXISTS: this login on this server is connected already'),
            '422': connectErrors,
          },
        },
        get: {
          summary: "The user's sync accounts, their calendars and status (tasks:read)",
          responses: { '200': ok('SyncAccountList'), ...authErrors },
        },
      },
      '/api/{userId}/sync/accounts/{id}': {
        parameters: [userIdParam, idParam],
        get: {
          summary: 'A sync account with its status: state, lastSyncAt, lastError, pendingChanges (tasks:read)',
          responses: { '200': ok('SyncAccount'), ...authErrors, '404': err('No such sync account') },
        },
        delete: {
          summary:
            'Disconnect: unlinks every list and forgets the password. Local lists and tasks stay as they are; ' +
            'nothing on the server is touched',
          responses: { '204': { description: 'Disconnected' }, ...authErrors, '404': err('No such sync account') },
        },
      },
      '/api/{userId}/sync/accounts/{id}/lists': {
        parameters: [userIdParam, idParam],
        post: {
          summary:
            '`{ listId }`: make a calendar on the server for the list (MKCALENDAR with its name and colour) and link ' +
            'them; `{ listId, calendarUrl }`: link the list to one of the account\'s calendars; `{ calendarUrl }`: ' +
            'make a local list for that calendar',
          requestBody: { required: true, content: json('SyncListLink') },
          responses: {
            '201': ok('SyncCalendar', 'Linked'),
            ...authErrors,
            '404': err('No such sync account, or list'),
            '409': err('SYNC_LIST_LINKED or SYNC_CALENDAR_LINKED: one side syncs with something already'),
            '422': err('Invalid body, a calendarUrl that is not one of the account\'s, or the server refused (SYNC_*)'),
          },
        },
      },
      '/api/{userId}/sync/accounts/{id}/lists/{listId}': {
        parameters: [userIdParam, idParam, listIdParam],
        delete: {
          summary: 'Unlink the list from its calendar; both copies stay',
          responses: { '204': { description: 'Unlinked' }, ...authErrors, '404': err('No such sync account or link') },
        },
      },
    },
  };
}
