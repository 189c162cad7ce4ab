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
  listBackups: 'backups:list',
  createBackup: 'backups:create',
  restoreBackup: 'backups:restore',
  openImportFile: 'files:open-import',
  saveExportFile: 'files:save-export',
  listAccounts: 'accounts:list',
  switchAccount: 'accounts:switch',
  signOutAccount: 'accounts:sign-out',
  changePassword: 'account:change-password',
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

/** 'switched': another account signed in on this machine became the current one (no password asked). */
export type SessionChangeReason = 'signed-in' | 'signed-out' | 'expired' | 'switched';

export interface SessionChangedEvent {
  session: SessionInfo | null;
  reason: SessionChangeReason;
}

/** An account signed in on this machine (the account switcher). */
export interface AccountSummary {
  id: string;
  name: string;
  email: string;
  /** The account the window shows. */
  current: boolean;
  /** Its session is valid: switching needs no password. False: it ended, signing in again needs the password. */
  signedIn: boolean;
}

export interface AccountRequest {
  userId: string;
}

/** Settings → Account → Change password (the current account). */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
  /** End every other session of this account (other devices, the CLI's login) and revoke its personal access tokens. */
  signOutOtherDevices: boolean;
}

export interface ChangePasswordResult {
  signedOutOtherDevices: boolean;
}

/** One backup of the data directory (Settings → Backups). A backup holds every account of this machine. */
export interface BackupInfo {
  /** The file name: the handle to pass back to restore it. */
  name: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  reason: 'startup' | 'pre-migration' | 'pre-restore' | 'manual' | 'pre-sync';
  sizeBytes: number;
}

export interface RestoreBackupRequest {
  name: string;
}

/** A file the person chose in the native open dialog, read by main (at most the import limit, 32 MiB). */
export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

export interface SaveExportRequest {
  /** The name the save dialog proposes, e.g. "tasks-2026-12-04.json". */
  suggestedName: string;
  content: string;
}

export interface SavedFile {
  path: string;
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
  /** A backup (or another named thing) is not there. */
  'NOT_FOUND',
  /** This build has no such feature here (no native dialogs, no relaunch: e.g. a browser without the desktop shell). */
  'UNAVAILABLE',
  /** A backup or restore failed; the message says why and what is untouched. */
  'STORAGE_ERROR',
  /** A chosen file could not be read or written, or is too large. */
  'FILE_ERROR',
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
  'backups:list': { request: void; response: BackupInfo[] };
  'backups:create': { request: void; response: BackupInfo };
  /** Stops the app, backs up the current database, restores this backup and relaunches: answers just before. */
  'backups:restore': { request: RestoreBackupRequest; response: { relaunching: true } };
  /** null: the dialog was cancelled. */
  'files:open-import': { request: void; response: ChosenFile | null };
  /** null: the dialog was cancelled. */
  'files:save-export': { request: SaveExportRequest; response: SavedFile | null };
  'accounts:list': { request: void; response: AccountSummary[] };
  /** Makes another signed-in account current (no password); SESSION_EXPIRED when its session ended. */
  'accounts:switch': { request: AccountRequest; response: SessionInfo };
  /** Signs out of one account; answers the current account afterwards (another one when it was current), or null. */
  'accounts:sign-out': { request: AccountRequest; response: SessionInfo | null };
  /** INVALID_CREDENTIALS (current password wrong), WEAK_PASSWORD, RATE_LIMITED. */
  'account:change-password': { request: ChangePasswordRequest; response: ChangePasswordResult };
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
  accounts: {
    /** The accounts signed in on this machine, most recently used first. */
    list(): Promise<IpcResult<AccountSummary[]>>;
    switchTo(request: AccountRequest): Promise<IpcResult<SessionInfo>>;
    signOut(request: AccountRequest): Promise<IpcResult<SessionInfo | null>>;
    /** Changes the current account's password. */
    changePassword(request: ChangePasswordRequest): Promise<IpcResult<ChangePasswordResult>>;
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
  backups: {
    list(): Promise<IpcResult<BackupInfo[]>>;
    create(): Promise<IpcResult<BackupInfo>>;
    /** Every account on this machine goes back to the backup's state; the current database is backed up first. */
    restore(request: RestoreBackupRequest): Promise<IpcResult<{ relaunching: true }>>;
  };
  files: {
    /** The native open dialog; UNAVAILABLE where there is none (use a file input). */
    openImportFile(): Promise<IpcResult<ChosenFile | null>>;
    /** The native save dialog; UNAVAILABLE where there is none (download instead). */
    saveExportFile(request: SaveExportRequest): Promise<IpcResult<SavedFile | null>>;
  };
}

/** The name under which the bridge is exposed on `window`. */
export const BRIDGE_KEY = 'tasks';
