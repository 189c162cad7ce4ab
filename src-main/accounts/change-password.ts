// Settings → Account → Change password, for the account the window shows: the current password, a new one, and
// the option to sign out other devices and revoke the account's personal access tokens. With that option every
// session of the account ends (Better Auth), so the window keeps working on the new session it hands back.
import type { ChangePasswordRequest, ChangePasswordResult } from '../../src-preload/contract.ts';
import type { AuthService, TokenService } from '../auth/auth-types.ts';
import { AccountError } from './account-error.ts';
import type { AccountSessionStore } from './account-session-store.ts';

export interface ChangePasswordDeps {
  auth: Pick<AuthService, 'changePassword' | 'getSession'>;
  tokens: Pick<TokenService, 'forget'>;
  store: AccountSessionStore;
  now: () => number;
}

export async function changePassword(deps: ChangePasswordDeps, request: ChangePasswordRequest): Promise<ChangePasswordResult> {
  const { auth, tokens, store, now } = deps;
  const current = await store.current();
  const active = current ? await auth.getSession(current.token) : null;
  if (!current || !active) throw new AccountError('SESSION_EXPIRED', 'You are signed out. Please sign in.');
  const { sessionToken } = await auth.changePassword(current.token, {
    currentPassword: request.currentPassword,
    newPassword: request.newPassword,
    revokeOtherSessions: request.signOutOtherDevices,
  });
  if (sessionToken) {
    // The old session ended with the others: its cached JWT goes, the new session takes its place (sealed again).
    tokens.forget(current.token);
    await store.put(active.user, sessionToken, current.persisted, now());
  }
  return { signedOutOtherDevices: sessionToken !== null };
}
