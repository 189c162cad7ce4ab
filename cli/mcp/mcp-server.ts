// `tasks mcp`: a Model Context Protocol server over stdio, acting with the CLI's token. A read-only token
// (scopes without tasks:write) gets only the read tools. It starts and lists its tools whether or not the app
// runs; a tool called while the app is not there answers NOT_RUNNING_MESSAGE (see mcp-connection.ts).
import { McpServer, type RegisteredTool } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { CliError, EXIT } from '../cli-error.ts';
import { describeError, failureCode } from '../fetch-failure.ts';
import { isUnreachable, type McpConnection, NOT_RUNNING_MESSAGE } from './mcp-connection.ts';
import { type ToolDefinition, type ToolResult } from './tool-definitions.ts';

function text(result: ToolResult): string {
  const body = JSON.stringify(result.value, null, 2);
  if (!result.undo) return body;
  const { tool, arguments: args, note } = result.undo;
  return `${body}\n\nTo undo this, call ${tool} with ${JSON.stringify(args)}${note ? ` (${note})` : ''}.`;
}

/** The content of a result: its JSON (and undo line), then the task's ETag when it has one (a second text). */
function content(result: ToolResult): CallToolResult['content'] {
  const body = [{ type: 'text' as const, text: text(result) }];
  if (!result.etag) return body;
  const etag = `ETag ${result.etag}: pass it as ifMatch to update_task, complete_task or delete_task to change the task only if nobody changed it since.`;
  return [...body, { type: 'text' as const, text: etag }];
}

function failure(error: unknown): CallToolResult {
  let message: string;
  if (isUnreachable(error)) message = `${error.code}: ${NOT_RUNNING_MESSAGE} (${error.message})`;
  else if (error instanceof CliError)
    message = `${error.code}: ${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ''}`;
  else message = `INTERNAL: ${describeError(error)}`;
  return { isError: true, content: [{ type: 'text', text: message }] };
}

const READ_ONLY = 'This token is read-only: only the read tools are available.';

export interface TasksMcpServerOptions {
  version: string;
  /** Known at start when the app answered then; null when it was not running (write tools listed until known). */
  canWrite: boolean | null;
  tools: readonly ToolDefinition[];
}

export function createTasksMcpServer(connection: McpConnection, options: TasksMcpServerOptions): McpServer {
  const server = new McpServer(
    { name: 'tasks-desktop', title: 'Tasks Desktop', version: options.version },
    {
      instructions:
        "Tools for the user's Tasks Desktop tasks. Deleting moves a task to the trash (restore_task brings it back). " +
        (options.canWrite === false ? READ_ONLY : ''),
    },
  );
  const writeTools: RegisteredTool[] = [];
  /** A read-only token found once the app answered: its write tools leave the list (tools/list_changed). */
  const hideWriteTools = () => {
    for (const tool of writeTools.splice(0)) tool.disable();
  };
  for (const tool of options.tools) {
    if (tool.write && options.canWrite === false) continue;
    const registered = server.registerTool(
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
        for (let attempt = 1; ; attempt += 1) {
          try {
            const session = await connection.get();
            if (tool.write && !session.canWrite) {
              hideWriteTools();
              return failure(new CliError(READ_ONLY, EXIT.UNAUTHORIZED, { code: 'INSUFFICIENT_SCOPE' }));
            }
            return { content: content(await tool.run(session.caller, args)) };
          } catch (error) {
            if (!isUnreachable(error)) return failure(error);
            connection.lost();
            // Refused: nothing reached the address, which the app may have left for another port when it
            // restarted. Looking again once is safe even for a write.
            if (attempt === 1 && failureCode(error.cause) === 'ECONNREFUSED') continue;
            return failure(error);
          }
        }
      },
    );
    if (tool.write) writeTools.push(registered);
  }
  return server;
}
