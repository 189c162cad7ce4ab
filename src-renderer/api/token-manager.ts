// Owns the short-lived access JWT, in memory only (this closure; never Web Storage, IndexedDB, cookies or the URL).
// - getToken(): the cached token while it is fresh; otherwise one refresh, shared by every concurrent caller.
// - refreshAfterRejection(stale): after a 401, one forced refresh shared by every request that carried `stale`.
// - A timer refreshes ahead of expiry, so requests rarely wait for the bridge.
// - When a refresh fails the UI is signed out through onRefreshFailed (once per failure).
import type { AccessToken, IpcError, IpcResult } from '../../src-preload/contract';
import { ApiError } from './api-error';

export interface TokenManagerOptions {
  /** window.tasks.auth.getAccessToken, or a test double with the same contract. */
  fetchToken: (request: { forceRefresh: boolean }) => Promise<IpcResult<AccessToken>>;
  /** Called when no token can be had: the session expired or was revoked, or the bridge failed. */
  onRefreshFailed: (error: IpcError) => void;
  /** Refresh this long before `expiresAt` (default 60 s). */
  refreshAheadMs?: number;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface TokenManager {
  getToken(): Promise<AccessToken>;
  /** Forces a new token unless another caller already replaced `staleToken`. */
  refreshAfterRejection(staleToken: string): Promise<AccessToken>;
  /** Forgets the token and stops the timer (sign-out). */
  clear(): void;
}

const MAX_TIMER_MS = 2_147_483_647;
/** If main's clock and ours disagree, a just-minted token may look stale: trust it this long (401s still win). */
const SKEW_GRACE_MS = 30_000;

class RefreshFailed extends Error {
  constructor(readonly ipcError: IpcError) {
    super(ipcError.message);
  }
}

interface Held {
  token: AccessToken;
  /** When we stop using it locally (normally `token.expiresAt`). */
  usableUntil: number;
}

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const refreshAheadMs = options.refreshAheadMs ?? 60_000;
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  let current: Held | null = null;
  let inFlight: { promise: Promise<AccessToken>; forced: boolean } | null = null;
  let timer: unknown = null;
  // Bumped by clear(): a refresh that started before sign-out must not resurrect a token.
  let generation = 0;

  const isFresh = (usableUntil: number) => usableUntil - now() > refreshAheadMs;

  function hold(token: AccessToken): Held {
    const usableUntil = isFresh(token.expiresAt) ? token.expiresAt : now() + refreshAheadMs + SKEW_GRACE_MS;
    return { token, usableUntil };
  }

  function schedule(held: Held) {
    if (timer !== null) clearTimer(timer);
    const delay = Math.min(Math.max(held.usableUntil - refreshAheadMs - now(), 1_000), MAX_TIMER_MS);
    timer = setTimer(() => {
      timer = null;
      // Background refresh; a failure is reported through onRefreshFailed, nothing else to do here.
      refresh(true).catch(() => undefined);
    }, delay);
  }

  async function fetchOnce(forceRefresh: boolean): Promise<AccessToken> {
    let result: IpcResult<AccessToken>;
    try {
      result = await options.fetchToken({ forceRefresh });
    } catch {
      result = { ok: false, error: { code: 'INTERNAL', message: 'The app could not provide an access token.' } };
    }
    if (!result.ok) throw new RefreshFailed(result.error);
    return result.value;
  }

  async function runRefresh(force: boolean, startedIn: number): Promise<AccessToken> {
    try {
      let token = await fetchOnce(force);
      // Main caches tokens too; if it handed back one that is about to expire, mint a new one.
      if (!force && !isFresh(token.expiresAt)) token = await fetchOnce(true);
      if (startedIn !== generation) throw new ApiError('SIGNED_OUT', 'Signed out.', 401);
      current = hold(token);
      schedule(current);
      return token;
    } catch (error) {
      if (!(error instanceof RefreshFailed)) throw error;
      const { ipcError } = error;
      if (startedIn === generation) {
        current = null;
        options.onRefreshFailed(ipcError);
      }
      throw new ApiError('SIGNED_OUT', ipcError.message, 401);
    }
  }

  function refresh(force: boolean): Promise<AccessToken> {
    // A forced refresh may join a forced one in flight; an unforced caller may join either kind.
    if (inFlight && (inFlight.forced || !force)) return inFlight.promise;
    const startedIn = generation;
    const entry = {
      forced: force,
      promise: runRefresh(force, startedIn).finally(() => {
        if (inFlight === entry) inFlight = null;
      }),
    };
    inFlight = entry;
    return entry.promise;
  }

  return {
    getToken() {
      if (current && isFresh(current.usableUntil)) return Promise.resolve(current.token);
      return refresh(false);
    },
    refreshAfterRejection(staleToken) {
      if (current && current.token.token !== staleToken && isFresh(current.usableUntil)) {
        return Promise.resolve(current.token);
      }
      return refresh(true);
    },
    clear() {
      generation += 1;
      current = null;
      inFlight = null;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
