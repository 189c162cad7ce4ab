import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => (await import('./test-support/fake-electron.ts')).createFakeElectron());
vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

const { contentSecurityPolicy, handleAppProtocol, registerAppScheme, serveAppRequest } = await import('./app-protocol.ts');

const API = 'http://127.0.0.1:43125';
let root: string;
let rendererDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'app-protocol-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Tasks</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'outside the renderer');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), { rendererDir, apiOrigin: API });

describe('app:// protocol', () => {
  it('registers app:// as a privileged standard, secure scheme', () => {
    registerAppScheme();
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('serves the renderer with a strict CSP whose connect-src is only the local API', async () => {
    const response = await get('app://tasks/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Tasks</title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(contentSecurityPolicy(API));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`connect-src ${API};`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');

    const script = await get('app://tasks/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(csp);
  });

  it('serves index.html for client routes and the root', async () => {
    expect(await (await get('app://tasks/')).text()).toContain('<title>');
    expect(await (await get('app://tasks/tasks/today')).text()).toContain('<title>');
  });

  it('never serves files outside the renderer folder, or other hosts', async () => {
    for (const url of ['app://tasks/../secret.txt', 'app://tasks/%2e%2e/secret.txt', 'app://tasks/assets/..%2f..%2fsecret.txt', 'app://other/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('outside the renderer');
    }
    expect((await get('app://tasks/missing.js')).status).toBe(404);
    expect((await get('app://tasks/%E0%A4%A.js')).status).toBe(400);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://tasks/index.html', 'POST')).status).toBe(405);
    const head = await get('app://tasks/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('handleAppProtocol serves app:// through protocol.handle', async () => {
    handleAppProtocol({ rendererDir, apiOrigin: API });
    const handler = fake.protocolHandlers.get('app');
    const response = await handler?.(new Request('app://tasks/index.html'));
    expect(response?.status).toBe(200);
  });
});
