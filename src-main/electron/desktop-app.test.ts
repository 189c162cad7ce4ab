// The whole shell composition (startDesktop) with a fake electron module around the real core.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/logger.ts';
import { isDataDirInUse } from '../storage/data-dir-lock.ts';
import { INVOKE_CHANNELS, type AccessToken, type AppInfo, type IpcResult, type SessionInfo } from '../../src-preload/contract.ts';
import { fakeEvent } from './test-support/fake-electron.ts';

const fake = await vi.hoisted(async () => (await import('./test-support/fake-electron.ts')).createFakeElectron());
vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

const { startDesktop } = await import('./desktop-app.ts');

const PASSWORD = 'a long enough passphrase';
const appFrame = { url: 'app://tasks/index.html', parent: null, isDestroyed: () => false };

describe('startDesktop', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'desktop-'));
    await mkdir(join(dir, 'renderer'));
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Tasks</title>');
    fake.reset();
    fake.state.userData = join(dir, 'user-data');
  });
  afterEach(async () => {
    fake.app.emit('will-quit', fakeEvent());
    await vi.waitFor(() => expect(fake.state.quitCalls).toBeGreaterThan(0));
    await rm(dir, { recursive: true, force: true });
  });

  const start = () =>
    startDesktop({
      rendererDir: join(dir, 'renderer'),
      preloadPath: '/app/out/preload/index.cjs',
      dataDir: join(dir, 'data'),
      devServerUrl: null,
      logger: silentLogger,
      apiPort: 0,
    });
  const invoke = <T>(channel: string, payload: unknown, frame: object = appFrame) =>
    fake.invokeHandlers.get(channel)?.({ senderFrame: frame }, payload) as Promise<IpcResult<T>>;

  it('opens one locked-down window on app://, wires IPC, protocol and policy, and stops the core on quit', async () => {
    await start();
    expect(isDataDirInUse(join(dir, 'data'))).toBe(true);
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0];
    expect(window?.loadedUrl).toBe('app://tasks/index.html');
    expect(window?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/app/out/preload/index.cjs' });
    expect(window?.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(fake.permission.check?.(null, 'media', 'app://tasks', {})).toBe(false);
    expect(fake.invokeHandlers.size).toBe(Object.keys(INVOKE_CHANNELS).length);

    const signedUp = await invoke<SessionInfo>('auth:sign-up', { name: 'Ada', email: 'ada@example.com', password: PASSWORD });
    expect(signedUp).toMatchObject({ ok: true, value: { persisted: true } });
    expect(window?.webContents.sent).toEqual([{ channel: 'auth:session-changed', args: [{ session: signedUp.ok ? signedUp.value : null, reason: 'signed-in' }] }]);
    await expect(invoke('auth:session', undefined, { ...appFrame, url: 'https://evil.example/' })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });

    const token = await invoke<AccessToken>('auth:access-token', undefined);
    if (!token.ok) throw new Error(token.error.code);
    const page = await fake.protocolHandlers.get('app')?.(new Request('app://tasks/index.html'));
    expect(page?.headers.get('content-security-policy')).toContain(`connect-src ${token.value.apiBaseUrl};`);

    const secure = await readFile(join(dir, 'user-data', 'secure.json'), 'utf8');
    expect(secure).toMatch(/"accounts"/);
    expect(secure).not.toContain(token.value.token);

    fake.app.emit('will-quit', fakeEvent());
    await vi.waitFor(() => expect(fake.state.quitCalls).toBe(1));
    await expect(fetch(`${token.value.apiBaseUrl}/api/health`)).rejects.toThrow();
  });

  it('without a keyring: works, persists no session, keeps the secret in a 0600 file, and says why', async () => {
    fake.state.storageBackend = 'basic_text';
    await start();
    await expect(invoke<SessionInfo>('auth:sign-up', { name: 'A', email: 'a@example.com', password: PASSWORD, remember: true })).resolves.toMatchObject({
      ok: true,
      value: { persisted: false },
    });
    const info = await invoke<AppInfo>('app:info', undefined);
    if (!info.ok) throw new Error(info.error.code);
    expect(info.value.canPersistSession).toBe(false);
    expect(info.value.persistenceNote).toMatch(/keyring/);
    expect(info.value.persistenceNote).toContain(join(dir, 'data', 'auth-secret'));
    expect((await stat(join(dir, 'data', 'auth-secret'))).mode & 0o777).toBe(0o600);
    const securePath = join(dir, 'user-data', 'secure.json');
    expect(existsSync(securePath) ? await readFile(securePath, 'utf8') : '{}').not.toMatch(/"accounts"|"authSecret"/);
  });

  it('stops the core again when the shell fails after it started (no open database or listener left)', async () => {
    fake.module.protocol.handle('app', () => Promise.resolve(new Response('taken'))); // makes handleAppProtocol throw
    await expect(start()).rejects.toThrow(/already handled/);
    expect(isDataDirInUse(join(dir, 'data'))).toBe(false);
    expect(fake.invokeHandlers.size).toBe(0);
    fake.state.quitCalls = 1; // nothing to stop in afterEach
  });

  it('a second launch focuses the existing window', async () => {
    const shell = await start();
    const window = fake.windows[0];
    if (window) window.minimized = true;
    shell.focus();
    expect(window).toMatchObject({ minimized: false, shown: true, focused: true });
  });
});
