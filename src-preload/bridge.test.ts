import { describe, expect, it } from 'vitest';
import { createBridge, type BridgeTransport } from './bridge.ts';
import { EVENT_CHANNELS, type EventChannel, type InvokeChannel, type IpcResult, type SessionChangedEvent } from './contract.ts';

function recordingTransport(answer: (channel: InvokeChannel, payload: unknown) => IpcResult<unknown>) {
  const calls: Array<{ channel: InvokeChannel; payload: unknown }> = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke: (channel, payload) => {
      calls.push({ channel, payload });
      return Promise.resolve(answer(channel, payload));
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
  const fire = (channel: EventChannel, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  return { transport, calls, fire, listeners };
}

describe('createBridge', () => {
  it('maps every function to its contract channel and passes the payload through', async () => {
    const { transport, calls } = recordingTransport((channel) => ({ ok: true, value: channel }));
    const bridge = createBridge(transport);

    await bridge.auth.signUp({ name: 'A', email: 'a@example.com', password: 'correct horse battery' });
    await bridge.auth.signIn({ email: 'a@example.com', password: 'pw', remember: false });
    await bridge.auth.signOut();
    await bridge.auth.getSession();
    await bridge.auth.getAccessToken({ forceRefresh: true });
    await bridge.auth.getAccessToken();
    await bridge.app.getInfo();
    await bridge.backups.list();
    await bridge.backups.create();
    await bridge.backups.restore({ name: 'tasks-20261204T100000000Z-manual.db' });
    await bridge.files.openImportFile();
    await bridge.files.saveExportFile({ suggestedName: 'tasks.json', content: '{}' });
    await bridge.accounts.list();
    await bridge.accounts.switchTo({ userId: 'u2' });
    await bridge.accounts.signOut({ userId: 'u2' });
    await bridge.accounts.changePassword({ currentPassword: 'old one', newPassword: 'a new one', signOutOtherDevices: true });

    expect(calls).toEqual([
      { channel: 'auth:sign-up', payload: { name: 'A', email: 'a@example.com', password: 'correct horse battery' } },
      { channel: 'auth:sign-in', payload: { email: 'a@example.com', password: 'pw', remember: false } },
      { channel: 'auth:sign-out', payload: undefined },
      { channel: 'auth:session', payload: undefined },
      { channel: 'auth:access-token', payload: { forceRefresh: true } },
      { channel: 'auth:access-token', payload: undefined },
      { channel: 'app:info', payload: undefined },
      { channel: 'backups:list', payload: undefined },
      { channel: 'backups:create', payload: undefined },
      { channel: 'backups:restore', payload: { name: 'tasks-20261204T100000000Z-manual.db' } },
      { channel: 'files:open-import', payload: undefined },
      { channel: 'files:save-export', payload: { suggestedName: 'tasks.json', content: '{}' } },
      { channel: 'accounts:list', payload: undefined },
      { channel: 'accounts:switch', payload: { userId: 'u2' } },
      { channel: 'accounts:sign-out', payload: { userId: 'u2' } },
      { channel: 'account:change-password', payload: { currentPassword: 'old one', newPassword: 'a new one', signOutOtherDevices: true } },
    ]);
  });

  it('returns the IpcResult from main unchanged, including errors', async () => {
    const error = { ok: false as const, error: { code: 'RATE_LIMITED' as const, message: 'Wait', retryAfterMs: 1500 } };
    const { transport } = recordingTransport(() => error);
    const bridge = createBridge(transport);
    await expect(bridge.auth.signIn({ email: 'a@example.com', password: 'x', remember: true })).resolves.toEqual(error);
  });

  it('delivers session events to subscribers until they unsubscribe', () => {
    const { transport, fire, listeners } = recordingTransport(() => ({ ok: true, value: null }));
    const bridge = createBridge(transport);
    const seen: SessionChangedEvent[] = [];
    const unsubscribe = bridge.auth.onSessionChange((event) => seen.push(event));

    const event: SessionChangedEvent = { session: null, reason: 'signed-out' };
    fire(EVENT_CHANNELS.sessionChanged, event);
    unsubscribe();
    fire(EVENT_CHANNELS.sessionChanged, { session: null, reason: 'expired' });

    expect(seen).toEqual([event]);
    expect(listeners.get(EVENT_CHANNELS.sessionChanged)?.size).toBe(0);
  });

  it('rejects a non-function subscriber instead of registering it', () => {
    const { transport, listeners } = recordingTransport(() => ({ ok: true, value: null }));
    const bridge = createBridge(transport);
    expect(() => bridge.auth.onSessionChange('nope' as unknown as () => void)).toThrow(TypeError);
    expect(listeners.size).toBe(0);
  });

  it('delivers reminder:open-task to onOpenTask', () => {
    const { transport, fire } = recordingTransport(() => ({ ok: true, value: null }));
    const bridge = createBridge(transport);
    const seen: unknown[] = [];
    const unsubscribe = bridge.reminders.onOpenTask((event) => seen.push(event));
    fire(EVENT_CHANNELS.openTask, { taskId: 't1' });
    unsubscribe();
    fire(EVENT_CHANNELS.openTask, { taskId: 't2' });
    expect(seen).toEqual([{ taskId: 't1' }]);
    expect(() => bridge.reminders.onOpenTask('nope' as unknown as () => void)).toThrow(TypeError);
  });

  it('exposes only named functions, nothing that leads back to the transport', () => {
    const { transport } = recordingTransport(() => ({ ok: true, value: null }));
    const bridge = createBridge(transport);
    expect(Object.keys(bridge).sort()).toEqual(['accounts', 'app', 'auth', 'backups', 'files', 'reminders']);
    expect(Object.keys(bridge.accounts)).toEqual(['list', 'switchTo', 'signOut', 'changePassword']);
    expect(Object.keys(bridge.backups)).toEqual(['list', 'create', 'restore']);
    expect(Object.keys(bridge.files)).toEqual(['openImportFile', 'saveExportFile']);
    expect(Object.keys(bridge.reminders)).toEqual(['onOpenTask']);
    expect(Object.keys(bridge.auth).sort()).toEqual(
      ['getAccessToken', 'getSession', 'onSessionChange', 'signIn', 'signOut', 'signUp'].sort(),
    );
    expect(Object.keys(bridge.app)).toEqual(['getInfo', 'setApiPort']);
    for (const group of [bridge.auth, bridge.app, bridge.reminders, bridge.backups, bridge.files]) {
      for (const value of Object.values(group)) expect(typeof value).toBe('function');
    }
  });
});
