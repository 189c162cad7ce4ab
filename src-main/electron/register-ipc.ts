// The one place IPC handlers are put on ipcMain: every call is checked for its sender frame, each channel
// is registered once, and whatever happens the renderer receives an IpcResult (never a raw Error).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { silentLogger, type Logger } from '../core/logger.ts';
import { INVOKE_CHANNELS, type InvokeChannel, type IpcResult } from '../../src-preload/contract.ts';
import { toIpcError } from './ipc-errors.ts';
import type { IpcHandlers } from './ipc-handlers.ts';
import { isTrustedSender } from './sender-origin.ts';

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

export interface IpcRegistryOptions {
  /** Origins whose top-level frames may call, e.g. ['app://tasks'] (+ the dev server origin in dev). */
  allowedOrigins: readonly string[];
  logger?: Logger;
}

export interface IpcRegistry {
  /** Registers a handler; throws if the channel already has one. */
  handle(channel: InvokeChannel, handler: (payload: unknown) => Promise<IpcResult<unknown>>): void;
  /** Removes every handler this registry added. */
  dispose(): void;
}

export const FORBIDDEN_SENDER_MESSAGE = 'This window is not allowed to talk to Tasks Desktop.';

export function createIpcRegistry(ipcMain: IpcMainLike, { allowedOrigins, logger = silentLogger }: IpcRegistryOptions): IpcRegistry {
  const registered = new Set<InvokeChannel>();
  return {
    handle: (channel, handler) => {
      if (registered.has(channel)) throw new Error(`IPC channel already registered: ${channel}`);
      ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<IpcResult<unknown>> => {
        if (!isTrustedSender(event.senderFrame, allowedOrigins)) {
          logger.warn('Refused IPC from an untrusted frame', { channel, url: event.senderFrame?.url ?? null });
          return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: FORBIDDEN_SENDER_MESSAGE } };
        }
        try {
          return await handler(payload);
        } catch (error) {
          return { ok: false, error: toIpcError(error, channel, logger) };
        }
      });
      registered.add(channel);
    },
    dispose: () => {
      for (const channel of registered) ipcMain.removeHandler(channel);
      registered.clear();
    },
  };
}

/** Registers every contract channel. Returns the function that removes them again. */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, options: IpcRegistryOptions): () => void {
  const registry = createIpcRegistry(ipcMain, options);
  for (const channel of Object.values(INVOKE_CHANNELS)) registry.handle(channel, handlers[channel]);
  return () => registry.dispose();
}
