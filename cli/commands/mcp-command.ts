// tasks mcp: serve the Model Context Protocol on stdio until the client closes it. It starts whether or not the
// app runs (an assistant often starts before Tasks Desktop does): tools find the app when they are called.
import type { Command } from 'commander';
import type { CliContext, Caller } from '../context.ts';
import { isUnreachable, McpConnection, type McpSession } from '../mcp/mcp-connection.ts';
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

/** Finds the app afresh (api.json may name a new port after a restart), then the caller and their scopes. */
async function openSession(ctx: CliContext): Promise<McpSession> {
  ctx.forgetApi();
  const caller = await ctx.caller();
  return { caller, canWrite: await canWrite(caller) };
}

export function registerMcpCommand(program: Command, contextFor: ContextFactory): void {
  program
    .command('mcp')
    .description('run a Model Context Protocol server on stdio for AI assistants (uses the same token)')
    .action(
      action(contextFor, async (ctx) => {
        const connection = new McpConnection(() => openSession(ctx));
        // One attempt now, so a running app's read-only token lists only the read tools from the start. The app
        // not being there is no reason to fail: the server starts and its tools say so. A missing or refused
        // token is (exit 4, as before): starting the app would not fix it.
        let known: boolean | null = null;
        try {
          known = (await connection.get()).canWrite;
        } catch (error) {
          if (!isUnreachable(error)) throw error;
        }
        // Loaded only here: the MCP SDK is most of the bundle, and the other commands start faster without it.
        const [{ StdioServerTransport }, { createTasksMcpServer }, { TOOL_DEFINITIONS }] = await Promise.all([
          import('@modelcontextprotocol/sdk/server/stdio.js'),
          import('../mcp/mcp-server.ts'),
          import('../mcp/tool-definitions.ts'),
        ]);
        const server = createTasksMcpServer(connection, {
          version: CLI_VERSION,
          canWrite: known,
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
