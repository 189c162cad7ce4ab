// What every command needs: the global options, the output, the API (found lazily) and the caller's identity.
import { ApiClient } from './api-client.ts';
import { configDir, type PlatformEnv } from './app-paths.ts';
import { unauthorized } from './cli-error.ts';
import { readLogin, type StoredLogin } from './credential-store.ts';
import { discoverApi } from './discovery.ts';
import { Output, type OutputStreams, useColour } from './output.ts';

export interface GlobalOptions {
  api?: string;
  dataDir?: string;
  json?: boolean;
  color?: boolean;
}

export interface Caller {
  client: ApiClient;
  userId: string;
  /** "/api/{userId}" */
  base: string;
}

export const LOGIN_HINT = 'Run `tasks login`, or set TASKS_TOKEN to a personal access token.';

/** The `sub` of a JWT, read without verifying it (the API verifies); null for anything else. */
export function jwtSubject(token: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}

export class CliContext {
  readonly platform: PlatformEnv;
  readonly options: GlobalOptions;
  readonly out: Output;
  readonly streams: OutputStreams & { stdin: NodeJS.ReadableStream & { isTTY?: boolean } };
  private client: ApiClient | null = null;

  constructor(
    platform: PlatformEnv,
    options: GlobalOptions,
    streams: OutputStreams & { stdin: NodeJS.ReadableStream & { isTTY?: boolean } },
  ) {
    this.platform = platform;
    this.options = options;
    this.streams = streams;
    this.out = new Output(streams, {
      json: options.json === true,
      colour: useColour(streams.stdout, platform.env, options.color !== false),
    });
  }

  get configDir(): string {
    return configDir(this.platform);
  }

  storedLogin(): StoredLogin | null {
    return readLogin(this.configDir);
  }

  /** The API client, without a token (discovery only). */
  api(): ApiClient {
    this.client ??= (() => {
      const found = discoverApi({ api: this.options.api, dataDir: this.options.dataDir }, this.platform);
      return new ApiClient(found, null);
    })();
    return this.client;
  }

  /** Forgets the API found so far: the next api() or caller() looks again (the MCP server, after the app left). */
  forgetApi(): void {
    this.client = null;
  }

  /** The API client with the caller's token (TASKS_TOKEN, else the stored login) and their user id. */
  async caller(): Promise<Caller> {
    const client = this.api();
    const envToken = this.platform.env.TASKS_TOKEN;
    const login = envToken ? null : this.storedLogin();
    const token = envToken || login?.token;
    if (!token) throw unauthorized('Not logged in.', LOGIN_HINT);
    client.token = token;
    const userId =
      login?.userId ?? jwtSubject(token) ?? (await client.json<{ id: string }>('GET', '/api/me')).id;
    return { client, userId, base: `/api/${encodeURIComponent(userId)}` };
  }
}
