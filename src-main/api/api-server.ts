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

/** Reading what is left of a body after its answer stops past this many bytes (the import limit, with room)... */
export const LINGER_MAX_BYTES = 48 * 1024 * 1024;
/** ...after this long in all... */
export const LINGER_MAX_MS = 10_000;
/** ...or when nothing came for this long. */
export const LINGER_IDLE_MS = 2_000;

/**
 * A response that starts before its request's body has been read to the end (413, an import refused by its first
 * bytes, 409) says `Connection: close`: the unread rest of the body must not be taken for the next request, and a
 * keep-alive client must not send its next request on a connection that is about to be dropped (it would fail
 * with "socket hang up").
 *
 * And it closes politely: the answer is written at once, but the response ends (and Node closes the connection)
 * only once the rest of the body has been read and dropped, within the LINGER_* bounds. Closing a socket with
 * unread data in it makes the kernel send a reset instead of a FIN, and a client still sending (most read the
 * answer only once the body is sent) then loses the answer it was sent: one of 10 concurrent 32 MiB hostile
 * imports saw a reset instead of its 422.
 */
function closeWhenBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'GET' || req.method === 'HEAD') return;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    if (!req.complete) res.setHeader('Connection', 'close');
    return writeHead(...args);
  });
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    if (req.complete || req.destroyed) return end(...args);
    const callback = args.find((arg): arg is () => void => typeof arg === 'function');
    const chunk = typeof args[0] === 'function' ? undefined : args[0];
    if (chunk !== undefined && chunk !== null) {
      res.write(chunk, typeof args[1] === 'string' ? (args[1] as BufferEncoding) : 'utf8');
    }
    drainBody(req, () => end(callback));
    return res;
  }) as typeof res.end;
}

/** Reads and drops the rest of a request body (within the LINGER_* bounds), then calls `then` once. */
function drainBody(req: IncomingMessage, then: () => void): void {
  let bytes = 0;
  let done = false;
  const stop = () => {
    if (done) return;
    done = true;
    clearTimeout(total);
    clearTimeout(idle);
    req.off('data', onData);
    req.off('end', stop);
    req.off('error', stop);
    req.off('close', stop);
    then();
  };
  const total = setTimeout(stop, LINGER_MAX_MS);
  const idle = setTimeout(stop, LINGER_IDLE_MS);
  const onData = (chunk: Buffer) => {
    bytes += chunk.byteLength;
    idle.refresh();
    if (bytes > LINGER_MAX_BYTES) stop();
  };
  // The handler's own reader of the body (if any) is done with it: what comes now is only dropped.
  req.removeAllListeners('data');
  req.on('data', onData);
  req.once('end', stop);
  req.once('error', stop);
  req.once('close', stop);
  req.resume();
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
