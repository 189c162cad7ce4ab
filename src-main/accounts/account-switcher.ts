// The accounts signed in on this machine and which one the window shows: signing in adds (or refreshes) an account
// without ending the others, switching needs no password while the target's session is valid, and signing out of
// one leaves the others signed in. Plain code over the session store and the auth service; the IPC handlers, the
// tray and a notification of another account ("switch to account X") all go through here.
import type { AccountSummary, SessionChangedEvent, SessionInfo } from '../../src-preload/contract.ts';
import type { AuthService, AuthUser, SignedInSession, TokenService } from '../auth/auth-types.ts';
import { silentLogger, type Logger } from '../core/logger.ts';
import { AccountError } from './account-error.ts';
import type { AccountSessionStore, CurrentSession } from './account-session-store.ts';

export interface AccountSwitcherDeps {
  auth: Pick<AuthService, 'getSession' | 'signOut'>;
  tokens: Pick<TokenService, 'forget'>;
  store: AccountSessionStore;
  /** Tells the windows the current account changed. */
  emit: (event: SessionChangedEvent) => void;
  logger?: Logger;
  now?: () => number;
}

export interface AccountSwitcher {
  /** The current account's session if it is still valid; an ended one is marked signed out (and announced). */
  current(): Promise<SessionInfo | null>;
  /** The current account's stored session (no check with auth): what access tokens are minted from. */
  currentSession(): Promise<CurrentSession | null>;
  /** A new sign-in or sign-up becomes the current account; the other accounts stay signed in. */
  adopt(signedIn: SignedInSession, remember: boolean): Promise<SessionInfo>;
  /** Every account known here, most recently used first; `signedIn` is checked with auth. */
  list(): Promise<AccountSummary[]>;
  /** Makes another signed-in account current without a password. NOT_FOUND, or SESSION_EXPIRED when it ended. */
  switchTo(userId: string): Promise<SessionInfo>;
  /** Signs out of one account (default: the current one); when it was current, the next signed-in one takes over. */
  signOut(userId?: string): Promise<SessionInfo | null>;
  /** The current account's session was refused (token mint): it is marked signed out and the window told. */
  expire(userId: string): Promise<void>;
  /** Forgets an account whose user no longer exists (deleted): nothing to revoke. */
  forget(userId: string): Promise<void>;
}

const toSessionInfo = (user: AuthUser, persisted: boolean): SessionInfo => ({
  user: { id: user.id, name: user.name, email: user.email },
  persisted,
});

export function createAccountSwitcher(deps: AccountSwitcherDeps): AccountSwitcher {
  const { auth, tokens, store, emit, logger = silentLogger, now = Date.now } = deps;

  // One change at a time (IPC, tray and notifications may all ask): a switch cannot interleave with a sign-out.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Revokes a session we are dropping; a failure is logged, the token is forgotten either way. */
  const revoke = async (token: string): Promise<void> => {
    tokens.forget(token);
    try {
      await auth.signOut(token);
    } catch (error) {
      logger.warn('Could not revoke a session in the database; it will expire on its own', {
        error: error instanceof Error ? error.message : typeof error,
      });
    }
  };

  /** The account's live user (name or email may have changed), or null after marking its session ended. */
  const check = async (userId: string, token: string): Promise<AuthUser | null> => {
    const active = await auth.getSession(token);
    if (active && active.user.id === userId) return active.user;
    tokens.forget(token);
    await store.endSession(userId);
    return null;
  };

  const endCurrent = async (userId: string): Promise<void> => {
    await store.endSession(userId);
    await store.deselect();
    emit({ session: null, reason: 'expired' });
  };

  /** After the current account left: the most recently used account whose session is still valid, if any. */
  const takeOverByNext = async (): Promise<SessionInfo | null> => {
    for (const account of await store.accounts()) {
      if (!account.token) continue;
      const user = await check(account.user.id, account.token);
      if (!user) continue;
      const session = await store.select(user.id, now());
      if (!session) continue;
      return toSessionInfo(user, session.persisted);
    }
    return null;
  };

  return {
    current: () =>
      serially(async () => {
        const session = await store.current();
        if (!session) return null;
        const active = await auth.getSession(session.token);
        if (!active) {
          tokens.forget(session.token);
          await endCurrent(session.userId);
          return null;
        }
        return toSessionInfo(active.user, session.persisted);
      }),

    currentSession: () => store.current(),

    adopt: (signedIn, remember) =>
      serially(async () => {
        const { session, replaced } = await store.put(signedIn.user, signedIn.sessionToken, remember, now());
        if (replaced) await revoke(replaced);
        const info = toSessionInfo(signedIn.user, session.persisted);
        emit({ session: info, reason: 'signed-in' });
        return info;
      }),

    list: () =>
      serially(async () => {
        const current = await store.current();
        const summaries: AccountSummary[] = [];
        for (const account of await store.accounts()) {
          const user = account.token ? await check(account.user.id, account.token) : null;
          const shown = user ?? account.user;
          summaries.push({
            id: shown.id,
            name: shown.name,
            email: shown.email,
            current: current?.userId === shown.id,
            signedIn: user !== null,
          });
        }
        return summaries;
      }),

    switchTo: (userId) =>
      serially(async () => {
        const account = (await store.accounts()).find((candidate) => candidate.user.id === userId);
        if (!account) throw new AccountError('NOT_FOUND', 'That account is not signed in on this computer.');
        const user = account.token ? await check(userId, account.token) : null;
        if (!user) throw new AccountError('SESSION_EXPIRED', `${account.user.name}'s session has ended. Sign in again to switch.`);
        const session = await store.select(userId, now());
        if (!session) throw new AccountError('SESSION_EXPIRED', `${account.user.name}'s session has ended. Sign in again to switch.`);
        const info = toSessionInfo(user, session.persisted);
        emit({ session: info, reason: 'switched' });
        return info;
      }),

    signOut: (userId) =>
      serially(async () => {
        const current = await store.current();
        const target = userId ?? current?.userId;
        if (!target) return null;
        const wasCurrent = current?.userId === target;
        const token = await store.remove(target);
        if (token) await revoke(token);
        if (!wasCurrent) {
          if (!current) return null;
          const account = (await store.accounts()).find((candidate) => candidate.user.id === current.userId);
          return account ? toSessionInfo(account.user, current.persisted) : null;
        }
        const next = await takeOverByNext();
        emit(next ? { session: next, reason: 'switched' } : { session: null, reason: 'signed-out' });
        return next;
      }),

    expire: (userId) =>
      serially(async () => {
        const current = await store.current();
        if (current) tokens.forget(current.token);
        if (current?.userId === userId) await endCurrent(userId);
        else await store.endSession(userId);
      }),

    forget: (userId) =>
      serially(async () => {
        const current = await store.current();
        const token = await store.remove(userId);
        if (token) tokens.forget(token);
        if (current?.userId === userId) {
          const next = await takeOverByNext();
          emit(next ? { session: next, reason: 'switched' } : { session: null, reason: 'signed-out' });
        }
      }),
  };
}
