// The main window: locked-down web preferences, shown when ready, loading the app (or the dev server).
import { BrowserWindow, nativeTheme, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import type { WindowState } from './window-state.ts';

export interface MainWindowOptions {
  /** Absolute path of out/preload/index.cjs. */
  preloadPath: string;
  state: WindowState;
  /** DevTools only in development. */
  devTools: boolean;
  icon?: string;
}

/** Exactly the renderer's privileges: a sandboxed page that reaches main only through the preload bridge. */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools,
  };
}

export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  const { state } = options;
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 480,
    minHeight: 360,
    show: false,
    title: 'Tasks Desktop',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#111827' : '#ffffff',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options));
  if (options.state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  return window;
}
