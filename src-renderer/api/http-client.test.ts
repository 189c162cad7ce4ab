import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { AccessToken, IpcResult } from '../../src-preload/contract';
import { createHttpClient } from './http-client';
import { createTokenManager } from './token-manager';

const BASE = 'http://127.0.0.1:4000';
const echo = z.object({ ok: z.boolean() });

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function setup(options: { validTokens?: Set<string>; failRefresh?: boolean } = {}) {
  let minted = 0;
  const valid = options.validTokens ?? new Set<string>();
  const fetchToken = vi.fn(({ forceRefresh }: { forceRefresh: boolean }): Promise<IpcResult<AccessToken>> => {
    if (options.failRefresh && forceRefresh) {
      return Promise.resolve({ ok: false, error: { code: 'SESSION_EXPIRED', message: 'Session expired.' } });
    }
    return Promise.resolve({
      ok: true,
      value: { token: `jwt-${++minted}`, expiresAt: Date.now() + 900_000, apiBaseUrl: BASE },
    });
  });
  const onRefreshFailed = vi.fn();
  const onSessionRejected = vi.fn();
  const seen: string[] = [];
  const fakeFetch = vi.fn((input: string | URL | Request, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('Authorization') ?? '';
    const token = auth.replace('Bearer ', '');
    seen.push(`${init?.method ?? 'GET'} ${input instanceof Request ? input.url : input.toString()} ${token}`);
    if (!valid.has(token)) return Promise.resolve(json(401, { error: { code: 'AUTH_EXPIRED', message: 'expired' } }));
    return Promise.resolve(json(200, { ok: true }));
  });
  const tokens = createTokenManager({ fetchToken, onRefreshFailed, setTimer: () => 0, clearTimer: () => undefined });
  const http = createHttpClient({ tokens, onSessionRejected, fetch: fakeFetch });
  return { http, fetchToken, onRefreshFailed, onSessionRejected, seen, valid };
}

describe('http client', () => {
  it('sends the bearer token to the API base and parses the answer', async () => {
    const h = setup({ validTokens: new Set(['jwt-1']) });
    await expect(h.http.request({ path: '/api/u/tasks', query: { q: 'milk', cursor: undefined }, schema: echo })).resolves.toEqual({
      ok: true,
    });
    expect(h.seen).toEqual([`GET ${BASE}/api/u/tasks?q=milk jwt-1`]);
  });

  it('retries once with a forced refresh after a 401', async () => {
    const h = setup({ validTokens: new Set(['jwt-2']) });
    await expect(h.http.request({ path: '/api/me', schema: echo })).resolves.toEqual({ ok: true });
    expect(h.fetchToken.mock.calls.map(([r]) => r.forceRefresh)).toEqual([false, true]);
    expect(h.seen.map((line) => line.split(' ').pop())).toEqual(['jwt-1', 'jwt-2']);
  });

  it('does not retry a second time and signs out when the fresh token is rejected too', async () => {
    const h = setup();
    await expect(h.http.request({ path: '/api/me', schema: echo })).rejects.toMatchObject({ code: 'AUTH_EXPIRED' });
    expect(h.seen).toHaveLength(2);
    expect(h.onSessionRejected).toHaveBeenCalledTimes(1);
  });

  it('shares one forced refresh among concurrent 401s', async () => {
    const h = setup({ validTokens: new Set(['jwt-2']) });
    const results = await Promise.all([1, 2, 3].map(() => h.http.request({ path: '/api/me', schema: echo })));
    expect(results).toHaveLength(3);
    expect(h.fetchToken).toHaveBeenCalledTimes(2);
    expect(h.seen.filter((line) => line.endsWith('jwt-2'))).toHaveLength(3);
  });

  it('signs the UI out when the refresh itself fails', async () => {
    const h = setup({ failRefresh: true });
    await expect(h.http.request({ path: '/api/me', schema: echo })).rejects.toMatchObject({ code: 'SIGNED_OUT' });
    expect(h.onRefreshFailed).toHaveBeenCalledTimes(1);
    expect(h.seen).toHaveLength(1);
  });

  it('turns error bodies and network failures into coded errors', async () => {
    const h = setup({ validTokens: new Set(['jwt-1']) });
    const failing = createHttpClient({
      tokens: createTokenManager({
        fetchToken: h.fetchToken,
        onRefreshFailed: vi.fn(),
        setTimer: () => 0,
        clearTimer: () => undefined,
      }),
      onSessionRejected: vi.fn(),
      fetch: vi
        .fn<typeof fetch>()
        .mockResolvedValueOnce(json(422, { error: { code: 'VALIDATION_FAILED', message: 'bad', details: [{ path: 'title', message: 'Title must not be empty.' }] } }))
        .mockRejectedValueOnce(new TypeError('Failed to fetch')),
    });
    await expect(failing.request({ method: 'POST', path: '/x', body: {}, schema: echo })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 422,
      details: [{ path: 'title', message: 'Title must not be empty.' }],
    });
    await expect(failing.request({ path: '/x', schema: echo })).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
