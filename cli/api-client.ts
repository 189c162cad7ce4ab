// The CLI's HTTP client: one request function over fetch, the API's error shape mapped to exit codes.
import { isApiErrorBody } from '../src-shared/api-errors.ts';
import { CliError, EXIT, type ExitCode } from './cli-error.ts';
import type { DiscoveredApi } from './discovery.ts';
import { checkServer, unreachableError } from './server-check.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** JSON-encoded as the body (Content-Type: application/json). */
  body?: unknown;
  /** Sent as-is (already encoded, or a file's bytes), with `contentType`. */
  rawBody?: string | Uint8Array;
  contentType?: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Overrides the client's bearer token for this request (token management needs a session JWT). */
  token?: string | null;
  /** Sent as given (e.g. If-Match). */
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
}

const TIMEOUT_MS = 120_000;
const LOGIN_HINT = 'Run `tasks login`, or set TASKS_TOKEN to a personal access token.';

function hintFor(code: string): string | undefined {
  switch (code) {
    case 'AUTH_MISSING':
    case 'AUTH_MALFORMED':
    case 'AUTH_INVALID':
    case 'AUTH_EXPIRED':
      return LOGIN_HINT;
    case 'INSUFFICIENT_SCOPE':
      return 'This token may not do that: create one with the scopes it needs (`tasks token create --write`).';
    case 'SESSION_REQUIRED':
      return 'Managing tokens needs your password, not a token.';
    case 'PRECONDITION_FAILED':
      return 'Someone changed the task since: `tasks show ID` prints it and its new ETag.';
    default:
      return undefined;
  }
}

function exitCodeFor(status: number, code: string): ExitCode {
  if (status === 401) return EXIT.UNAUTHORIZED;
  if (status === 403 && code !== 'HOST_NOT_ALLOWED' && code !== 'ORIGIN_NOT_ALLOWED')
    return EXIT.UNAUTHORIZED;
  return EXIT.ERROR;
}

function isFlatError(value: unknown): value is { code: string; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The API's `{ error: { code, message, details? } }` as a CliError with the matching exit code. */
export function apiError(status: number, text: string): CliError {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: reported below
  }
  // Better Auth's own routes (/api/auth/*) answer { code, message } without the envelope.
  if (!isApiErrorBody(body) && isFlatError(body)) body = { error: body };
  if (!isApiErrorBody(body)) {
    return new CliError(
      `The API answered ${status} without an error body: is this Tasks Desktop?`,
      EXIT.ERROR,
      {
        code: `HTTP_${status}`,
      },
    );
  }
  const { code, message, details } = body.error;
  const hint = hintFor(code);
  return new CliError(message, exitCodeFor(status, code), {
    code,
    ...(hint === undefined ? {} : { hint }),
    ...(details === undefined ? {} : { details }),
  });
}

export interface ApiClientOptions {
  /** Checks the server is this app before the first request (default: GET /api/health, see server-check.ts). */
  check?: (api: DiscoveredApi) => Promise<void>;
}

export class ApiClient {
  readonly api: DiscoveredApi;
  token: string | null;
  private readonly check: (api: DiscoveredApi) => Promise<void>;
  /** The server check, once per client; dropped when it fails so a later request checks again. */
  private checked: Promise<void> | null = null;

  constructor(api: DiscoveredApi, token: string | null, options: ApiClientOptions = {}) {
    this.api = api;
    this.token = token;
    this.check = options.check ?? checkServer;
  }

  get baseUrl(): string {
    return this.api.baseUrl;
  }

  get source(): string {
    return this.api.source;
  }

  /** Resolves once the server proved to be this app (GET /api/health, no credential); see server-check.ts. */
  verifyServer(): Promise<void> {
    this.checked ??= this.check(this.api).catch((error: unknown) => {
      this.checked = null;
      throw error;
    });
    return this.checked;
  }

  /**
   * Sends one request; resolves with any 2xx answer, rejects with a CliError otherwise. Nothing (no token, no
   * password) is sent before the server proved to be this app.
   */
  async send(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    await this.verifyServer();
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const token = options.token === undefined ? this.token : options.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | Uint8Array | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['Content-Type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw unreachableError(this.api, error, TIMEOUT_MS);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw unreachableError(this.api, error, TIMEOUT_MS);
    }
    if (!response.ok) throw apiError(response.status, text);
    return { status: response.status, headers: response.headers, text };
  }

  /** send() for JSON answers; a 204 resolves with undefined. */
  async json<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.jsonWithEtag<T>(method, path, options)).value;
  }

  /** json() with the answer's ETag (a task answer's version, for If-Match); null when it has none. */
  async jsonWithEtag<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<{ value: T; etag: string | null }> {
    const response = await this.send(method, path, options);
    return { value: this.parse<T>(method, path, response), etag: response.headers.get('etag') };
  }

  private parse<T>(method: HttpMethod, path: string, response: ApiResponse): T {
    if (response.status === 204 || response.text === '') return undefined as T;
    try {
      return JSON.parse(response.text) as T;
    } catch {
      throw new CliError(`The API answered ${method} ${path} with something that is not JSON.`, EXIT.ERROR, {
        code: 'BAD_RESPONSE',
      });
    }
  }
}
