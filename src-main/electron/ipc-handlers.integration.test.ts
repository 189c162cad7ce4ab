// The IPC handlers against the real core (SQLite, Better Auth, HTTP API) in a temp data dir, with the
// secret and session sealed into a real electron-store file by a real cipher standing in for safeStorage.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ElectronStore from 'electron-store';
import { FileSecretStore } from '../auth/file-secret-store.ts';
import type { CoreServices } from '../core/core-types.ts';
import { silentLogger } from '../core/logger.ts';
import { startCore } from '../core/start-core.ts';
import type { SessionChangedEvent } from '../../src-preload/contract.ts';
import type { Encryption } from './encryption.ts';
import { createIpcHandlers, type IpcHandlers } from './ipc-handlers.ts';
import { createDesktopSecretStore } from './secret-store.ts';
import { createAccountSessionStore, type AccountSessionStore } from '../accounts/account-session-store.ts';
import { createSignInThrottle } from './sign-in-throttle.ts';
import { availableEncryption, createAesCipher } from './test-support/aes-cipher.ts';
import { expectStableAuthErrorCodes } from './test-support/auth-error-scenario.ts';

vi.mock('electron', () => ({ default: {} }));

const PASSWORD = 'a long enough passphrase';
const APP_ORIGIN = 'app://tasks';

interface Shell {
  core: CoreServices;
  handlers: IpcHandlers;
  sessions: AccountSessionStore;
  events: SessionChangedEvent[];
}

describe('IPC handlers with the real core', () => {
  let dir: string;
  let encryption: Encryption;
  const running: CoreServices[] = [];

  const launch = async (): Promise<Shell> => {
    const kv = new ElectronStore<Record<string, unknown>>({ cwd: dir, name: 'secure' });
    const dataDir = join(dir, 'data');
    const secretStore = createDesktopSecretStore({ encryption, kv, file: new FileSecretStore(dataDir) });
    const core = await startCore({ dataDir, allowedOrigins: [APP_ORIGIN], secretStore, logger: silentLogger });
    running.push(core);
    const sessions = createAccountSessionStore({ encryption, kv });
    const events: SessionChangedEvent[] = [];
    const handlers = createIpcHandlers({
      core,
      sessionStore: sessions,
      throttle: createSignInThrottle({ freeFailuresPerEmail: 3 }),
      appInfo: { version: '0.1.0' },
      emit: (event) => events.push(event),
    });
    return { core, handlers, sessions, events };
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipc-core-'));
    encryption = availableEncryption(createAesCipher());
  });
  afterEach(async () => {
    for (const core of running.splice(0)) await core.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('sign-up -> access token -> task API over HTTP; only ciphertext on disk; survives a restart', async () => {
    const shell = await launch();
    const signedUp = await shell.handlers['auth:sign-up']({ name: 'Ada', email: 'ada@example.com', password: PASSWORD, remember: true });
    if (!signedUp.ok) throw new Error(`sign-up failed: ${signedUp.error.code}`);
    expect(signedUp.value).toMatchObject({ user: { name: 'Ada', email: 'ada@example.com' }, persisted: true });
    const userId = signedUp.value.user.id;

    const granted = await shell.handlers['auth:access-token'](undefined);
    if (!granted.ok) throw new Error(`access token failed: ${granted.error.code}`);
    expect(granted.value.apiBaseUrl).toBe(shell.core.apiBaseUrl);
    expect(granted.value.expiresAt).toBeGreaterThan(Date.now());
    const sessionToken = (await shell.sessions.current())?.token ?? '';
    expect(sessionToken).not.toBe('');
    expect(granted.value.token).not.toBe(sessionToken);

    const headers = { Authorization: `Bearer ${granted.value.token}`, 'Content-Type': 'application/json', Origin: APP_ORIGIN };
    const created = await fetch(`${granted.value.apiBaseUrl}/api/${userId}/tasks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Buy milk' }),
    });
    expect(created.status).toBe(201);
    const listed = await fetch(`${granted.value.apiBaseUrl}/api/${userId}/tasks`, { headers });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { items: Array<{ title: string }> }).items.map((t) => t.title)).toEqual(['Buy milk']);

    // On disk: the sealed session and secret, never the plain values.
    const secret = await createDesktopSecretStore({
      encryption,
      kv: new ElectronStore({ cwd: dir, name: 'secure' }),
      file: new FileSecretStore(join(dir, 'data')),
    }).read();
    expect(secret?.length).toBeGreaterThanOrEqual(32);
    const onDisk = await readFile(join(dir, 'secure.json'), 'utf8');
    expect(onDisk).toMatch(/"accounts"/);
    expect(onDisk).toMatch(/"authSecret"/);
    expect(onDisk).not.toContain(sessionToken);
    expect(onDisk).not.toContain(secret ?? 'missing secret');
    expect(onDisk).not.toContain(sessionToken.split('.')[0]);

    // Next launch: the session is restored from the sealed copy.
    await shell.core.stop();
    const again = await launch();
    await expect(again.handlers['auth:session'](undefined)).resolves.toMatchObject({ ok: true, value: { user: { id: userId }, persisted: true } });
    await expect(again.handlers['auth:access-token']({ forceRefresh: true })).resolves.toMatchObject({ ok: true });
  });

  it('maps the real auth errors: weak password, email taken, wrong password', async () => {
    const { handlers } = await launch();
    await expectStableAuthErrorCodes(handlers, PASSWORD);
  });

  it('throttles repeated wrong passwords with RATE_LIMITED and a retry time', async () => {
    const { handlers } = await launch();
    await handlers['auth:sign-up']({ name: 'A', email: 'a@example.com', password: PASSWORD });
    for (let i = 0; i < 3; i++) {
      await expect(handlers['auth:sign-in']({ email: 'a@example.com', password: `wrong ${i}`, remember: false })).resolves.toMatchObject({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS' },
      });
    }
    const limited = await handlers['auth:sign-in']({ email: 'a@example.com', password: PASSWORD, remember: false });
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(limited.ok ? 0 : limited.error.retryAfterMs).toBeGreaterThan(0);
  });

  it('sign-out revokes the session: access-token answers SESSION_EXPIRED and the old JWT is refused', async () => {
    const { handlers, events, core } = await launch();
    const signedUp = await handlers['auth:sign-up']({ name: 'A', email: 'a@example.com', password: PASSWORD });
    const granted = await handlers['auth:access-token'](undefined);
    if (!signedUp.ok || !granted.ok) throw new Error('setup failed');

    await expect(handlers['auth:sign-out'](undefined)).resolves.toEqual({ ok: true, value: null });
    expect(events.map((e) => e.reason)).toEqual(['signed-in', 'signed-out']);
    await expect(handlers['auth:access-token'](undefined)).resolves.toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    expect(await readFile(join(dir, 'secure.json'), 'utf8')).not.toMatch(/"accounts"/);

    const stale = await fetch(`${core.apiBaseUrl}/api/${signedUp.value.user.id}/tasks`, {
      headers: { Authorization: `Bearer ${granted.value.token}` },
    });
    expect(stale.status).toBe(401);
  });
});
