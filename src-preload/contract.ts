// The IPC contract between main and the renderer, declared once.
// No Electron imports: main's handlers and the preload's calls are typed from this file,
// and the renderer imports its types only (`import type`).

/** Request/response channels (ipcRenderer.invoke / ipcMain.handle). */
export const INVOKE_CHANNELS = {
  signUp: 'auth:sign-up',
  signIn: 'auth:sign-in',
  signOut: 'auth:sign-out',
  session: 'auth:session',
  accessToken: 'auth:access-token',
  appInfo: 'app:info',
  setApiPort: 'app:set-api-port',
} as const;

/** Events pushed from main to the renderer (webContents.send / ipcRenderer.on). */
export const EVENT_CHANNELS = {
  sessionChanged: 'auth:session-changed',
  /** A reminder notification was clicked: show this task. */
  openTask: 'reminder:open-task',
} as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS];
export type EventChannel = (typeof EVENT_CHANNELS)[keyof typeof EVENT_CHANNELS];

export interface User {
  id: string;
  name: string;
  email: string;
}

export interface SignUpRequest {
  name: string;
  email: string;
  password: string;
  /** Persist the session across launches (needs safeStorage). Defaults to true. */
  remember?: boolean;
}

export interface SignInRequest {
  email: string;
  password: string;
  /** "Keep me signed in": persist the session (encrypted) across launches. */
  remember: boolean;
}

export interface SessionInfo {
  user: User;
  /** Whether this session is kept (encrypted) across launches. */
  persisted: boolean;
}

export interface AccessTokenRequest {
  /** Mint a new JWT even if the cached one is still fresh (after a 401). */
  forceRefresh?: boolean;
}

export interface AccessToken {
  /** The short-lived EdDSA JWT for the local HTTP API. Keep it in memory only. */
  token: string;
  /** Epoch milliseconds at which the JWT expires. */
  expiresAt: number;
  /** e.g. "http://127.0.0.1:43125" (no trailing slash). */
  apiBaseUrl: string;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  /** False when safeStorage is unavailable: the session lives only until the app quits. */
  canPersistSession: boolean;
  /** Human-readable reason when canPersistSession is false. */
  persistenceNote: string | null;
  api: ApiInfo;
}

/** Where the local HTTP API listens (Settings shows it). */
export interface ApiInfo {
  /** e.g. "http://127.0.0.1:47821" */
  baseUrl: string;
  /** The human-readable API docs (opens in the system browser). */
  docsUrl: string;
  port: number;
  /** The port Settings asks for (used from the next start). */
  configuredPort: number;
  /** Set when the configured port was taken at start and a free one is used instead. */
  fallbackNote: string | null;
}

export interface SetApiPortRequest {
  /** 1024-65535 */
  port: number;
}

export type SessionChangeReason = 'signed-in' | 'signed-out' | 'expired';

export interface SessionChangedEvent {
  session: SessionInfo | null;
  reason: SessionChangeReason;
}

/** Stable error codes that cross the bridge. */
export const IPC_ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'WEAK_PASSWORD',
  'RATE_LIMITED',
  'SESSION_EXPIRED',
  'FORBIDDEN_SENDER',
  'INTERNAL',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  /** With RATE_LIMITED: milliseconds until the next attempt may succeed. */
  retryAfterMs?: number;
  /** With INVALID_INPUT: which fields are wrong and why. */
  fields?: Record<string, string>;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What each invoke channel takes and returns (the value inside IpcResult). */
export interface InvokeContract {
  'auth:sign-up': { request: SignUpRequest; response: SessionInfo };
  'auth:sign-in': { request: SignInRequest; response: SessionInfo };
  'auth:sign-out': { request: void; response: null };
  'auth:session': { request: void; response: SessionInfo | null };
  'auth:access-token': { request: AccessTokenRequest | undefined; response: AccessToken };
  'app:info': { request: void; response: AppInfo };
  'app:set-api-port': { request: SetApiPortRequest; response: ApiInfo };
}

/** `reminder:open-task`: the user clicked a reminder notification for this task. */
export interface OpenTaskEvent {
  taskId: string;
}

export interface EventContract {
  'auth:session-changed': SessionChangedEvent;
  'reminder:open-task': OpenTaskEvent;
}

export type InvokeRequest<C extends InvokeChannel> = InvokeContract[C]['request'];
export type InvokeResponse<C extends InvokeChannel> = InvokeContract[C]['response'];

/** The API the preload exposes as `window.tasks` (contextBridge). Named async functions only. */
export interface TasksBridge {
  auth: {
    signUp(request: SignUpRequest): Promise<IpcResult<SessionInfo>>;
    signIn(request: SignInRequest): Promise<IpcResult<SessionInfo>>;
    signOut(): Promise<IpcResult<null>>;
    getSession(): Promise<IpcResult<SessionInfo | null>>;
    getAccessToken(request?: AccessTokenRequest): Promise<IpcResult<AccessToken>>;
    /** Subscribes to session changes; returns the unsubscribe function. */
    onSessionChange(callback: (event: SessionChangedEvent) => void): () => void;
  };
  reminders: {
    /** Called when a reminder notification is clicked (the window is already focused); returns unsubscribe. */
    onOpenTask(callback: (event: OpenTaskEvent) => void): () => void;
  };
  app: {
    getInfo(): Promise<IpcResult<AppInfo>>;
    /** Saves the API port for the next start (the running API keeps its address until then). */
    setApiPort(request: SetApiPortRequest): Promise<IpcResult<ApiInfo>>;
  };
}

/** The name under which the bridge is exposed on `window`. */
export const BRIDGE_KEY = 'tasks';
