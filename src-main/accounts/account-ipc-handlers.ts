// The account switcher's IPC handlers, transport-agnostic like the auth handlers (ipc-handlers.ts spreads them in
// behind the same sender check, the one registration helper and the same serial queue).
import { INVOKE_CHANNELS, type InvokeChannel, type InvokeResponse, type IpcResult } from '../../src-preload/contract.ts';
import { fail, ok } from '../electron/ipc-errors.ts';
import { invalidInput, noPayloadSchema } from '../electron/ipc-schemas.ts';
import { accountRequestSchema } from './account-ipc-schemas.ts';
import type { AccountSwitcher } from './account-switcher.ts';

type AccountChannel = typeof INVOKE_CHANNELS.listAccounts | typeof INVOKE_CHANNELS.switchAccount | typeof INVOKE_CHANNELS.signOutAccount;

type Wrap = <C extends InvokeChannel>(
  channel: C,
  body: (payload: unknown) => Promise<IpcResult<InvokeResponse<C>>>,
) => (payload: unknown) => Promise<IpcResult<InvokeResponse<C>>>;

export function createAccountIpcHandlers(
  deps: { accounts: AccountSwitcher },
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
  };
}
