// The sandboxed preload: wires ipcRenderer into the bridge and exposes it as `window.tasks`.
// Built as CommonJS with only `electron` external (a sandboxed preload can require nothing else).
// ipcRenderer itself and the IPC event objects never reach the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge, type BridgeTransport } from './bridge.ts';
import { BRIDGE_KEY, type IpcResult } from './contract.ts';

const transport: BridgeTransport = {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<IpcResult<unknown>>,
  on: (channel, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(transport));
