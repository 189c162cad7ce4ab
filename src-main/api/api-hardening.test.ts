import { request as httpRequest } from 'node:http';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../core/logger.ts';
import { APP_ORIGIN, PASSWORD, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;
const logged: string[] = [];
const logger: Logger = {
  info: () => {},
  warn: () => {},
  error: (message, fields) => logged.push(JSON.stringify({ message, ...fields })),
};

beforeAll(async () => {
  test = await startTestCore({ logger });
  alice = await signUp(test, 'Alice');
});
afterAll(() => test.close());

/** fetch() cannot set Host; node:http can. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(test.core.apiBaseUrl + path);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('loopback hardening', () => {
  it('refuses a Host header that is not this server (DNS rebinding)', async () => {
    const port = new URL(test.core.apiBaseUrl).port;
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1:1', `192.168.0.10:${port}`]) {
      const response = await rawGet('/api/health', { Host: host });
      expect(response.status, host).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'HOST_NOT_ALLOWED' } });
    }
    expect((await rawGet('/api/health', { Host: `localhost:${port}` })).status).toBe(200);
    expect((await rawGet('/api/health', { Host: `127.0.0.1:${port}` })).status).toBe(200);
  });

  it('refuses foreign origins and answers CORS only for the app origin', async () => {
    const foreign = await test.api(`/api/${alice.id}/tasks`, { headers: { ...alice.headers, Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const nullOrigin = await test.api('/api/health', { headers: { Origin: 'null' } });
    expect(nullOrigin.status).toBe(403);

    const preflight = await test.api(`/api/${alice.id}/tasks`, {
      method: 'OPTIONS',
      headers: { Origin: APP_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

    const allowed = await test.api(`/api/${alice.id}/tasks`, { headers: { ...alice.headers, Origin: APP_ORIGIN } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(allowed.headers.get('set-cookie')).toBeNull();
  });

  it('answers 404 for unknown routes and 405 with Allow for wrong methods', async () => {
    const unknown = await test.api('/api/nothing/here/at/all', { headers: alice.headers });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await test.api('/elsewhere')).status).toBe(404);

    const wrong = await test.api(`/api/${alice.id}/tasks`, { method: 'DELETE', headers: alice.headers });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect(await wrong.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
    const complete = await test.api(`/api/${alice.id}/tasks/x/complete`, { method: 'POST', headers: alice.headers });
    expect(complete.status).toBe(405);
  });

  it('serves an OpenAPI document generated from the schemas', async () => {
    const response = await test.api('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, { maxLength?: number }> }> };
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/{userId}/tasks', '/api/{userId}/tasks/{id}', '/api/{userId}/tasks/{id}/complete']),
    );
    expect(doc.components.schemas.TaskCreate?.properties?.title?.maxLength).toBe(500);
  });

  it('keeps Better Auth\'s rate limiter on for sign-in over HTTP', async () => {
    const attempt = () =>
      test.api('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: alice.email, password: 'wrong password!' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt()).status);
    expect(statuses[0]).toBe(401);
    expect(statuses).toContain(429);
    // Even the right password is refused while limited.
    const right = await test.api('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: alice.email, password: PASSWORD }),
    });
    expect(right.status).toBe(429);
  });

  it('answers 500 with a request id, logs it, and leaks no SQL or stack', async () => {
    const user = await signUp(test);
    const other = new Database(join(test.dir, 'tasks.db'));
    other.exec('ALTER TABLE tasks RENAME TO tasks_gone');
    try {
      const response = await test.api(`/api/${user.id}/tasks/some-id`, { headers: user.headers });
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code).toBe('INTERNAL');
      expect(body.error.message).not.toMatch(/tasks|SQL|sqlite|at /i);
      expect(logged.some((line) => line.includes(body.error.requestId))).toBe(true);
      expect(logged.join('\n')).not.toContain(user.jwt);
    } finally {
      other.exec('ALTER TABLE tasks_gone RENAME TO tasks');
      other.close();
    }
  });
});
