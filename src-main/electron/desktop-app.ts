// Composition of the desktop shell after `ready`: encryption, stores, the core services (the same
// startCore() the headless host uses), security policy, app:// protocol, IPC, menu and the main window.
import { app, ipcMain, Notification, powerMonitor, safeStorage, session, screen, type BrowserWindow } from 'electron';
import ElectronStore from 'electron-store';
import { INVOKE_CHANNELS, type SessionChangedEvent } from '../../src-preload/contract.ts';
import { createAccountSessionStore } from '../accounts/account-session-store.ts';
import { createAccountSwitcher, type AccountSwitcher } from '../accounts/account-switcher.ts';
import { FileSecretStore } from '../auth/file-secret-store.ts';
import type { CoreServices } from '../core/core-types.ts';
import type { Logger } from '../core/logger.ts';
import { startCore } from '../core/start-core.ts';
import { runRestoreCommand } from '../storage/restore-command-run.ts';
import { installAppMenu } from './app-menu.ts';
import { APP_ENTRY_URL, APP_ORIGIN, handleAppProtocol } from './app-protocol.ts';
import { encryptionFromSafeStorage, type Encryption } from './encryption.ts';
import { createIpcHandlers } from './ipc-handlers.ts';
import { nativeFileDialogs } from './native-file-dialogs.ts';
import { restoreAndRelaunch } from './restore-and-relaunch.ts';
import type { KeyValueStore } from './key-value-store.ts';
import { guardNavigation } from './navigation-guards.ts';
import { denyPermissions } from './permissions.ts';
import { stopServicesOnQuit } from './quit.ts';
import { registerIpcHandlers } from './register-ipc.ts';
import { showReminderNotifications } from './reminder-notifications.ts';
import { createDesktopSecretStore, type DesktopSecretStore } from './secret-store.ts';
import { broadcastSessionChange } from './session-events.ts';
import { createSettings, type Settings } from './settings.ts';
import { createSignInThrottle } from './sign-in-throttle.ts';
import { focusWindow } from './single-instance.ts';
import { createMainWindow } from './window.ts';
import { fitToDisplays, trackWindowState } from './window-state.ts';

export interface DesktopOptions {
  /** out/renderer and out/preload/index.cjs. */
  rendererDir: string;
  preloadPath: string;
  iconPath?: string;
  /** Database, backups, and (without a keyring) the auth-secret file. */
  dataDir: string;
  /** electron-vite's dev server URL in development, else null. */
  devServerUrl: string | null;
  logger: Logger;
  /** Overrides the API port from Settings (tests pass 0: they never bind the fixed default port). */
  apiPort?: number;
}

export interface DesktopShell {
  /** Brings the main window to the front (second launch), re-creating it if it was closed. */
  focus(): void;
  /** The accounts signed in on this machine: `switchTo(userId)` shows another one (e.g. its notification's click). */
  accounts: AccountSwitcher;
}

export async function startDesktop(options: DesktopOptions): Promise<DesktopShell> {
  const { dataDir, devServerUrl, logger } = options;
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  const appOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
  const devTools = !app.isPackaged;

  // Policy first, so it covers every web contents ever created.
  denyPermissions(session.defaultSession, appOrigins, logger);
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, { allowedOrigins: appOrigins, logger }));

  const encryption = await encryptionFromSafeStorage(safeStorage, process.platform);
  const secure = new ElectronStore<Record<string, unknown>>({ name: 'secure' });
  const settings = createSettings(new ElectronStore<Record<string, unknown>>({ name: 'settings', clearInvalidConfig: true }));
  const secretStore = createDesktopSecretStore({ encryption, kv: secure, file: new FileSecretStore(dataDir), logger });
  if (!encryption.available) logger.warn('No system keyring: sessions are not persisted', { backend: encryption.backend });

  // The fixed, documented port (Settings can change it); when it is taken, a free one (Settings says so).
  const core = await startCore({
    dataDir,
    port: options.apiPort ?? settings.apiPort(),
    portFallback: true,
    allowedOrigins: appOrigins,
    secretStore,
    // Sync passwords sealed like the session: by safeStorage when the keyring is there.
    ...(encryption.available ? { osCipher: encryption.cipher } : {}),
    logger,
  });
  try {
    return openShell({ ...options, core, encryption, secure, settings, secretStore, appOrigins, devTools });
  } catch (error) {
    await core.stop(); // a half-started shell must not leave the API listening or the database open
    throw error;
  }
}

interface ShellParts extends DesktopOptions {
  core: CoreServices;
  encryption: Encryption;
  secure: KeyValueStore;
  settings: Settings;
  secretStore: DesktopSecretStore;
  appOrigins: readonly string[];
  devTools: boolean;
}

function openShell(parts: ShellParts): DesktopShell {
  const { core, encryption, secure, settings, secretStore, appOrigins, devTools, devServerUrl, logger } = parts;
  stopServicesOnQuit(app, () => core.stop(), logger);

  handleAppProtocol({ rendererDir: parts.rendererDir, apiOrigin: core.apiBaseUrl });
  let mainWindow: BrowserWindow | null = null;
  const sessionStore = createAccountSessionStore({
    encryption,
    kv: secure,
    logger,
    extraNote: secretStore.warning,
    identify: async (token) => (await core.auth.getSession(token))?.user ?? null,
  });
  // The signed-in account, as last announced to the window: reminders of other accounts are not shown.
  let currentUserId: string | null = null;
  const emit = (event: SessionChangedEvent): void => {
    currentUserId = event.session?.user.id ?? null;
    broadcastSessionChange(event);
  };
  const accounts = createAccountSwitcher({ auth: core.auth, tokens: core.tokens, store: sessionStore, emit, logger });
  const handlers = createIpcHandlers({
    core,
    sessionStore,
    accounts,
    throttle: createSignInThrottle(),
    appInfo: { version: app.getVersion() },
    apiPort: { get: () => settings.apiPort(), set: (port) => settings.setApiPort(port) },
    dialogs: nativeFileDialogs(() => mainWindow),
    restoreAndRelaunch: restoreAndRelaunch({
      app,
      stopCore: () => core.stop(),
      restore: (backupPath) => runRestoreCommand(core.dataDir, backupPath, logger),
      logger,
    }),
    emit,
    logger,
  });
  // A session restored at start is announced by its first `auth:session` answer, not by an event.
  const sessionHandler = handlers[INVOKE_CHANNELS.session];
  const tracked: typeof handlers = {
    ...handlers,
    [INVOKE_CHANNELS.session]: async (payload: unknown) => {
      const result = await sessionHandler(payload);
      if (result.ok) currentUserId = result.value?.user.id ?? null;
      return result;
    },
  };
  registerIpcHandlers(ipcMain, tracked, { allowedOrigins: appOrigins, logger });
  installAppMenu(settings, { platform: process.platform, devTools });

  const openWindow = (): BrowserWindow => {
    const workAreas = screen.getAllDisplays().map((display) => display.workArea);
    const window = createMainWindow({
      preloadPath: parts.preloadPath,
      state: fitToDisplays(settings.windowState(), workAreas),
      devTools,
      ...(parts.iconPath ? { icon: parts.iconPath } : {}),
    });
    trackWindowState(window, (state) => settings.saveWindowState(state));
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
      logger.error('The window failed to load', { error: error instanceof Error ? error.message : typeof error });
    });
    mainWindow = window;
    return window;
  };
  openWindow();
  const stopNotifications = showReminderNotifications({
    reminders: core.reminders,
    Notification,
    powerMonitor,
    currentUserId: () => currentUserId,
    showWindow: () => {
      const window = mainWindow ?? openWindow();
      focusWindow(window);
      return window;
    },
    logger,
  });
  app.once('will-quit', stopNotifications);

  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  return { focus: () => focusWindow(mainWindow ?? openWindow()), accounts };
}
