// What the screens know about the signed-in session, and the one API client that carries its token.
import { createContext, useContext } from 'react';
import type { IpcResult, SessionInfo, SignInRequest, SignUpRequest } from '../../src-preload/contract';
import type { HttpClient } from '../api/http-client';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; session: SessionInfo };

export interface SessionContextValue {
  state: SessionState;
  signIn: (request: SignInRequest) => Promise<IpcResult<SessionInfo>>;
  signUp: (request: SignUpRequest) => Promise<IpcResult<SessionInfo>>;
  signOut: () => Promise<void>;
  http: HttpClient;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}

export const EXPIRED_NOTICE = 'Your session ended. Sign in to continue.';
export const SIGNED_OUT_ELSEWHERE_NOTICE = 'You were signed out.';
