// The MCP server's link to the app, made when a tool needs it rather than before `initialize`: an assistant
// starts `tasks mcp` when it starts, which may be before Tasks Desktop does. While the app is not there, tools
// answer a clear error; the next call looks for the app again (api.json, which may name another port).
import { CliError, EXIT } from '../cli-error.ts';
import type { Caller } from '../context.ts';

export interface McpSession {
  caller: Caller;
  /** The credential may write (tasks:write, or a session JWT). */
  canWrite: boolean;
}

export const NOT_RUNNING_MESSAGE =
  'Tasks Desktop is not running; start it (or `npm run serve -- --data-dir DIR`), then call this tool again.';

/** The app was not there (no api.json, a dead process, refused connection, or another program on its port). */
export function isUnreachable(error: unknown): error is CliError {
  return error instanceof CliError && error.exitCode === EXIT.UNREACHABLE;
}

export class McpConnection {
  private session: Promise<McpSession> | null = null;

  /** `open` finds the app and the caller's identity afresh each time it is called. */
  constructor(private readonly open: () => Promise<McpSession>) {}

  /** The session, opened on first use; a failed attempt is not kept, so the next call tries again. */
  get(): Promise<McpSession> {
    const attempt = (this.session ??= this.open());
    attempt.catch(() => {
      if (this.session === attempt) this.session = null;
    });
    return attempt;
  }

  /** After a request found the app gone: the next call looks for it again. */
  lost(): void {
    this.session = null;
  }
}
