// Everyday HTTP clients against the real headless host run as in production (NODE_ENV=production: Better Auth's
// checks are not relaxed as they are under a test runner), with Node's real fetch (issue 9, item 11):
// - Node's fetch (Sec-Fetch-Mode: cors, no Origin), curl-like and Python-like requests sign up and sign in; a web
//   page (an Origin outside the allow-list) is still refused;
// - `Authorization: bearer <token>` in any case;
// - every answer of /api/auth/* uses the API's error shape, and its 429 carries Retry-After.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnHost, type HostProcess } from '../storage/testing/host-process.ts';
import { CREDENTIAL_RATE_LIMIT } from '../auth/better-auth-options.ts';

const PASSWORD = 'a long enough passphrase';
let host: HostProcess;
let dir: string;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tasks-clients-'));
  // TEST=false too: Better Auth also relaxes its checks when TEST is set, and test runners set it.
  host = spawnHost(dir, [], { NODE_ENV: 'production', TEST: 'false' });
  base = await host.ready;
}, 60_000);

afterAll(async () => {
  host.child.kill('SIGTERM');
  await host.exited;
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

/** A request with exactly these headers (node:http adds only Host and Content-Length), like curl or Python's requests. */
function plainPost(path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(base + path);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const json = { 'Content-Type': 'application/json' };
let emails = 0;
const email = () => `client${++emails}.${Date.now()}@example.com`;

describe('clients of the local API', () => {
  it("Node's fetch signs up and in; a curl- or Python-style request too; a foreign web page does not", async () => {
    const address = email();
    const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'Fetch', email: address, password: PASSWORD }),
    });
    expect(signUp.status, await signUp.clone().text()).toBe(200);
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: address, password: PASSWORD }),
    });
    expect(signIn.status, await signIn.clone().text()).toBe(200);
    const { token: session, user } = (await signIn.json()) as { token: string; user: { id: string } };

    const curl = await plainPost('/api/auth/sign-in/email', { email: address, password: PASSWORD }, {
      ...json,
      'User-Agent': 'curl/8.5.0',
      Accept: '*/*',
    });
    expect(curl.status, curl.body).toBe(200);
    const python = await plainPost('/api/auth/sign-in/email', { email: address, password: PASSWORD }, {
      ...json,
      'User-Agent': 'python-requests/2.32.3',
      Accept: '*/*',
      'Accept-Encoding': 'gzip, deflate',
      Connection: 'keep-alive',
    });
    expect(python.status, python.body).toBe(200);

    // Any case of the auth scheme, on Better Auth's routes and the API's.
    const token = await fetch(`${base}/api/auth/token`, { headers: { Authorization: `bearer ${session}` } });
    expect(token.status).toBe(200);
    const { token: jwt } = (await token.json()) as { token: string };
    for (const scheme of ['bearer', 'BEARER', 'Bearer', 'bEaReR']) {
      const tasks = await fetch(`${base}/api/${user.id}/tasks`, { headers: { Authorization: `${scheme} ${jwt}` } });
      expect(tasks.status, scheme).toBe(200);
    }

    // A page in a browser: an Origin outside the allow-list, cross-site fetch metadata.
    const page = await fetch(`${base}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { ...json, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'cors' },
      body: JSON.stringify({ name: 'Page', email: email(), password: PASSWORD }),
    });
    expect(page.status).toBe(403);
    expect(await page.json()).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } });
  });

  it("answers /api/auth/* errors in the API's shape: unknown and disabled routes, bad input, wrong password", async () => {
    const expectShaped = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: { code, message: expect.any(String) as string } });
    };
    await expectShaped(await fetch(`${base}/api/auth/no-such-route`), 404, 'NOT_FOUND');
    await expectShaped(await fetch(`${base}/api/auth/${'x'.repeat(8000)}`, { method: 'POST' }), 404, 'NOT_FOUND');
    await expectShaped(await fetch(`${base}/api/auth/sign-in/social`, { method: 'POST', headers: json, body: '{}' }), 404, 'NOT_FOUND');
    await expectShaped(
      await fetch(`${base}/api/auth/sign-in/email`, { method: 'POST', headers: json, body: JSON.stringify({ email: email(), password: 'wrong password' }) }),
      401,
      'INVALID_EMAIL_OR_PASSWORD',
    );
    await expectShaped(
      await fetch(`${base}/api/auth/sign-up/email`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'x', email: 'not an email', password: PASSWORD }) }),
      400,
      'INVALID_EMAIL',
    );
    await expectShaped(await fetch(`${base}/api/auth/token`), 401, 'UNAUTHORIZED');
  });

  it('answers 429 in the same shape, with Retry-After', async () => {
    let limited: Response | null = null;
    for (let i = 0; i < CREDENTIAL_RATE_LIMIT.max + 5 && !limited; i++) {
      const response = await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: email(), password: 'wrong password' }),
      });
      if (response.status === 429) limited = response;
      else await response.arrayBuffer();
    }
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited!.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) as string } });
  });
});
