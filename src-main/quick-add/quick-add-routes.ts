// Natural-language quick add over HTTP, on the one parser in src-shared/quick-add:
//   POST /api/{userId}/quick-add/parse   { text, timeZone, now? } -> 200 { parsed }           (writes nothing)
//   POST /api/{userId}/tasks/quick-add   { text, timeZone, now? } -> 201 { task, parsed }
// `now` is the client's clock (ISO with offset), the server's otherwise; `timeZone` is the client's IANA zone.
// A `#name` is matched against the account's lists ignoring case; an unknown one stays in the title as text
// and `parsed.warnings` says so (UNKNOWN_LIST): nothing is created behind the user's back.
import { parseQuickAdd } from '../../src-shared/quick-add/parse-quick-add.ts';
import {
  quickAddRequest,
  type QuickAddParsed,
  type QuickAddRequest,
} from '../../src-shared/quick-add/quick-add-schemas.ts';
import { readValidBody } from '../api/request-body.ts';
import { ownUserId } from '../api/require-auth.ts';
import type { Route } from '../api/route-table.ts';
import type { EventPublisher } from '../events/event-publisher.ts';
import type { TaskRepository } from '../tasks/task-repository.ts';
import { taskFromParsed } from './quick-add-task.ts';

export const QUICK_ADD_PARSE_PATH = '/api/:userId/quick-add/parse';
export const QUICK_ADD_PATH = '/api/:userId/tasks/quick-add';

export interface QuickAddDeps {
  repo: TaskRepository;
  events: EventPublisher;
  now?: () => number;
}

async function parse(deps: QuickAddDeps, userId: string, body: QuickAddRequest): Promise<QuickAddParsed> {
  const lists = await deps.repo.lists.all(userId, 'active');
  return parseQuickAdd(body.text, {
    now: body.now ?? (deps.now ?? Date.now)(),
    timeZone: body.timeZone,
    lists,
  });
}

export function quickAddRoutes(deps: QuickAddDeps): Route[] {
  return [
    {
      method: 'POST',
      path: QUICK_ADD_PARSE_PATH,
      auth: true,
      // Reads only: a read-only personal access token may preview.
      scope: 'tasks:read',
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        const body = await readValidBody(c, quickAddRequest);
        return c.json({ parsed: await parse(deps, userId, body) });
      },
    },
    {
      method: 'POST',
      path: QUICK_ADD_PATH,
      auth: true,
      handler: async (c, claims) => {
        const userId = ownUserId(c, claims);
        const body = await readValidBody(c, quickAddRequest);
        const parsed = await parse(deps, userId, body);
        const task = await deps.repo.create(userId, taskFromParsed(parsed));
        deps.events.publish(userId, 'task.created', [task.id]);
        return c.json({ task, parsed }, 201);
      },
    },
  ];
}
