import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { apiFile, health } from '../../src-shared/api-discovery.ts';
import { silentLogger } from '../core/logger.ts';
import { startCore } from '../core/start-core.ts';
import { startTestCore, type TestCore } from '../testing/test-core.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function core(options: Parameters<typeof startTestCore>[0] = {}): Promise<TestCore> {
  const test = await startTestCore(options);
  cleanups.push(() => test.close());
  return test;
}

/** A port that was free a moment ago (the OS does not hand it out again at once). */
async function freePort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A port some other program holds for the test's duration. */
async function occupiedPort(): Promise<number> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  return (blocker.address() as { port: number }).port;
}

function readApiFile(test: TestCore) {
  return apiFile.parse(JSON.parse(readFileSync(test.core.api.apiFile, 'utf8')));
}

describe('finding the API', () => {
  it('writes api.json (0600) while listening and removes it on a clean stop', async () => {
    const test = await core();
    expect(test.core.api.apiFile.endsWith('api.json')).toBe(true);
    expect(readApiFile(test)).toEqual({
      apiBaseUrl: test.core.apiBaseUrl,
      pid: process.pid,
      version: packageJson.version,
    });
    if (process.platform !== 'win32') expect(statSync(test.core.api.apiFile).mode & 0o777).toBe(0o600);
    const path = test.core.api.apiFile;
    await test.core.stop();
    expect(existsSync(path)).toBe(false);
  });

  it('rewrites api.json when the port changes', async () => {
    const port = await freePort();
    const test = await core({ port });
    expect(readApiFile(test).apiBaseUrl).toBe(`http://127.0.0.1:${port}`);
    await test.core.stop();
    test.core = await startCore({ dataDir: test.dir, secretStore: test.secretStore, logger: silentLogger });
    expect(test.core.api.port).not.toBe(port);
    expect(readApiFile(test).apiBaseUrl).toBe(`http://127.0.0.1:${test.core.api.port}`);
  });

  it('falls back to a free port when the requested one is taken, and says so', async () => {
    const taken = await occupiedPort();
    const test = await core({ port: taken, portFallback: true });
    expect(test.core.api.port).not.toBe(taken);
    expect(test.core.api.fallback).toEqual({ requestedPort: taken, reason: 'in use by another program' });
    expect(readApiFile(test).apiBaseUrl).toBe(`http://127.0.0.1:${test.core.api.port}`);
    expect((await test.api('/api/health')).status).toBe(200);
  });

  it('fails to start on a taken port without the fallback (the headless host with --port)', async () => {
    const taken = await occupiedPort();
    await expect(startTestCore({ port: taken })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('GET /api/health names the app, its version and the pid api.json names', async () => {
    const test = await core();
    const body = health.parse(await (await test.api('/api/health')).json());
    expect(body).toEqual({
      status: 'ok',
      app: 'tasks-desktop',
      name: 'Tasks Desktop',
      version: packageJson.version,
      pid: process.pid,
    });
    expect(body.pid).toBe(readApiFile(test).pid);
  });

  it('serves a self-contained docs page rendered from the OpenAPI document', async () => {
    const test = await core();
    const response = await test.api('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    // No other page may frame it (issue 16 item 10).
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const html = await response.text();
    const spec = (await (await test.api('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of Object.keys(spec.paths)) expect(html).toContain(path);
    expect(html).toContain('/api/{userId}/tokens');
    expect(html).toContain('/api/{userId}/events');
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!127\.0\.0\.1)/i);
  });
});
