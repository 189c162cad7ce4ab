// One "installed app" for the end-to-end tests: a real startCore() on a temp data dir, the real IPC handlers
// (createIpcHandlers) with a real session store, the built renderer served on 127.0.0.1, and headless Debian
// Chromium running the REAL preload bundle, whose IPC goes to those handlers through page.exposeBinding.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createAccountSessionStore, type AccountSessionStore } from '../../src-main/accounts/account-session-store.ts';
import { FileSecretStore } from '../../src-main/auth/file-secret-store.ts';
import type { CoreServices } from '../../src-main/core/core-types.ts';
import { silentLogger } from '../../src-main/core/logger.ts';
import { startCore } from '../../src-main/core/start-core.ts';
import { createIpcHandlers, type IpcHandlers } from '../../src-main/electron/ipc-handlers.ts';
import { createMemoryKeyValueStore } from '../../src-main/electron/key-value-store.ts';
import { isTrustedSender } from '../../src-main/electron/sender-origin.ts';
import { createSignInThrottle } from '../../src-main/electron/sign-in-throttle.ts';
import { availableEncryption } from '../../src-main/electron/test-support/aes-cipher.ts';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type InvokeChannel, type IpcResult } from '../../src-preload/contract.ts';
import { EMIT_FUNCTION, INVOKE_BINDING, preloadInitScript } from './preload-shim.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = join(ROOT, 'e2e/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface IpcCall {
  channel: string;
  forceRefresh: boolean;
  ok: boolean;
  code: string | null;
}

export interface Harness {
  core: CoreServices;
  context: BrowserContext;
  page: Page;
  appUrl: string;
  sessionStore: AccountSessionStore;
  /** Every IPC call the page made, in order (no payloads: they may hold passwords). */
  ipcCalls: IpcCall[];
  /** Every access JWT main handed to the page. */
  issuedTokens: Set<string>;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /** Backups the window asked main to restore (main's stop-restore-relaunch is Electron's; tested in src-main/electron). */
  restores: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

const isChannel = (value: unknown): value is InvokeChannel =>
  typeof value === 'string' && (Object.values(INVOKE_CHANNELS) as string[]).includes(value);

export interface HarnessOptions {
  colorScheme?: 'light' | 'dark';
  /** CSS pixels; with deviceScaleFactor 2, 600×400 is a 1200×800 window at 200% zoom. */
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** The browser's IANA zone (Chromium's `timezoneId`): what the window reads as the viewer's zone. */
  timezoneId?: string;
  /** The browser's locale (date and time formats), e.g. 'en-GB'. */
  locale?: string;
  /** The page's clock starts at this instant and runs on from there (Playwright's clock); the server keeps its own. */
  now?: Date;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tasks-e2e-data-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'tasks-e2e-chromium-'));
  let server: StaticServer | null = null;
  let core: CoreServices | null = null;
  let context: BrowserContext | null = null;
  const cleanup = async () => {
    await context?.close().catch(() => undefined);
    await core?.stop().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await rm(profileDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    server = await serveStatic(join(ROOT, 'out/renderer'));
    const appOrigin = server.origin;
    core = await startCore({ dataDir, allowedOrigins: [appOrigin], secretStore: new FileSecretStore(dataDir), logger: silentLogger });
    const sessionStore = createAccountSessionStore({ encryption: availableEncryption(), kv: createMemoryKeyValueStore() });
    let page: Page | null = null;
    // Electron delivers webContents.send() events before the invoke reply that follows them: keep that order.
    let pendingEmits: Promise<unknown> = Promise.resolve();
    const restores: string[] = [];
    const handlers: IpcHandlers = createIpcHandlers({
      core,
      sessionStore,
      restoreAndRelaunch: (path) => {
        restores.push(path);
        return Promise.resolve();
      },
      throttle: createSignInThrottle(),
      appInfo: { version: 'e2e' },
      logger: silentLogger,
      emit: (event) => {
        if (!page) return;
        const target = page;
        pendingEmits = pendingEmits.then(() =>
          target.evaluate(
            ([fn, channel, payload]) => (globalThis as unknown as Record<string, (c: string, p: unknown) => void>)[fn]?.(channel, payload),
            [EMIT_FUNCTION, EVENT_CHANNELS.sessionChanged, event] as const,
          ).catch(() => undefined),
        );
      },
    });

    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1200, height: 800 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      colorScheme: options.colorScheme ?? 'light',
      ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    });
    if (options.now) await context.clock.install({ time: options.now });
    const ipcCalls: IpcCall[] = [];
    const issuedTokens = new Set<string>();
    await context.exposeBinding(INVOKE_BINDING, async (source, channel: unknown, payload: unknown) => {
      const frame = source.frame;
      const sender = { url: frame.url(), parent: frame.parentFrame() ? { url: '', parent: null, isDestroyed: () => false } : null, isDestroyed: () => frame.isDetached() };
      if (!isTrustedSender(sender, [appOrigin]) || !isChannel(channel)) {
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Untrusted sender.' } } satisfies IpcResult<never>;
      }
      const result = (await handlers[channel](payload)) as IpcResult<unknown>;
      await pendingEmits;
      const forceRefresh = channel === INVOKE_CHANNELS.accessToken && (payload as { forceRefresh?: boolean } | undefined)?.forceRefresh === true;
      ipcCalls.push({ channel, forceRefresh, ok: result.ok, code: result.ok ? null : result.error.code });
      if (result.ok && channel === INVOKE_CHANNELS.accessToken) issuedTokens.add((result.value as { token: string }).token);
      return result;
    });
    await context.addInitScript({ content: await preloadInitScript(join(ROOT, 'out/preload/index.cjs')) });
    page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    const appUrl = `${appOrigin}/index.html`;
    await page.goto(appUrl);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const livePage = page;
    return {
      core,
      context,
      page: livePage,
      appUrl,
      sessionStore,
      ipcCalls,
      issuedTokens,
      problems,
      restores,
      screenshot: async (name) => {
        await livePage.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
      },
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
