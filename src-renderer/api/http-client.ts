// fetch() against the local HTTP API with the in-memory access token.
// A 401 triggers one forced token refresh (shared with every other request that was rejected with the same
// token) and exactly one retry; a second 401 means the session is gone and the UI is signed out.
import type { ZodType } from 'zod';
import { ApiError, apiErrorFromResponse } from './api-error';
import type { TokenManager } from './token-manager';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<T> {
  method?: HttpMethod;
  /** Path below the API base, e.g. "/api/u1/tasks". */
  path: string;
  query?: Record<string, string | number | readonly string[] | undefined>;
  body?: unknown;
  /** A body sent as it is (a file's bytes) with its Content-Type, instead of `body` as JSON. */
  rawBody?: { data: Uint8Array<ArrayBuffer> | Blob | string; contentType: string };
  /** Validates the JSON answer; omit for 204 answers. */
  schema?: ZodType<T>;
  signal?: AbortSignal;
}

export interface HttpClient {
  request<T>(options: RequestOptions<T>): Promise<T>;
  /** A GET whose answer is a file (an export): its text and Content-Type. */
  requestText(options: Omit<RequestOptions<never>, 'schema' | 'body' | 'rawBody'>): Promise<{ text: string; contentType: string | null }>;
  /**
   * Opens a streaming GET (text/event-stream) with the access token, refreshing it once on a 401 like request().
   * Resolves to the open response, or throws ApiError (the stream is the caller's to read and cancel).
   */
  openStream(path: string, options: { signal: AbortSignal; headers?: Record<string, string> }): Promise<Response>;
  /**
   * A request answered as newline-delimited JSON (application/x-ndjson): calls `onLine` with each parsed line as
   * it arrives, and resolves once the answer ends. Errors before the answer starts throw ApiError as request() does.
   */
  requestLines(request: Omit<RequestOptions<unknown>, 'schema'>, onLine: (line: unknown) => void): Promise<void>;
}

export interface HttpClientOptions {
  tokens: TokenManager;
  /** The session is no longer accepted even with a fresh token (revoked elsewhere). */
  onSessionRejected: () => void;
  fetch?: typeof fetch;
}

function buildUrl(base: string, path: string, query: RequestOptions<unknown>['query']): string {
  const url = new URL(path, base);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) for (const item of value as readonly string[]) url.searchParams.append(key, item);
    else if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  return url.toString();
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function send<T>(
    request: RequestOptions<T> & { headers?: Record<string, string> },
    token: { token: string; apiBaseUrl: string },
  ) {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token.token}`,
      Accept: 'application/json',
      ...request.headers,
    };
    if (request.rawBody !== undefined) headers['Content-Type'] = request.rawBody.contentType;
    else if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await doFetch(buildUrl(token.apiBaseUrl, request.path, request.query), {
        method: request.method ?? 'GET',
        headers,
        body: request.rawBody !== undefined ? request.rawBody.data : request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: request.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      if (request.signal?.aborted) throw error;
      throw new ApiError('NETWORK', 'Cannot reach the task service.', 0);
    }
  }

  async function parse<T>(response: Response, request: RequestOptions<T>): Promise<T> {
    if (!request.schema || response.status === 204) return undefined as T;
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ApiError('BAD_RESPONSE', 'The task service sent an unreadable answer.', response.status);
    }
    const result = request.schema.safeParse(json);
    if (!result.success) throw new ApiError('BAD_RESPONSE', 'The task service sent an unexpected answer.', response.status);
    return result.data;
  }

  async function authorized(request: RequestOptions<unknown> & { headers?: Record<string, string> }): Promise<Response> {
    const token = await options.tokens.getToken();
    let response = await send(request, token);
    if (response.status === 401) {
      const fresh = await options.tokens.refreshAfterRejection(token.token);
      response = await send(request, fresh);
      if (response.status === 401) {
        const error = await apiErrorFromResponse(response);
        options.onSessionRejected();
        throw error;
      }
    }
    if (!response.ok) throw await apiErrorFromResponse(response);
    return response;
  }

  return {
    async request<T>(request: RequestOptions<T>): Promise<T> {
      return parse(await authorized(request), request);
    },
    async requestText(request) {
      const response = await authorized({ ...request, headers: { Accept: '*/*' } });
      return { text: await response.text(), contentType: response.headers.get('Content-Type') };
    },
    openStream(path, { signal, headers }) {
      return authorized({ path, signal, headers: { Accept: 'text/event-stream', ...headers } });
    },
    async requestLines(request, onLine) {
      const response = await authorized({ ...request, headers: { Accept: 'application/x-ndjson' } });
      const reader = response.body?.getReader();
      if (!reader) throw new ApiError('BAD_RESPONSE', 'The task service sent an unreadable answer.', response.status);
      const decoder = new TextDecoder();
      let buffered = '';
      const emit = (text: string) => {
        if (!text.trim()) return;
        try {
          onLine(JSON.parse(text) as unknown);
        } catch {
          throw new ApiError('BAD_RESPONSE', 'The task service sent an unreadable answer.', response.status);
        }
      };
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch {
          throw new ApiError('NETWORK', 'Cannot reach the task service.', 0);
        }
        if (chunk.done) break;
        buffered += decoder.decode(chunk.value, { stream: true });
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(emit);
      }
      emit(buffered + decoder.decode());
    },
  };
}
