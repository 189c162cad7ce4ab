// The account switcher's IPC handlers, transport-agnostic like the auth handlers (ipc-handlers.ts spreads them in
// behind the same sender check, the one registration helper and the same serial queue).
import { INVOKE_CHANNELS, type InvokeChannel, type InvokeResponse, type IpcResult } from '../../src-preload/contract.ts';
import { fail, ok } from '../electron/ipc-errors.ts';
import { invalidInput, noPayloadSchema } from '../electron/ipc-schemas.ts';
import type { SignInThrottle } from '../electron/sign-in-throttle.ts';
import { accountRequestSchema, changePasswordSchema } from './account-ipc-schemas.ts';
import type { AccountSwitcher } from './account-switcher.ts';
import { changePassword, type ChangePasswordDeps } from './change-password.ts';

type AccountChannel =
  | typeof INVOKE_CHANNELS.listAccounts
  | typeof INVOKE_CHANNELS.switchAccount
  | typeof INVOKE_CHANNELS.signOutAccount
  | typeof INVOKE_CHANNELS.changePassword;

export interface AccountIpcDeps extends ChangePasswordDeps {
  accounts: AccountSwitcher;
  /** The sign-in back-off: wrong current passwords count as failed attempts of that email. */
  throttle: SignInThrottle;
}

type Wrap = <C extends InvokeChannel>(
  channel: C,
  body: (payload: unknown) => Promise<IpcResult<InvokeResponse<C>>>,
) => (payload: unknown) => Promise<IpcResult<InvokeResponse<C>>>;

export function createAccountIpcHandlers(
  deps: AccountIpcDeps,
  guarded: Wrap,
): { readonly [C in AccountChannel]: (payload: unknown) => Promise<IpcResult<InvokeResponse<C>>> } {
  const { accounts } = deps;
  return {
    [INVOKE_CHANNELS.listAccounts]: guarded(INVOKE_CHANNELS.listAccounts, async (payload) => {
      const input = noPayloadSchema.safeParse(payload);
      if (!input.success) return fail(invalidInput(input.error));
      return ok(await accounts.list());
    }),

    [INVOKE_CHANNELS.switchAccount]: guarded(INVOKE_CHANNELS.switchAccount, async (payload) => {
      const input = accountRequestSchema.safeParse(payload);
      if (!input.success) return fail(invalidInput(input.error));
      return ok(await accounts.switchTo(input.data.userId));
    }),

    [INVOKE_CHANNELS.signOutAccount]: guarded(INVOKE_CHANNELS.signOutAccount, async (payload) => {
      const input = accountRequestSchema.safeParse(payload);
      if (!input.success) return fail(invalidInput(input.error));
      return ok(await accounts.signOut(input.data.userId));
    }),

    [INVOKE_CHANNELS.changePassword]: guarded(INVOKE_CHANNELS.changePassword, async (payload) => {
      const input = changePasswordSchema.safeParse(payload);
      if (!input.success) return fail(invalidInput(input.error));
      const current = await deps.store.current();
      const email = current ? (await deps.store.accounts()).find((a) => a.user.id === current.userId)?.user.email : undefined;
      if (!email) return fail({ code: 'SESSION_EXPIRED', message: 'You are signed out. Please sign in.' });
      const decision = deps.throttle.check(email);
      if (!decision.allowed) {
        const seconds = Math.ceil(decision.retryAfterMs / 1000);
        return fail({ code: 'RATE_LIMITED', message: `Too many attempts. Try again in ${seconds} s.`, retryAfterMs: decision.retryAfterMs });
      }
      try {
        const result = await changePassword(deps, input.data);
        deps.throttle.recordSuccess(email);
        return ok(result);
      } catch (error) {
        if ((error as { code?: unknown }).code === 'INVALID_CREDENTIALS') deps.throttle.recordFailure(email);
        throw error;
      }
    }),
  };
}
