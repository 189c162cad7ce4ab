// The real preload entry against a small fake `electron` (contextBridge + ipcRenderer).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TasksBridge } from './contract.ts';

const fake = vi.hoisted(() => {
  type Listener = (event: unknown, payload: unknown) => void;
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<Listener>>();
  const invocations: Array<{ channel: string; payload: unknown }> = [];
  const ipcRenderer = {
    invoke: (channel: string, payload: unknown) => {
      invocations.push({ channel, payload });
      return Promise.resolve({ ok: true, value: { echoed: channel } });
    },
    on: (channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
      return ipcRenderer;
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (exposed.has(key)) throw new Error(`already exposed: ${key}`);
      exposed.set(key, api);
    },
  };
  return { exposed, listeners, invocations, module: { contextBridge, ipcRenderer } };
});

vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

describe('preload entry', () => {
  let bridge: TasksBridge;
  beforeAll(async () => {
    await import('./index.ts');
    bridge = fake.exposed.get('tasks') as TasksBridge;
  });

  it('exposes exactly one API under window.tasks, without ipcRenderer', () => {
    expect([...fake.exposed.keys()]).toEqual(['tasks']);
    expect(JSON.stringify(Object.keys(bridge))).not.toContain('ipc');
    expect(Object.values(bridge).every((group) => !Object.values(group as object).includes(fake.module.ipcRenderer))).toBe(true);
  });

  it('invokes the contract channel through ipcRenderer.invoke', async () => {
    await expect(bridge.app.getInfo()).resolves.toEqual({ ok: true, value: { echoed: 'app:info' } });
    expect(fake.invocations.at(-1)).toEqual({ channel: 'app:info', payload: undefined });
  });

  it('forwards session events without the IPC event object, and unsubscribes', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.auth.onSessionChange((...args: unknown[]) => received.push(args));
    const registered = [...(fake.listeners.get('auth:session-changed') ?? [])];
    expect(registered).toHaveLength(1);

    const ipcEvent = { sender: fake.module.ipcRenderer };
    registered[0]?.(ipcEvent, { session: null, reason: 'signed-out' });
    expect(received).toEqual([[{ session: null, reason: 'signed-out' }]]);

    unsubscribe();
    expect(fake.listeners.get('auth:session-changed')?.size).toBe(0);
  });
});
