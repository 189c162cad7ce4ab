// The renderer-facing API, built over an abstract transport so it runs (and is tested) without Electron.
// src-preload/index.ts wires ipcRenderer into the transport; the renderer only ever sees these functions.
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type EventChannel,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type IpcResult,
  type OpenTaskEvent,
  type SessionChangedEvent,
  type TasksBridge,
} from './contract.ts';

export interface BridgeTransport {
  invoke(channel: InvokeChannel, payload: unknown): Promise<IpcResult<unknown>>;
  /** Subscribes to an event channel; returns the unsubscribe function. */
  on(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

export function createBridge(transport: BridgeTransport): TasksBridge {
  // Main validates every payload and answers an IpcResult typed by the contract; the casts below restate
  // that contract for the caller, they do not widen what main may send.
  const call = <C extends InvokeChannel>(channel: C, payload: InvokeRequest<C>): Promise<IpcResult<InvokeResponse<C>>> =>
    transport.invoke(channel, payload) as Promise<IpcResult<InvokeResponse<C>>>;

  const bridge = {
    auth: {
      signUp: (request) => call(INVOKE_CHANNELS.signUp, request),
      signIn: (request) => call(INVOKE_CHANNELS.signIn, request),
      signOut: () => call(INVOKE_CHANNELS.signOut, undefined),
      getSession: () => call(INVOKE_CHANNELS.session, undefined),
      getAccessToken: (request) => call(INVOKE_CHANNELS.accessToken, request),
      onSessionChange: (callback) => {
        if (typeof callback !== 'function') throw new TypeError('onSessionChange expects a function');
        return transport.on(EVENT_CHANNELS.sessionChanged, (payload) => callback(payload as SessionChangedEvent));
      },
    },
    accounts: {
      list: () => call(INVOKE_CHANNELS.listAccounts, undefined),
      switchTo: (request) => call(INVOKE_CHANNELS.switchAccount, request),
      signOut: (request) => call(INVOKE_CHANNELS.signOutAccount, request),
      changePassword: (request) => call(INVOKE_CHANNELS.changePassword, request),
    },
    reminders: {
      onOpenTask: (callback) => {
        if (typeof callback !== 'function') throw new TypeError('onOpenTask expects a function');
        return transport.on(EVENT_CHANNELS.openTask, (payload) => callback(payload as OpenTaskEvent));
      },
    },
    app: {
      getInfo: () => call(INVOKE_CHANNELS.appInfo, undefined),
      setApiPort: (request) => call(INVOKE_CHANNELS.setApiPort, request),
    },
    backups: {
      list: () => call(INVOKE_CHANNELS.listBackups, undefined),
      create: () => call(INVOKE_CHANNELS.createBackup, undefined),
      restore: (request) => call(INVOKE_CHANNELS.restoreBackup, request),
    },
    files: {
      openImportFile: () => call(INVOKE_CHANNELS.openImportFile, undefined),
      saveExportFile: (request) => call(INVOKE_CHANNELS.saveExportFile, request),
    },
  } satisfies TasksBridge;
  return bridge;
}
