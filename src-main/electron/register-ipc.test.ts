import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type IpcResult } from '../../src-preload/contract.ts';
import type { IpcHandlers } from './ipc-handlers.ts';
import { createIpcRegistry, registerIpcHandlers, type IpcMainLike } from './register-ipc.ts';
import { createFakeElectron } from './test-support/fake-electron.ts';

/** The fake's ipcMain, seen through the type register-ipc accepts. */
const ipcMainOf = (fake: ReturnType<typeof createFakeElectron>) => fake.module.ipcMain as unknown as IpcMainLike;

interface Frame {
  url: string;
  parent: Frame | null;
  isDestroyed(): boolean;
}
const frame = (url: string, parent: Frame | null = null): Frame => ({ url, parent, isDestroyed: () => false });
const eventFrom = (senderFrame: Frame | null) => ({ senderFrame }) as unknown as IpcMainInvokeEvent;

function echoHandlers() {
  const calls: string[] = [];
  const entries = Object.values(INVOKE_CHANNELS).map((channel) => [
    channel,
    vi.fn((payload: unknown) => {
      calls.push(channel);
      return Promise.resolve({ ok: true, value: { channel, payload } });
    }),
  ]);
  return { handlers: Object.fromEntries(entries) as unknown as IpcHandlers, calls };
}

describe('registerIpcHandlers', () => {
  it('registers every contract channel exactly once', () => {
    const fake = createFakeElectron();
    const { handlers } = echoHandlers();
    registerIpcHandlers(ipcMainOf(fake), handlers, { allowedOrigins: ['app://tasks'] });
    expect([...fake.invokeHandlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    // A second registration of the same channels throws instead of shadowing the first.
    expect(() => registerIpcHandlers(ipcMainOf(fake), handlers, { allowedOrigins: ['app://tasks'] })).toThrow(/second handler/);
  });

  it('a registry refuses the same channel twice, and dispose removes its handlers', () => {
    const fake = createFakeElectron();
    const registry = createIpcRegistry(ipcMainOf(fake), { allowedOrigins: ['app://tasks'] });
    const handler = () => Promise.resolve({ ok: true as const, value: null });
    registry.handle('app:info', handler);
    expect(() => registry.handle('app:info', handler)).toThrow(/already registered: app:info/);
    registry.dispose();
    expect(fake.invokeHandlers.size).toBe(0);
  });

  it('answers calls from the app origin, and refuses foreign, framed, and missing senders with FORBIDDEN_SENDER', async () => {
    const fake = createFakeElectron();
    const { handlers, calls } = echoHandlers();
    registerIpcHandlers(ipcMainOf(fake), handlers, { allowedOrigins: ['app://tasks'] });
    const invoke = (senderFrame: Frame | null) => fake.invokeHandlers.get('app:info')?.(eventFrom(senderFrame), undefined) as Promise<IpcResult<unknown>>;

    await expect(invoke(frame('app://tasks/index.html'))).resolves.toEqual({ ok: true, value: { channel: 'app:info', payload: undefined } });
    for (const sender of [
      frame('https://evil.example/'),
      frame('app://other/index.html'),
      frame('http://localhost:5173/'),
      frame('file:///work/main/out/renderer/index.html'),
      frame('app://tasks/iframe.html', frame('app://tasks/index.html')),
      null,
    ]) {
      await expect(invoke(sender)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(calls).toEqual(['app:info']);
  });

  it('accepts the dev server origin only when configured', async () => {
    const fake = createFakeElectron();
    registerIpcHandlers(ipcMainOf(fake), echoHandlers().handlers, { allowedOrigins: ['app://tasks', 'http://localhost:5173'] });
    const result = (await fake.invokeHandlers.get('auth:session')?.(eventFrom(frame('http://localhost:5173/')), undefined)) as IpcResult<unknown>;
    expect(result.ok).toBe(true);
  });

  it('turns a throwing handler into INTERNAL without the error text', async () => {
    const fake = createFakeElectron();
    const { handlers } = echoHandlers();
    const broken = { ...handlers, 'auth:session': () => Promise.reject(new Error('disk on fire at /home/me')) } as IpcHandlers;
    registerIpcHandlers(ipcMainOf(fake), broken, { allowedOrigins: ['app://tasks'] });
    const result = await fake.invokeHandlers.get('auth:session')?.(eventFrom(frame('app://tasks/')), undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('disk on fire');
  });
});
