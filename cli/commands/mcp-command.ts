// tasks mcp: serve the Model Context Protocol on stdio until the client closes it.
import type { Command } from 'commander';
import type { Caller } from '../context.ts';
import { CLI_VERSION } from '../version.ts';
import { action, type ContextFactory } from './command-kit.ts';

interface Me {
  id: string;
  /** Set when the credential is a personal access token; null for a session JWT (which may do everything). */
  token?: { scopes: string[] } | null;
}

/**
 * Whether the credential may write: GET /api/me names a token's scopes. An API without that field is probed
 * with an empty create, which changes nothing: 403 INSUFFICIENT_SCOPE means read-only, 422 means it may write.
 */
export async function canWrite(caller: Caller): Promise<boolean> {
  const me = await caller.client.json<Me>('GET', '/api/me');
  if (me.token === null) return true;
  if (me.token) return me.token.scopes.includes('tasks:write');
  try {
    await caller.client.send('POST', `${caller.base}/tasks`, { body: {} });
    return true;
  } catch (error) {
    return (error as { code?: string }).code !== 'INSUFFICIENT_SCOPE';
  }
}

export function registerMcpCommand(program: Command, contextFor: ContextFactory): void {
  program
    .command('mcp')
    .description('run a Model Context Protocol server on stdio for AI assistants (uses the same token)')
    .action(
      action(contextFor, async (ctx) => {
        const caller = await ctx.caller();
        const writable = await canWrite(caller);
        // Loaded only here: the MCP SDK is most of the bundle, and the other commands start faster without it.
        const [{ StdioServerTransport }, { createTasksMcpServer }, { TOOL_DEFINITIONS }] = await Promise.all([
          import('@modelcontextprotocol/sdk/server/stdio.js'),
          import('../mcp/mcp-server.ts'),
          import('../mcp/tool-definitions.ts'),
        ]);
        const server = createTasksMcpServer(caller, {
          version: CLI_VERSION,
          canWrite: writable,
          tools: TOOL_DEFINITIONS,
        });
        const stdin = ctx.streams.stdin as NodeJS.ReadableStream & NodeJS.ReadStream;
        const closed = new Promise<void>((resolve) => {
          stdin.once('end', resolve);
          stdin.once('close', resolve);
        });
        await server.connect(new StdioServerTransport(stdin, process.stdout));
        await closed;
        await server.close();
      }),
    );
}
