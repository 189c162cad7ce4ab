import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Service } from '../core/service.ts';

export const LOOPBACK_HOST = '127.0.0.1';

type FetchHandler = (request: Request) => Response | Promise<Response>;

const NOT_READY = JSON.stringify({ error: { code: 'INTERNAL', message: 'The API is starting; try again.' } });

export interface PortFallback {
  requestedPort: number;
  /** e.g. "in use by another program" */
  reason: string;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * A response that starts before its request's body has been read to the end (413, an import refused by its first
 * bytes, 409) says `Connection: close`, and Node closes the connection after it: the unread rest of the body must not
 * be taken for the next request, and a keep-alive client must not send its next request on a connection that is
 * about to be dropped (it would fail with "socket hang up").
 */
function closeWhenBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'GET' || req.method === 'HEAD') return;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    if (!req.complete) res.setHeader('Connection', 'close');
    return writeHead(...args);
  });
}

/**
 * The HTTP listener on 127.0.0.1. It listens first (so the ephemeral port is known to the parts that need their
 * own URL, like Better Auth), then answers through the handler attached with `attach()`.
 */
export class ApiServer implements Service {
  readonly name = 'api';
  private server: Server | null = null;
  private handler: FetchHandler | null = null;
  private boundPort = 0;

  private fallback: PortFallback | null = null;

  constructor(
    private readonly requestedPort = 0,
    private readonly options: { fallbackToFreePort?: boolean } = {},
  ) {}

  get port(): number {
    return this.boundPort;
  }

  get baseUrl(): string {
    return `http://${LOOPBACK_HOST}:${this.boundPort}`;
  }

  attach(handler: FetchHandler): void {
    this.handler = handler;
  }

  async start(): Promise<void> {
    const listener = getRequestListener((request) =>
      this.handler
        ? this.handler(request)
        : new Response(NOT_READY, { status: 503, headers: { 'content-type': 'application/json' } }),
    );
    // The listener answers its own failures (500); a rejection here means the socket broke mid-response.
    const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
      closeWhenBodyUnread(req, res);
      listener(req, res).catch(() => res.destroy());
    });
    try {
      await listen(server, this.requestedPort);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!this.options.fallbackToFreePort || this.requestedPort === 0 || (code !== 'EADDRINUSE' && code !== 'EACCES'))
        throw error;
      await listen(server, 0);
      this.fallback = {
        requestedPort: this.requestedPort,
        reason: code === 'EADDRINUSE' ? 'in use by another program' : 'not allowed',
      };
    }
    this.server = server;
    this.boundPort = (server.address() as AddressInfo).port;
  }

  /** Set when the requested port could not be used and a free one was taken instead. */
  get portFallback(): PortFallback | null {
    return this.fallback;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      // Connections whose response ends after this (event streams the events service just ended) become idle
      // later: close them as they do, and force the rest after 2 s.
      const idle = setInterval(() => server.closeIdleConnections(), 25);
      const force = setTimeout(() => server.closeAllConnections(), 2_000);
      server.close(() => {
        clearInterval(idle);
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
  }
}
