// `tasks mcp`: a Model Context Protocol server over stdio, acting with the CLI's token. A read-only token
// (scopes without tasks:write) gets only the read tools.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { CliError } from '../cli-error.ts';
import type { Caller } from '../context.ts';
import { type ToolDefinition, type ToolResult } from './tool-definitions.ts';

function text(result: ToolResult): string {
  const body = JSON.stringify(result.value, null, 2);
  if (!result.undo) return body;
  const { tool, arguments: args, note } = result.undo;
  return `${body}\n\nTo undo this, call ${tool} with ${JSON.stringify(args)}${note ? ` (${note})` : ''}.`;
}

function failure(error: unknown): CallToolResult {
  const message =
    error instanceof CliError
      ? `${error.code}: ${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ''}`
      : `INTERNAL: ${error instanceof Error ? error.message : String(error)}`;
  return { isError: true, content: [{ type: 'text', text: message }] };
}

export function createTasksMcpServer(
  caller: Caller,
  options: { version: string; canWrite: boolean; tools: readonly ToolDefinition[] },
): McpServer {
  const server = new McpServer(
    { name: 'tasks-desktop', title: 'Tasks Desktop', version: options.version },
    {
      instructions:
        "Tools for the user's Tasks Desktop tasks. Deleting moves a task to the trash (restore_task brings it back). " +
        (options.canWrite ? '' : 'This token is read-only: only the read tools are available.'),
    },
  );
  for (const tool of options.tools) {
    if (tool.write && !options.canWrite) continue;
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        annotations: {
          readOnlyHint: !tool.write,
          destructiveHint: tool.name === 'delete_task',
          openWorldHint: false,
        },
      },
      async (args: Record<string, unknown>): Promise<CallToolResult> => {
        try {
          return { content: [{ type: 'text', text: text(await tool.run(caller, args)) }] };
        } catch (error) {
          return failure(error);
        }
      },
    );
  }
  return server;
}
