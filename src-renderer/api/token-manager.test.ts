import { describe, expect, it, vi } from 'vitest';
import type { AccessToken, IpcResult } from '../../src-preload/contract';
import { createTokenManager } from './token-manager';

const BASE = 'http://127.0.0.1:4000';

function harness(start = 1_000_000) {
  let clock = start;
  let minted = 0;
  const timers: { callback: () => void; at: number }[] = [];
  const calls: boolean[] = [];
  const pending: ((result: IpcResult<AccessToken>) => void)[] = [];
  let mode: 'auto' | 'manual' | 'fail' = 'auto';
  const onRefreshFailed = vi.fn();
  const mint = (): AccessToken => ({ token: `jwt-${++minted}`, expiresAt: clock + 15 * 60_000, apiBaseUrl: BASE });
  const manager = createTokenManager({
    fetchToken: ({ forceRefresh }) => {
      calls.push(forceRefresh);
      if (mode === 'fail') {
        return Promise.resolve({ ok: false, error: { code: 'SESSION_EXPIRED', message: 'Session expired.' } });
      }
      if (mode === 'manual') return new Promise((resolve) => pending.push(resolve));
      return Promise.resolve({ ok: true, value: mint() });
    },
    onRefreshFailed,
    now: () => clock,
    setTimer: (callback, ms) => {
      const timer = { callback, at: clock + ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      const index = timers.indexOf(handle as (typeof timers)[number]);
      if (index >= 0) timers.splice(index, 1);
    },
  });
  return {
    manager,
    calls,
    timers,
    onRefreshFailed,
    advance: (ms: number) => (clock += ms),
    setMode: (next: typeof mode) => (mode = next),
    resolvePending: () => pending.splice(0).forEach((resolve) => resolve({ ok: true, value: mint() })),
  };
}

describe('token manager', () => {
  it('reuses the token while fresh and refreshes ahead of expiry', async () => {
    const h = harness();
    const first = await h.manager.getToken();
    expect(first.token).toBe('jwt-1');
    h.advance(10 * 60_000);
    expect((await h.manager.getToken()).token).toBe('jwt-1');
    expect(h.calls).toEqual([false]);
    // 50 s before expiry is inside the 60 s refresh window: a new token is fetched before use.
    h.advance(4 * 60_000 + 10_000);
    expect((await h.manager.getToken()).token).toBe('jwt-2');
    expect(h.calls).toHaveLength(2);
  });

  it('schedules a background refresh before expiry', async () => {
    const h = harness();
    await h.manager.getToken();
    expect(h.timers).toHaveLength(1);
    expect(h.timers[0]?.at).toBe(1_000_000 + 14 * 60_000);
    h.advance(14 * 60_000);
    h.timers[0]?.callback();
    await vi.waitFor(() => expect(h.calls).toEqual([false, true]));
    expect((await h.manager.getToken()).token).toBe('jwt-2');
  });

  it('shares one refresh between concurrent callers', async () => {
    const h = harness();
    h.setMode('manual');
    const all = Promise.all([h.manager.getToken(), h.manager.getToken(), h.manager.getToken()]);
    h.resolvePending();
    const tokens = await all;
    expect(new Set(tokens.map((t) => t.token))).toEqual(new Set(['jwt-1']));
    expect(h.calls).toHaveLength(1);
  });

  it('forces one refresh for every request rejected with the same stale token', async () => {
    const h = harness();
    const stale = await h.manager.getToken();
    h.setMode('manual');
    const retries = Promise.all([
      h.manager.refreshAfterRejection(stale.token),
      h.manager.refreshAfterRejection(stale.token),
    ]);
    h.resolvePending();
    const [a, b] = await retries;
    expect(a.token).toBe('jwt-2');
    expect(b.token).toBe('jwt-2');
    expect(h.calls).toEqual([false, true]);
    // A late 401 for the old token gets the already-refreshed one without another round trip.
    expect((await h.manager.refreshAfterRejection(stale.token)).token).toBe('jwt-2');
    expect(h.calls).toHaveLength(2);
  });

  it('signs the UI out once when the refresh fails, and rejects every waiting caller', async () => {
    const h = harness();
    h.setMode('fail');
    const results = await Promise.allSettled([h.manager.getToken(), h.manager.getToken()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(h.onRefreshFailed).toHaveBeenCalledTimes(1);
    expect(h.onRefreshFailed).toHaveBeenCalledWith(expect.objectContaining({ code: 'SESSION_EXPIRED' }));
  });

  it('forgets the token on clear and ignores a refresh that finishes after sign-out', async () => {
    const h = harness();
    await h.manager.getToken();
    h.manager.clear();
    expect(h.timers).toHaveLength(0);
    h.setMode('manual');
    const late = h.manager.getToken();
    h.manager.clear();
    h.resolvePending();
    await expect(late).rejects.toMatchObject({ code: 'SIGNED_OUT' });
    expect(h.onRefreshFailed).not.toHaveBeenCalled();
  });
});
