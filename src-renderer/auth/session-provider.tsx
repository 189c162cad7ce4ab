// Owns the session state: asks main for the current session, follows its session-changed events, and builds
// the token manager + HTTP client. A failed refresh or a rejected session lands on sign-in with a notice.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionInfo, SignInRequest, SignUpRequest, TasksBridge } from '../../src-preload/contract';
import { createHttpClient } from '../api/http-client';
import { createTokenManager } from '../api/token-manager';
import {
  EXPIRED_NOTICE,
  SessionContext,
  SIGNED_OUT_ELSEWHERE_NOTICE,
  type SessionContextValue,
  type SessionState,
} from './session-context';

export function SessionProvider({ bridge, children }: { bridge: TasksBridge; children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const { tokens, http } = useMemo(() => {
    // A refresh that fails after a deliberate sign-out must not turn it into "your session ended".
    const lose = () => setState((prev) => (prev.status === 'signed-out' ? prev : { status: 'signed-out', notice: EXPIRED_NOTICE }));
    const tokenManager = createTokenManager({
      fetchToken: (request) => bridge.auth.getAccessToken(request),
      onRefreshFailed: lose,
    });
    const client = createHttpClient({
      tokens: tokenManager,
      onSessionRejected: () => {
        tokenManager.clear();
        lose();
      },
    });
    return { tokens: tokenManager, http: client };
  }, [bridge]);

  useEffect(() => {
    let live = true;
    bridge.auth
      .getSession()
      .then((result) => {
        if (!live) return;
        if (result.ok && result.value) setState({ status: 'signed-in', session: result.value });
        else setState({ status: 'signed-out', notice: null });
      })
      .catch(() => live && setState({ status: 'signed-out', notice: null }));
    // Events can race our own calls (a late "signed-out" for the previous account after the next one signed
    // in), so an event only prompts a fresh look at main's session, which is the source of truth.
    const unsubscribe = bridge.auth.onSessionChange((event) => {
      bridge.auth
        .getSession()
        .then((result) => {
          if (!live || !result.ok) return;
          const session = result.value;
          if (session) {
            setState((prev) => {
              if (prev.status === 'signed-in' && prev.session.user.id === session.user.id) return prev;
              // Another account became current (switched from the tray or a notification): its token, not the old one.
              tokens.clear();
              return { status: 'signed-in', session };
            });
            return;
          }
          tokens.clear();
          setState((prev) =>
            prev.status === 'signed-out'
              ? prev
              : { status: 'signed-out', notice: event.reason === 'signed-out' ? SIGNED_OUT_ELSEWHERE_NOTICE : EXPIRED_NOTICE },
          );
        })
        .catch(() => undefined);
    });
    return () => {
      live = false;
      unsubscribe();
      tokens.clear();
    };
  }, [bridge, tokens]);

  const signIn = useCallback(
    async (request: SignInRequest) => {
      const result = await bridge.auth.signIn(request);
      if (result.ok) {
        tokens.clear();
        setState({ status: 'signed-in', session: result.value });
      }
      return result;
    },
    [bridge, tokens],
  );

  const signUp = useCallback(
    async (request: SignUpRequest) => {
      const result = await bridge.auth.signUp(request);
      if (result.ok) {
        tokens.clear();
        setState({ status: 'signed-in', session: result.value, fresh: true });
      }
      return result;
    },
    [bridge, tokens],
  );

  const signOut = useCallback(async () => {
    tokens.clear();
    let next: SessionInfo | null = null;
    try {
      await bridge.auth.signOut();
      // Another account signed in on this computer takes over when there is one.
      const session = await bridge.auth.getSession();
      next = session.ok ? session.value : null;
    } finally {
      setState(next ? { status: 'signed-in', session: next } : { status: 'signed-out', notice: null });
    }
  }, [bridge, tokens]);

  const switchAccount = useCallback(
    async (userId: string) => {
      const result = await bridge.accounts.switchTo({ userId });
      if (result.ok) {
        tokens.clear();
        setState({ status: 'signed-in', session: result.value });
      }
      return result;
    },
    [bridge, tokens],
  );

  const value = useMemo<SessionContextValue>(
    () => ({ state, signIn, signUp, signOut, switchAccount, http }),
    [state, signIn, signUp, signOut, switchAccount, http],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
