// Handler logic against an in-memory auth fake; the real-core flow is in ipc-handlers.integration.test.ts.
import { describe, expect, it, vi } from 'vitest';
import type { SessionChangedEvent } from '../../src-preload/contract.ts';
import { createIpcHandlers } from './ipc-handlers.ts';
import { createMemoryKeyValueStore } from './key-value-store.ts';
import { ACCOUNTS_KEY, createAccountSessionStore } from '../accounts/account-session-store.ts';
import { createSignInThrottle } from './sign-in-throttle.ts';
import { availableEncryption, unavailableEncryption } from './test-support/aes-cipher.ts';
import { createFakeCore } from './test-support/fake-core.ts';
import { expectStableAuthErrorCodes } from './test-support/auth-error-scenario.ts';

const PASSWORD = 'correct horse battery staple';

function setup(options: { encrypted?: boolean } = {}) {
  const fake = createFakeCore();
  const kv = createMemoryKeyValueStore();
  const sessionStore = createAccountSessionStore({
    encryption: options.encrypted === false ? unavailableEncryption('No keyring here.') : availableEncryption(),
    kv,
  });
  const events: SessionChangedEvent[] = [];
  const handlers = createIpcHandlers({
    core: fake.core,
    sessionStore,
    throttle: createSignInThrottle({ freeFailuresPerEmail: 2 }),
    appInfo: { version: '9.9.9' },
    emit: (event) => events.push(event),
  });
  return { ...fake, kv, handlers, events };
}

describe('IPC handlers', () => {
  it('signs up, keeps the session token in main and hands out only the access JWT', async () => {
    const { handlers, events, kv } = setup();
    const signedUp = await handlers['auth:sign-up']({ name: 'Ada', email: 'Ada@Example.com', password: PASSWORD });
    expect(signedUp).toEqual({ ok: true, value: { user: { id: 'u1', name: 'Ada', email: 'ada@example.com' }, persisted: true } });
    expect(JSON.stringify(signedUp)).not.toContain('tok-');
    expect(events).toEqual([{ session: signedUp.ok ? signedUp.value : null, reason: 'signed-in' }]);
    expect(JSON.stringify(kv.get(ACCOUNTS_KEY))).not.toContain('tok-');

    const token = await handlers['auth:access-token'](undefined);
    expect(token).toMatchObject({ ok: true, value: { token: expect.stringMatching(/^jwt-for-/) as unknown, apiBaseUrl: 'http://127.0.0.1:45678' } });
    await expect(handlers['auth:session'](undefined)).resolves.toMatchObject({ ok: true, value: { user: { id: 'u1' } } });
  });

  it('rejects malformed payloads with INVALID_INPUT and per-field messages, without echoing them', async () => {
    const { handlers } = setup();
    const result = await handlers['auth:sign-in']({ email: 'not-an-email', password: 'hunter2-secret', remember: 'yes', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['(payload)', 'email', 'remember'].sort());
    expect(JSON.stringify(result)).not.toContain('hunter2-secret');
    await expect(handlers['auth:sign-up']('nope')).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await expect(handlers['app:info']({ x: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await expect(handlers['auth:access-token']({ forceRefresh: 'true' })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('maps auth failures to stable codes', async () => {
    const { handlers } = setup();
    await expectStableAuthErrorCodes(handlers, PASSWORD);
  });

  it('answers RATE_LIMITED with retryAfterMs after repeated wrong passwords, before asking auth', async () => {
    const { handlers, core } = setup();
    await handlers['auth:sign-up']({ name: 'A', email: 'a@example.com', password: PASSWORD });
    const signIn = vi.spyOn(core.auth, 'signIn');
    for (let i = 0; i < 2; i++) await handlers['auth:sign-in']({ email: 'a@example.com', password: 'wrong password', remember: false });
    const limited = await handlers['auth:sign-in']({ email: 'a@example.com', password: PASSWORD, remember: false });
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(!limited.ok && limited.error.retryAfterMs).toBeGreaterThan(0);
    expect(signIn).toHaveBeenCalledTimes(2);
  });

  it('sign-out revokes the session, wipes the persisted copy, emits, and then access tokens are SESSION_EXPIRED', async () => {
    const { handlers, events, kv, revoked, forgotten } = setup();
    await handlers['auth:sign-up']({ name: 'A', email: 'a@example.com', password: PASSWORD });
    expect(kv.get(ACCOUNTS_KEY)).toBeDefined();

    await expect(handlers['auth:sign-out'](undefined)).resolves.toEqual({ ok: true, value: null });
    expect(revoked).toHaveLength(1);
    expect(forgotten).toEqual(revoked);
    expect(kv.get(ACCOUNTS_KEY)).toBeUndefined();
    expect(events.at(-1)).toEqual({ session: null, reason: 'signed-out' });

    await expect(handlers['auth:access-token'](undefined)).resolves.toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    await expect(handlers['auth:session'](undefined)).resolves.toEqual({ ok: true, value: null });
    // Idempotent.
    await expect(handlers['auth:sign-out'](undefined)).resolves.toEqual({ ok: true, value: null });
    expect(revoked).toHaveLength(1);
  });

  it('a session revoked elsewhere is reported as expired and its token wiped (the account stays listed, signed out)', async () => {
    const { handlers, events, sessions, kv } = setup();
    await handlers['auth:sign-up']({ name: 'A', email: 'a@example.com', password: PASSWORD });
    sessions.clear();
    await expect(handlers['auth:access-token']({ forceRefresh: true })).resolves.toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    expect(events.at(-1)).toEqual({ session: null, reason: 'expired' });
    expect(kv.get(ACCOUNTS_KEY)).toMatchObject({ current: null });
    await expect(handlers['accounts:list'](undefined)).resolves.toEqual({
      ok: true,
      value: [{ id: 'u1', name: 'A', email: 'a@example.com', current: false, signedIn: false }],
    });
  });

  it('signing in again replaces (and revokes) the previous session', async () => {
    const { handlers, revoked } = setup();
    await handlers['auth:sign-up']({ name: 'A', email: 'a@example.com', password: PASSWORD });
    await handlers['auth:sign-in']({ email: 'a@example.com', password: PASSWORD, remember: true });
    expect(revoked).toEqual(['tok-1-u1']);
  });

  it('without encryption: signs in without persisting and app:info says why', async () => {
    const { handlers, kv } = setup({ encrypted: false });
    await expect(handlers['auth:sign-up']({ name: 'A', email: 'a@example.com', password: PASSWORD, remember: true })).resolves.toMatchObject({
      ok: true,
      value: { persisted: false },
    });
    expect(kv.get(ACCOUNTS_KEY)).toBeUndefined();
    await expect(handlers['app:info'](undefined)).resolves.toMatchObject({
      ok: true,
      value: { version: '9.9.9', dataDir: '/tmp/fake-data', canPersistSession: false, persistenceNote: 'No keyring here.' },
    });
  });

  it('turns unexpected errors into INTERNAL without a stack', async () => {
    const { handlers, core } = setup();
    vi.spyOn(core.auth, 'signUp').mockRejectedValue(new Error('SQLITE_BUSY at /secret/path.js:12'));
    const result = await handlers['auth:sign-up']({ name: 'A', email: 'a@example.com', password: PASSWORD });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE_BUSY|secret\/path|at /);
  });
});

describe('API address and port (Settings)', () => {
  it('tells the API address and docs, says when the port fell back, and saves a new port for the next start', async () => {
    const fake = createFakeCore();
    const saved: number[] = [];
    const handlers = createIpcHandlers({
      core: {
        ...fake.core,
        api: {
          baseUrl: 'http://127.0.0.1:45678',
          port: 45678,
          docsUrl: 'http://127.0.0.1:45678/api/docs',
          requestedPort: 47821,
          fallback: { requestedPort: 47821, reason: 'in use by another program' },
          apiFile: '/tmp/api.json',
        },
      },
      sessionStore: createAccountSessionStore({ encryption: availableEncryption(), kv: createMemoryKeyValueStore() }),
      throttle: createSignInThrottle(),
      appInfo: { version: '9.9.9' },
      emit: () => {},
      apiPort: { get: () => saved.at(-1) ?? 47821, set: (port) => saved.push(port) },
    });
    const info = await handlers['app:info'](undefined);
    expect(info).toMatchObject({
      ok: true,
      value: {
        api: {
          baseUrl: 'http://127.0.0.1:45678',
          docsUrl: 'http://127.0.0.1:45678/api/docs',
          port: 45678,
          configuredPort: 47821,
          fallbackNote: 'Port 47821 was in use by another program, so the API uses port 45678 for now.',
        },
      },
    });
    await expect(handlers['app:set-api-port']({ port: 50000 })).resolves.toMatchObject({
      ok: true,
      value: { configuredPort: 50000, port: 45678 },
    });
    for (const bad of [{ port: 80 }, { port: 70000 }, { port: 5000.5 }, { port: '5000' }, null]) {
      await expect(handlers['app:set-api-port'](bad)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(saved).toEqual([50000]);
  });
});
