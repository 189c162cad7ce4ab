// Builds the init script that runs the REAL preload bundle (out/preload/index.cjs) in the page before the app:
// `require('electron')` returns a shim whose contextBridge.exposeInMainWorld sets window[key], and whose
// ipcRenderer.invoke/on/removeListener forward to the Node test process (page.exposeBinding / page.evaluate).
import { readFile } from 'node:fs/promises';

export const INVOKE_BINDING = '__tasksE2eInvoke';
export const EMIT_FUNCTION = '__tasksE2eEmit';

export async function preloadInitScript(preloadPath: string): Promise<string> {
  const source = await readFile(preloadPath, 'utf8');
  return `(() => {
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, payload) => window[${JSON.stringify(INVOKE_BINDING)}](channel, payload),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  Object.defineProperty(window, ${JSON.stringify(EMIT_FUNCTION)}, {
    value: (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: null }, payload);
    },
  });
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: true });
    },
  };
  const electron = { contextBridge, ipcRenderer };
  const module = { exports: {} };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('The sandboxed preload may only require electron, not ' + name);
  };
  (function (require, module, exports) {
${source}
  }).call(module.exports, require, module, module.exports);
})();`;
}
