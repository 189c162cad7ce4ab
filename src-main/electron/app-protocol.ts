// The renderer is served from app://tasks/ (a privileged standard scheme), not file://: a real origin for
// CORS and the IPC sender check, and a strict CSP on every response.
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tasks';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** default-src 'self'; the only other place the page may talk to is the local API. */
export function contentSecurityPolicy(apiOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${apiOrigin}`,
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface AppProtocolOptions {
  /** Absolute path of out/renderer. */
  rendererDir: string;
  /** e.g. http://127.0.0.1:43125 */
  apiOrigin: string;
}

function textResponse(status: number, body: string, headers: Record<string, string>): Response {
  return new Response(body, { status, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
}

/** Answers one app:// request from out/renderer. Unknown extension-less paths get index.html (client routes). */
export async function serveAppRequest(request: Request, { rendererDir, apiOrigin }: AppProtocolOptions): Promise<Response> {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(apiOrigin),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed', headers);

  const url = new URL(request.url);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return textResponse(404, 'Not found', headers);

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return textResponse(400, 'Bad request', headers);
  }
  if (pathname.includes('\0')) return textResponse(400, 'Bad request', headers);
  if (pathname === '/' || extname(pathname) === '') pathname = '/index.html';

  const root = resolve(rendererDir);
  const file = resolve(root, '.' + pathname);
  if (!file.startsWith(root + sep)) return textResponse(404, 'Not found', headers);

  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return textResponse(404, 'Not found', headers);
  }
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...headers, 'content-type': contentType, 'cache-control': 'no-cache' },
  });
}

/** After `ready`: serve app:// from the built renderer. */
export function handleAppProtocol(options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, options));
}
