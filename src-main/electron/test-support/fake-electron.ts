// A small fake of the parts of `electron` the shell uses, for `vi.mock('electron', () => fake.module)`.
// It records what the code under test asked for and lets tests fire the events Electron would.
import { EventEmitter } from 'node:events';
import { createAesCipher } from './aes-cipher.ts';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return false;
  }
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function createFakeElectron() {
  const windows: FakeBrowserWindow[] = [];
  const invokeHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const privilegedSchemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const opened: string[] = [];
  const permission = {
    request: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void),
    check: null as null | ((wc: unknown, permission: string, origin: string, details: unknown) => boolean),
    device: null as null | ((details: unknown) => boolean),
  };
  const state = {
    singleInstanceLock: true,
    quitCalls: 0,
    exitCodes: [] as number[],
    relaunchCalls: 0,
    /** The button index showMessageBox answers with. */
    messageBoxResponse: 0,
    /** What showOpenDialog / showSaveDialog answer (undefined: cancelled). */
    openDialogPath: undefined as string | undefined,
    saveDialogPath: undefined as string | undefined,
    menu: null as unknown,
    displays: [] as Rect[],
    userData: '/nonexistent-user-data',
    storageBackend: 'gnome_libsecret',
    encryptionAvailable: true,
  };
  const fileDialogs: Array<{ kind: 'open' | 'save'; options: Record<string, unknown> }> = [];
  const cipher = createAesCipher();
  const ipcListeners = new Map<string, unknown>();

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((w) => !w.destroyed);
    }
    readonly webContents = new FakeWebContents();
    bounds: Rect;
    loadedUrl: string | null = null;
    destroyed = false;
    shown = false;
    focused = false;
    minimized = false;
    maximized = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      this.bounds = { x: Number(options.x ?? 0), y: Number(options.y ?? 0), width: Number(options.width), height: Number(options.height) };
      windows.push(this);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    getNormalBounds(): Rect {
      return { ...this.bounds };
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    maximize(): void {
      this.maximized = true;
    }
    restore(): void {
      this.minimized = false;
    }
    show(): void {
      this.shown = true;
    }
    focus(): void {
      this.focused = true;
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => state.singleInstanceLock,
    quit: () => {
      state.quitCalls += 1;
    },
    exit: (code = 0) => {
      state.exitCodes.push(code);
    },
    relaunch: () => {
      state.relaunchCalls += 1;
    },
    getVersion: () => '0.1.0-test',
    getPath: (_name: string) => state.userData,
    getAppPath: () => '/opt/tasks-desktop/app',
    whenReady: () => Promise.resolve(),
  });
  const errorBoxes: Array<{ title: string; content: string }> = [];
  /** Every native notification shown, newest last; `click()` fires Electron's 'click'. */
  const notifications: FakeNotification[] = [];
  class FakeNotification extends EventEmitter {
    static supported = true;
    static isSupported(): boolean {
      return FakeNotification.supported;
    }
    shown = false;
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show(): void {
      this.shown = true;
      notifications.push(this);
    }
    click(): void {
      this.emit('click', fakeEvent());
    }
  }
  const powerMonitor = new EventEmitter();
  const messageBoxes: Array<{ title?: string; message: string; detail?: string; buttons?: string[] }> = [];

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    powerMonitor,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => {
        // Like Electron: a second handler for the same channel throws.
        if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        invokeHandlers.set(channel, handler);
      },
      removeHandler: (channel: string) => {
        invokeHandlers.delete(channel);
      },
      on: (channel: string, listener: unknown) => {
        ipcListeners.set(channel, listener);
      },
    },
    safeStorage: {
      getSelectedStorageBackend: () => state.storageBackend,
      isAsyncEncryptionAvailable: () => Promise.resolve(state.encryptionAvailable),
      encryptStringAsync: (plainText: string) => cipher.encrypt(plainText),
      decryptStringAsync: async (encrypted: Buffer) => {
        const { plainText, shouldReEncrypt } = await cipher.decrypt(encrypted);
        return { result: plainText, shouldReEncrypt };
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => {
        errorBoxes.push({ title, content });
      },
      showMessageBox: (options: { title?: string; message: string; detail?: string; buttons?: string[] }) => {
        messageBoxes.push(options);
        return Promise.resolve({ response: state.messageBoxResponse, checkboxChecked: false });
      },
      // (window, options) or (options), as Electron takes them.
      showOpenDialog: (first: unknown, second?: Record<string, unknown>) => {
        const options = second ?? (first as Record<string, unknown>);
        fileDialogs.push({ kind: 'open', options });
        const path = state.openDialogPath;
        return Promise.resolve(path === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] });
      },
      // (window, options) or (options), as Electron takes them.
      showSaveDialog: (first: unknown, second?: Record<string, unknown>) => {
        const options = second ?? (first as Record<string, unknown>);
        fileDialogs.push({ kind: 'save', options });
        const path = state.saveDialogPath;
        return Promise.resolve(path === undefined ? { canceled: true } : { canceled: false, filePath: path });
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        if (protocolHandlers.has(scheme)) throw new Error(`scheme already handled: ${scheme}`);
        protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof permission.request) => {
          permission.request = handler;
        },
        setPermissionCheckHandler: (handler: typeof permission.check) => {
          permission.check = handler;
        },
        setDevicePermissionHandler: (handler: typeof permission.device) => {
          permission.device = handler;
        },
      },
    },
    shell: {
      openExternal: (url: string) => {
        opened.push(url);
        return Promise.resolve();
      },
    },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
    screen: { getAllDisplays: () => state.displays.map((workArea) => ({ workArea })) },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => {
        state.menu = menu;
      },
    },
  };

  /** Back to a fresh app, for tests that share one fake across cases (the module is mocked once per file). */
  const reset = (): void => {
    windows.length = 0;
    invokeHandlers.clear();
    protocolHandlers.clear();
    ipcListeners.clear();
    opened.length = 0;
    notifications.length = 0;
    FakeNotification.supported = true;
    powerMonitor.removeAllListeners();
    app.removeAllListeners();
    Object.assign(permission, { request: null, check: null, device: null });
    Object.assign(state, { singleInstanceLock: true, quitCalls: 0, exitCodes: [], relaunchCalls: 0, messageBoxResponse: 0, openDialogPath: undefined, saveDialogPath: undefined, menu: null, storageBackend: 'gnome_libsecret', encryptionAvailable: true });
    fileDialogs.length = 0;
  };

  return {
    module,
    windows,
    invokeHandlers,
    privilegedSchemes,
    protocolHandlers,
    opened,
    permission,
    state,
    app,
    reset,
    errorBoxes,
    messageBoxes,
    fileDialogs,
    notifications,
    Notification: FakeNotification,
    powerMonitor,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
