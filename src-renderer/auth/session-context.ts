// What the screens know about the signed-in session, and the one API client that carries its token.
import { createContext, useContext } from 'react';
import type { IpcResult, SessionInfo, SignInRequest, SignUpRequest } from '../../src-preload/contract';
import type { HttpClient } from '../api/http-client';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; notice: string | null }
  /** fresh: the account was just created here (sign-up); its task screen starts with focus in the quick add. */
  | { status: 'signed-in'; session: SessionInfo; fresh?: boolean };

export interface SessionContextValue {
  state: SessionState;
  signIn: (request: SignInRequest) => Promise<IpcResult<SessionInfo>>;
  signUp: (request: SignUpRequest) => Promise<IpcResult<SessionInfo>>;
  /** Signs out of the current account; another account signed in here may take over (main decides). */
  signOut: () => Promise<void>;
  /** Shows another account signed in on this computer, without a password. */
  switchAccount: (userId: string) => Promise<IpcResult<SessionInfo>>;
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
