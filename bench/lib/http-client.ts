// A small keep-alive HTTP client for seeding and for timing single requests (S2). node:http rather
// than fetch: less client overhead inside the measured time.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpResult {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  /** Milliseconds from writing the request to the last byte of the response. */
  ms: number;
}

export class HttpClient {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(baseUrl: string, maxSockets = 32) {
    this.url = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /**
   * One request. A GET that fails because the server had closed the idle keep-alive connection
   * (its keepAliveTimeout) just as we reused it is retried once on a new connection.
   */
  async request(
    method: string,
    path: string,
    options: { bearer?: string; json?: unknown } = {},
  ): Promise<HttpResult> {
    try {
      return await this.requestOnce(method, path, options);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (method !== 'GET' || (code !== 'ECONNRESET' && code !== 'EPIPE')) throw error;
      return this.requestOnce(method, path, options);
    }
  }

  private requestOnce(
    method: string,
    path: string,
    options: { bearer?: string; json?: unknown },
  ): Promise<HttpResult> {
    const body = options.json === undefined ? undefined : JSON.stringify(options.json);
    const headers: Record<string, string> = {};
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        { host: this.url.hostname, port: this.url.port, method, path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              headers: res.headers,
              ms: performance.now() - started,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** JSON request that must answer `expect`; returns the parsed body. */
  async json<T>(
    method: string,
    path: string,
    expect: number,
    options: { bearer?: string; json?: unknown } = {},
  ): Promise<T> {
    const res = await this.request(method, path, options);
    if (res.status !== expect) {
      throw new Error(`${method} ${path}: expected ${expect}, got ${res.status}: ${res.body.slice(0, 300)}`);
    }
    return (res.body === '' ? undefined : JSON.parse(res.body)) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; rejects on the first failure. */
export async function runPool(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
