// Lists by name: the CLI takes names (--list Work), the API takes list ids (tags are names in both).
import { CliError, EXIT } from './cli-error.ts';
import type { Caller } from './context.ts';
import type { ApiTask } from './task-format.ts';

interface Named {
  id: string;
  name: string;
}

async function allLists(caller: Caller): Promise<Named[]> {
  return (await caller.client.json<{ items: Named[] }>('GET', `${caller.base}/lists`)).items;
}

function byName(items: Named[], name: string, what: string): string {
  const wanted = name.trim().toLocaleLowerCase();
  const match = items.find((item) => item.name.toLocaleLowerCase() === wanted);
  if (!match) {
    const known = items.map((item) => item.name).join(', ') || 'none yet';
    throw new CliError(`No ${what} named "${name}". Known: ${known}.`, EXIT.ERROR, { code: 'NOT_FOUND' });
  }
  return match.id;
}

export async function resolveListId(caller: Caller, name: string): Promise<string> {
  return byName(await allLists(caller), name, 'list');
}

/** List names by id, fetched only when a task names a list. */
export async function listNames(caller: Caller, tasks: ApiTask[]): Promise<Map<string, string>> {
  if (!tasks.some((task) => typeof task.listId === 'string')) return new Map();
  return new Map((await allLists(caller)).map((list) => [list.id, list.name]));
}
