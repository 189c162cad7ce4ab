// Test support (not a test): a real core (SQLite file in a temp dir, Better Auth, HTTP API on 127.0.0.1) and
// helpers that talk to it over real HTTP like any script would.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretStore } from '../auth/auth-types.ts';
import type { CoreOptions, CoreServices } from '../core/core-types.ts';
import { silentLogger } from '../core/logger.ts';
import { startCore } from '../core/start-core.ts';

export const APP_ORIGIN = 'app://tasks';
export const PASSWORD = 'correct horse battery staple';

export class MemorySecretStore implements SecretStore {
  readonly description = 'memory (tests)';
  constructor(public value: string | null = randomBytes(32).toString('base64url')) {}
  read(): Promise<string | null> {
    return Promise.resolve(this.value);
  }
  write(secret: string): Promise<void> {
    this.value = secret;
    return Promise.resolve();
  }
}

export interface TestCore {
  core: CoreServices;
  dir: string;
  secretStore: MemorySecretStore;
  /** fetch relative to the API base URL. */
  api(path: string, init?: RequestInit): Promise<Response>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestCore(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tasks-core-'));
  const secretStore = new MemorySecretStore();
  const start = () =>
    startCore({ dataDir: dir, secretStore, logger: silentLogger, allowedOrigins: [APP_ORIGIN], ...options });
  const test: TestCore = {
    core: await start(),
    dir,
    secretStore,
    api: (path, init) => fetch(test.core.apiBaseUrl + path, init),
    async restart() {
      await test.core.stop();
      test.core = await start();
    },
    async close() {
      await test.core.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return test;
}

export interface TestUser {
  id: string;
  email: string;
  sessionToken: string;
  jwt: string;
  /** Headers with the access JWT (and JSON content type). */
  headers: Record<string, string>;
}

/** One API call as `user`: `body` (if any) is sent as JSON with the user's access JWT. */
export function callAs(test: TestCore, user: TestUser, method: string, path: string, body?: unknown): Promise<Response> {
  return test.api(path, { method, headers: user.headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

let counter = 0;

/** Signs a user up over HTTP and fetches an access JWT with the session token, as a script would. */
export async function signUp(test: TestCore, name = 'Test User'): Promise<TestUser> {
  counter += 1;
  const email = `user${counter}.${Date.now()}@example.com`;
  const response = await test.api('/api/auth/sign-up/email', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { token: string; user: { id: string } };
  const jwt = await accessToken(test, body.token);
  return {
    id: body.user.id,
    email,
    sessionToken: body.token,
    jwt,
    headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
  };
}

export async function accessToken(test: TestCore, sessionToken: string): Promise<string> {
  const response = await test.api('/api/auth/token', { headers: { Authorization: `Bearer ${sessionToken}` } });
  if (!response.ok) throw new Error(`token failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
