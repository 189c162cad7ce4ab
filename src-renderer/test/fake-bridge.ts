// An in-memory window.tasks for component tests: accounts, one current session, session-change events.
// Calls are recorded so tests can assert what reached "main". Failures can be queued per channel.
import { vi, type Mock } from 'vitest';
import type { BackupInfo, IpcError, IpcResult, OpenTaskEvent, SessionChangedEvent, SessionInfo, TasksBridge, User } from '../../src-preload/contract';

export const API_BASE = 'http://127.0.0.1:4555';

type Auth = TasksBridge['auth'];

export interface FakeBridge {
  bridge: TasksBridge;
  /** The auth functions as mocks, to assert what reached "main". */
  calls: { signUp: Mock<Auth['signUp']>; signIn: Mock<Auth['signIn']>; signOut: Mock<Auth['signOut']> };
  /** Next result for a channel instead of the normal behaviour (e.g. RATE_LIMITED). */
  failNext: (channel: 'signIn' | 'signUp' | 'getAccessToken', error: IpcError) => void;
  /** Holds sign-in/sign-up until release() (to see the busy state). */
  hold: () => { release: () => void };
  emit: (event: SessionChangedEvent) => void;
  /** As main does when a reminder notification is clicked (`reminder:open-task`). */
  openTask: (event: OpenTaskEvent) => void;
  signedInAs: (user: User) => void;
  endSession: () => void;
  tokenRequests: { forceRefresh: boolean }[];
  /** Main's backups, newest first (tests may seed it). */
  backups: BackupInfo[];
  /** Names of the backups a restore was asked for. */
  restores: string[];
}

export function createFakeBridge(): FakeBridge {
  const accounts = new Map<string, { user: User; password: string }>();
  let current: SessionInfo | null = null;
  // The accounts signed in on this "machine", as main's account switcher keeps them (most recent first).
  const signedIn: SessionInfo[] = [];
  const adopt = (session: SessionInfo): SessionInfo => {
    const index = signedIn.findIndex((entry) => entry.user.id === session.user.id);
    if (index >= 0) signedIn.splice(index, 1);
    signedIn.unshift(session);
    current = session;
    return session;
  };
  const dropAccount = (userId: string): void => {
    const index = signedIn.findIndex((entry) => entry.user.id === userId);
    if (index >= 0) signedIn.splice(index, 1);
    if (current?.user.id === userId) current = signedIn[0] ?? null;
  };
  let minted = 0;
  const failures = new Map<string, IpcError>();
  const listeners = new Set<(event: SessionChangedEvent) => void>();
  const backups: BackupInfo[] = [];
  const restores: string[] = [];
  let gate: Promise<void> | null = null;
  const tokenRequests: { forceRefresh: boolean }[] = [];
  const openTaskListeners = new Set<(event: OpenTaskEvent) => void>();
  const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
  const fail = (code: IpcError['code'], message: string): IpcResult<never> => ({ ok: false, error: { code, message } });
  const takeFailure = (channel: string): IpcResult<never> | null => {
    const error = failures.get(channel);
    if (!error) return null;
    failures.delete(channel);
    return { ok: false, error };
  };

  const calls: FakeBridge['calls'] = {
      signUp: vi.fn<Auth['signUp']>(async (request) => {
        await gate;
        const failure = takeFailure('signUp');
        if (failure) return failure;
        if (accounts.has(request.email)) return fail('EMAIL_TAKEN', 'Taken.');
        const user = { id: `user-${accounts.size + 1}`, name: request.name, email: request.email };
        accounts.set(request.email, { user, password: request.password });
        current = adopt({ user, persisted: request.remember ?? true });
        return ok(current);
      }),
      signIn: vi.fn<Auth['signIn']>(async (request) => {
        await gate;
        const failure = takeFailure('signIn');
        if (failure) return failure;
        const account = accounts.get(request.email);
        if (!account || account.password !== request.password) {
          return fail('INVALID_CREDENTIALS', 'Wrong email or password.');
        }
        current = adopt({ user: account.user, persisted: request.remember });
        return ok(current);
      }),
      signOut: vi.fn<Auth['signOut']>(() => {
        if (current) dropAccount(current.user.id);
        return Promise.resolve(ok(null));
      }),
  };

  const bridge: TasksBridge = {
    accounts: {
      list: () =>
        Promise.resolve(
          ok(signedIn.map((entry) => ({ ...entry.user, current: entry.user.id === current?.user.id, signedIn: true }))),
        ),
      switchTo: ({ userId }) => {
        const target = signedIn.find((entry) => entry.user.id === userId);
        if (!target) return Promise.resolve(fail('NOT_FOUND', 'Not signed in here.'));
        return Promise.resolve(ok(adopt(target)));
      },
      signOut: ({ userId }) => {
        dropAccount(userId);
        return Promise.resolve(ok(current));
      },
      changePassword: ({ currentPassword, newPassword, signOutOtherDevices }) => {
        const account = current ? accounts.get(current.user.email) : undefined;
        if (!account) return Promise.resolve(fail('SESSION_EXPIRED', 'Signed out.'));
        if (account.password !== currentPassword) return Promise.resolve(fail('INVALID_CREDENTIALS', 'The current password is not correct.'));
        account.password = newPassword;
        return Promise.resolve(ok({ signedOutOtherDevices: signOutOtherDevices }));
      },
    },
    reminders: {
      onOpenTask: (callback) => {
        openTaskListeners.add(callback);
        return () => openTaskListeners.delete(callback);
      },
    },
    auth: {
      ...calls,
      getSession: () => Promise.resolve(ok(current)),
      getAccessToken: (request) => {
        tokenRequests.push({ forceRefresh: request?.forceRefresh === true });
        const failure = takeFailure('getAccessToken');
        if (failure) return Promise.resolve(failure);
        if (!current) return Promise.resolve(fail('SESSION_EXPIRED', 'Signed out.'));
        minted += 1;
        return Promise.resolve(ok({ token: `jwt-${current.user.id}-${minted}`, expiresAt: Date.now() + 900_000, apiBaseUrl: API_BASE }));
      },
      onSessionChange: (callback) => {
        listeners.add(callback);
        return () => listeners.delete(callback);
      },
    },
    app: {
      getInfo: () =>
        Promise.resolve(
          ok({
            version: 'test',
            dataDir: '/tmp',
            canPersistSession: true,
            persistenceNote: null,
            api: { baseUrl: API_BASE, docsUrl: `${API_BASE}/api/docs`, port: 47821, configuredPort: 47821, fallbackNote: null },
          }),
        ),
      setApiPort: ({ port }) =>
        Promise.resolve(
          ok({ baseUrl: API_BASE, docsUrl: `${API_BASE}/api/docs`, port: 47821, configuredPort: port, fallbackNote: null }),
        ),
    },
    // Backups as main keeps them: newest first; a restore is recorded (the real one relaunches the app).
    backups: {
      list: () => Promise.resolve(ok([...backups])),
      create: () => {
        const made = {
          name: `tasks-${new Date(Date.now()).toISOString().replace(/[-:.]/g, '')}-manual.db`,
          createdAt: new Date().toISOString(),
          reason: 'manual' as const,
          sizeBytes: 40_960,
        };
        backups.unshift(made);
        return Promise.resolve(ok(made));
      },
      restore: ({ name }) => {
        if (!backups.some((backup) => backup.name === name)) return Promise.resolve(fail('NOT_FOUND', 'That backup is no longer there.'));
        restores.push(name);
        return Promise.resolve(ok({ relaunching: true as const }));
      },
    },
    // As in a browser without the desktop shell: the window falls back to a file input and a download.
    files: {
      openImportFile: () => Promise.resolve(fail('UNAVAILABLE', 'No native file dialog here.')),
      saveExportFile: () => Promise.resolve(fail('UNAVAILABLE', 'No native file dialog here.')),
    },
  };

  return {
    bridge,
    backups,
    restores,
    calls,
    tokenRequests,
    failNext: (channel, error) => failures.set(channel, error),
    hold: () => {
      let release = () => {};
      gate = new Promise<void>((resolve) => (release = resolve));
      return { release: () => (gate = null, release()) };
    },
    emit: (event) => listeners.forEach((listener) => listener(event)),
    openTask: (event) => openTaskListeners.forEach((listener) => listener(event)),
    signedInAs: (user) => {
      accounts.set(user.email, { user, password: 'correct-horse-battery' });
      current = adopt({ user, persisted: true });
    },
    endSession: () => {
      if (current) dropAccount(current.user.id);
      current = null;
    },
  };
}
