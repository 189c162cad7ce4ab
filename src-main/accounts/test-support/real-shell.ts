// The IPC handlers the window talks to, over the real core (SQLite, Better Auth, HTTP API) in a temp data dir, with
// sessions sealed into a real electron-store file by a real cipher standing in for safeStorage. `launch()` again on
// the same folder is the next start of the app.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import { FileSecretStore } from '../../auth/file-secret-store.ts';
import type { CoreServices } from '../../core/core-types.ts';
import { silentLogger } from '../../core/logger.ts';
import { startCore } from '../../core/start-core.ts';
import type { Encryption } from '../../electron/encryption.ts';
import { createIpcHandlers, type IpcHandlers } from '../../electron/ipc-handlers.ts';
import { createSignInThrottle } from '../../electron/sign-in-throttle.ts';
import { availableEncryption, createAesCipher } from '../../electron/test-support/aes-cipher.ts';
import type { AccessToken, InvokeChannel, InvokeResponse, SessionChangedEvent } from '../../../src-preload/contract.ts';
import { createAccountSessionStore, type AccountSessionStore } from '../account-session-store.ts';

export const APP_ORIGIN = 'app://tasks';
export const PASSWORD = 'a long enough passphrase';

export interface RealShell {
  core: CoreServices;
  handlers: IpcHandlers;
  sessions: AccountSessionStore;
  events: SessionChangedEvent[];
  /** Calls a channel and returns its value; throws with the error code when it failed. */
  call<C extends InvokeChannel>(channel: C, payload?: unknown): Promise<InvokeResponse<C>>;
  /** GET/POST on the API as the current account (a fresh JWT from auth:access-token). */
  api(path: string, init?: RequestInit): Promise<Response>;
}

export interface RealShellFixture {
  dir: string;
  launch(): Promise<RealShell>;
  cleanup(): Promise<void>;
}

export async function realShellFixture(): Promise<RealShellFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'accounts-core-'));
  const encryption: Encryption = availableEncryption(createAesCipher());
  const running: CoreServices[] = [];
  return {
    dir,
    launch: async () => {
      const kv = new ElectronStore<Record<string, unknown>>({ cwd: dir, name: 'secure' });
      const dataDir = join(dir, 'data');
      const core = await startCore({ dataDir, allowedOrigins: [APP_ORIGIN], secretStore: new FileSecretStore(dataDir), logger: silentLogger });
      running.push(core);
      const sessions = createAccountSessionStore({ encryption, kv });
      const events: SessionChangedEvent[] = [];
      const handlers = createIpcHandlers({
        core,
        sessionStore: sessions,
        throttle: createSignInThrottle({ freeFailuresPerEmail: 5 }),
        appInfo: { version: '0.1.0' },
        emit: (event) => events.push(event),
      });
      const call = async <C extends InvokeChannel>(channel: C, payload?: unknown): Promise<InvokeResponse<C>> => {
        const result = await handlers[channel](payload);
        if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.code}`), { code: result.error.code });
        return result.value;
      };
      const api = async (path: string, init: RequestInit = {}): Promise<Response> => {
        const grant: AccessToken = await call('auth:access-token', undefined);
        const headers = new Headers(init.headers);
        headers.set('Authorization', `Bearer ${grant.token}`);
        headers.set('Origin', APP_ORIGIN);
        if (init.body) headers.set('Content-Type', 'application/json');
        return fetch(`${grant.apiBaseUrl}${path}`, { ...init, headers });
      };
      return { core, handlers, sessions, events, call, api };
    },
    cleanup: async () => {
      for (const core of running.splice(0)) await core.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
