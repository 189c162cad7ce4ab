// `tasks mcp` driven by the MCP SDK's own client over stdio (it spawns the real command) against a real host.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIORITIES } from '../../src-shared/task-schemas.ts';
import { CLI_SCRIPT, type CliHarness, ROOT, startCliHarness } from '../testing/cli-harness.ts';

const READ_TOOLS = ['list_tasks', 'get_task', 'list_lists', 'list_tags'];
const WRITE_TOOLS = [
  'create_task',
  'quick_add',
  'update_task',
  'complete_task',
  'delete_task',
  'restore_task',
  'import_preview',
];

let h: CliHarness;
const clients: Client[] = [];

beforeAll(async () => {
  h = await startCliHarness(); // the host writes api.json in its data dir (TASKS_DATA_DIR of every CLI run)
  expect((await h.cli(['--version'])).code).toBe(0); // builds the bundle if needed
}, 120_000);

afterAll(async () => {
  for (const client of clients) await client.close();
  await h?.close();
});

async function connect(token: string): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI_SCRIPT, 'mcp'],
    cwd: ROOT,
    env: h.env({ TASKS_TOKEN: token }),
    stderr: 'pipe',
  });
  const client = new Client({ name: 'tasks-test', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

function text(result: unknown): string {
  const content = (result as CallToolResult).content[0];
  return content?.type === 'text' ? content.text : '';
}

/** The JSON a tool returned (the text before the undo line). */
function value<T>(result: unknown): T {
  return JSON.parse(text(result).split('\n\nTo undo this')[0]!) as T;
}

describe('tasks mcp', () => {
  it('import_preview answers the dry run of a file and changes nothing', async () => {
    const client = await connect(await h.token(['tasks:read', 'tasks:write']));
    const before = value<{ items: unknown[] }>(await client.callTool({ name: 'list_tasks', arguments: {} })).items.length;
    const preview = await client.callTool({
      name: 'import_preview',
      arguments: { content: '(A) Call the plumber +Home @phone\nx 2026-11-30 Pay rent +Home\n', format: 'todo-txt' },
    });
    const answer = value<{ imported: number; dryRun: boolean; lists: { name: string; created: boolean; imported: number }[] }>(preview);
    expect(answer).toMatchObject({ imported: 2, dryRun: true });
    expect(answer.lists.find((list) => list.name === 'Home')).toMatchObject({ imported: 2 });
    expect(text(preview)).not.toContain('To undo this');
    const after = value<{ items: unknown[] }>(await client.callTool({ name: 'list_tasks', arguments: {} })).items.length;
    expect(after).toBe(before);
    const bad = await client.callTool({ name: 'import_preview', arguments: { content: '{"format":"nope"}', format: 'json' } });
    expect((bad as CallToolResult).isError).toBe(true);
  });

  it('a read-only token gets only the read tools; a read-write token gets all, with schemas from src-shared', async () => {
    const [readOnly, readWrite] = await Promise.all([
      h.token(['tasks:read']).then(connect),
      h.token(['tasks:read', 'tasks:write']).then(connect),
    ]);
    expect((await readOnly.listTools()).tools.map((t) => t.name).sort()).toEqual([...READ_TOOLS].sort());
    const { tools } = await readWrite.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...READ_TOOLS, ...WRITE_TOOLS].sort());
    const create = tools.find((t) => t.name === 'create_task')!;
    expect(create.inputSchema.required).toEqual(['title']);
    expect(
      (create.inputSchema.properties as Record<string, { enum?: string[]; maxLength?: number }>).priority
        ?.enum,
    ).toEqual([...PRIORITIES]);
    expect(tools.find((t) => t.name === 'list_tasks')!.annotations?.readOnlyHint).toBe(true);
  });

  it('create, update, complete, delete, restore: each result says how to undo it', async () => {
    const client = await connect(await h.token(['tasks:read', 'tasks:write']));
    const created = await client.callTool({
      name: 'create_task',
      arguments: { title: 'Water the plants', priority: 'low' },
    });
    const task = value<{ id: string; title: string; completed: boolean }>(created);
    expect(task.title).toBe('Water the plants');
    expect(text(created)).toContain(`To undo this, call delete_task with {"id":"${task.id}"}`);

    const updated = await client.callTool({
      name: 'update_task',
      arguments: { id: task.id, priority: 'high', title: 'Water' },
    });
    expect(value<{ priority: string }>(updated).priority).toBe('high');
    expect(text(updated)).toContain(
      `call update_task with {"id":"${task.id}","title":"Water the plants","priority":"low"}`,
    );

    const completed = await client.callTool({ name: 'complete_task', arguments: { id: task.id } });
    expect(value<{ completed: boolean }>(completed).completed).toBe(true);
    expect(text(completed)).toContain(`call complete_task with {"id":"${task.id}","completed":false}`);

    const deleted = await client.callTool({ name: 'delete_task', arguments: { id: task.id } });
    expect(text(deleted)).toContain(`call restore_task with {"id":"${task.id}"} (within 30 days)`);
    const trash = await client.callTool({ name: 'list_tasks', arguments: { status: 'deleted' } });
    expect(value<{ items: { id: string }[] }>(trash).items.map((t) => t.id)).toEqual([task.id]);

    const restored = await client.callTool({ name: 'restore_task', arguments: { id: task.id } });
    expect(value<{ id: string }>(restored).id).toBe(task.id);
    expect(text(restored)).toContain(`call delete_task with {"id":"${task.id}"}`);
    const got = await client.callTool({ name: 'get_task', arguments: { id: task.id } });
    expect(value<{ title: string; completed: boolean }>(got)).toMatchObject({
      title: 'Water',
      completed: true,
    });

    const quick = await client.callTool({ name: 'quick_add', arguments: { text: 'Call the bank !low' } });
    const quickTask = value<{ task: { id: string; title: string; priority: string } }>(quick).task;
    expect(quickTask).toMatchObject({ title: 'Call the bank', priority: 'low' });
    expect(text(quick)).toContain(`call delete_task with {"id":"${quickTask.id}"}`);

    const lists = value<{ items: { name: string }[] }>(
      await client.callTool({ name: 'list_lists', arguments: {} }),
    );
    expect(lists.items.map((l) => l.name)).toContain('Inbox');
    const tagged = await client.callTool({
      name: 'create_task',
      arguments: { title: 'Tagged', tags: ['mcp'] },
    });
    expect(value<{ tags: string[] }>(tagged).tags).toEqual(['mcp']);
    const tags = value<{ items: { name: string }[] }>(
      await client.callTool({ name: 'list_tags', arguments: {} }),
    );
    expect(tags.items.map((t) => t.name)).toContain('mcp');

    const missing = await client.callTool({ name: 'get_task', arguments: { id: 'no-such-task' } });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/^NOT_FOUND: /);
    const invalid = await client.callTool({ name: 'create_task', arguments: { title: '' } });
    expect(invalid.isError).toBe(true);
  });

  it('ifMatch: get_task gives the ETag; update, complete and delete with a stale one are refused', async () => {
    const client = await connect(await h.token(['tasks:read', 'tasks:write']));
    const task = value<{ id: string }>(await client.callTool({ name: 'create_task', arguments: { title: 'Agreed' } }));
    const etagOf = (result: unknown) => {
      const second = (result as CallToolResult).content[1];
      const match = second?.type === 'text' ? /^ETag ("[^"]+")/.exec(second.text) : null;
      return match?.[1];
    };
    const read = etagOf(await client.callTool({ name: 'get_task', arguments: { id: task.id } }))!;
    expect(read).toBeDefined();
    const updated = await client.callTool({ name: 'update_task', arguments: { id: task.id, title: 'Agreed v2', ifMatch: read } });
    expect(updated.isError).toBeFalsy();
    const fresh = etagOf(updated);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(read);
    for (const [name, args] of [
      ['update_task', { title: 'Lost update' }],
      ['complete_task', {}],
      ['delete_task', {}],
    ] as const) {
      const refused = await client.callTool({ name, arguments: { id: task.id, ...args, ifMatch: read } });
      expect(refused.isError, name).toBe(true);
      expect(text(refused)).toMatch(/^PRECONDITION_FAILED: /);
    }
    expect(value<{ title: string; completed: boolean }>(await client.callTool({ name: 'get_task', arguments: { id: task.id } })))
      .toMatchObject({ title: 'Agreed v2', completed: false });
    const completed = await client.callTool({ name: 'complete_task', arguments: { id: task.id, ifMatch: fresh } });
    expect(value<{ completed: boolean }>(completed).completed).toBe(true);
  });

  it('start dates: create and update take startDate; list_tasks filters with available and view', async () => {
    const client = await connect(await h.token(['tasks:read', 'tasks:write']));
    const later = value<{ id: string; startDate: string | null }>(
      await client.callTool({ name: 'create_task', arguments: { title: 'Mcpstart later', startDate: '2999-01-01' } }),
    );
    expect(later.startDate).toBe('2999-01-01');
    const begun = value<{ id: string }>(
      await client.callTool({ name: 'create_task', arguments: { title: 'Mcpstart begun', startDate: '2001-01-01' } }),
    );
    const titles = async (args: Record<string, unknown>) =>
      value<{ items: { title: string }[] }>(
        await client.callTool({ name: 'list_tasks', arguments: { q: 'mcpstart', ...args } }),
      )
        .items.map((t) => t.title)
        .sort();
    expect(await titles({ available: true })).toEqual(['Mcpstart begun']);
    expect(await titles({ available: 'true', view: 'today', timeZone: 'UTC' })).toEqual(['Mcpstart begun']);
    expect(await titles({ startFrom: '2999-01-01', startTo: '2999-01-01' })).toEqual(['Mcpstart later']);
    const updated = await client.callTool({ name: 'update_task', arguments: { id: begun.id, startDate: null } });
    expect(value<{ startDate: string | null }>(updated).startDate).toBeNull();
    expect(text(updated)).toContain(`"startDate":"2001-01-01"`);
    const bad = await client.callTool({ name: 'update_task', arguments: { id: later.id, startDate: '2026-02-30' } });
    expect(bad.isError).toBe(true);
    const quick = await client.callTool({ name: 'quick_add', arguments: { text: 'Mcpstart quick starts tomorrow' } });
    expect(value<{ task: { startDate: string | null } }>(quick).task.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
