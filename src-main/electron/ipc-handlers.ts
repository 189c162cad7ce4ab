// The IPC handlers, transport-agnostic: a map from channel to `(payload: unknown) => Promise<IpcResult>`.
// register-ipc.ts puts them on ipcMain behind the sender check; tests and the e2e harness call them directly.
// Main keeps the session token (SessionStore); the renderer only ever receives short-lived access JWTs.
import type { z } from 'zod';
import { createAccountIpcHandlers } from '../accounts/account-ipc-handlers.ts';
import type { AccountSessionStore } from '../accounts/account-session-store.ts';
import { createAccountSwitcher, type AccountSwitcher } from '../accounts/account-switcher.ts';
import { AuthError, type SignedInSession } from '../auth/auth-types.ts';
import type { CoreServices } from '../core/core-types.ts';
import { silentLogger, type Logger } from '../core/logger.ts';
import {
  type ApiInfo,
  INVOKE_CHANNELS,
  type InvokeChannel,
  type InvokeResponse,
  type IpcResult,
  type SessionChangedEvent,
} from '../../src-preload/contract.ts';
import { createDataIpcHandlers, type DataIpcDeps } from './data-ipc-handlers.ts';
import { fail, ok, toIpcError } from './ipc-errors.ts';
import {
  accessTokenSchema,
  invalidInput,
  noPayloadSchema,
  setApiPortSchema,
  signInSchema,
  signUpSchema,
} from './ipc-schemas.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';

export type IpcHandler<C extends InvokeChannel> = (payload: unknown) => Promise<IpcResult<InvokeResponse<C>>>;
export type IpcHandlers = { readonly [C in InvokeChannel]: IpcHandler<C> };

export interface IpcHandlerDeps {
  core: Pick<CoreServices, 'auth' | 'tokens' | 'apiBaseUrl' | 'dataDir' | 'backups'> & Partial<Pick<CoreServices, 'api'>>;
  /** The API port Settings keeps (used from the next start). */
  apiPort?: { get(): number; set(port: number): void };
  /** The sessions of the accounts signed in on this machine. */
  sessionStore: AccountSessionStore;
  /** The account switcher over sessionStore (desktop-app.ts passes its own, shared with the tray and notifications). */
  accounts?: AccountSwitcher;
  throttle: SignInThrottle;
  appInfo: { version: string };
  emit: (event: SessionChangedEvent) => void;
  logger?: Logger;
  now?: () => number;
  /** The desktop app's restore (stop, restore, relaunch); absent: Settings → Backups cannot restore here. */
  restoreAndRelaunch?: DataIpcDeps['restoreAndRelaunch'];
  /** The native open/save dialogs; absent: the window falls back to a file input and a download. */
  dialogs?: DataIpcDeps['dialogs'];
}

/** A JWT closer than this to expiry is refreshed before it is handed out. */
const MIN_TOKEN_LIFETIME_MS = 5_000;

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const { core, sessionStore, throttle, appInfo, emit, logger = silentLogger, now = Date.now } = deps;
  const accounts = deps.accounts ?? createAccountSwitcher({ auth: core.auth, tokens: core.tokens, store: sessionStore, emit, logger, now });
  const apiInfo = (): ApiInfo => {
    const api = core.api;
    const port = api?.port ?? Number(new URL(core.apiBaseUrl).port);
    const fallback = api?.fallback;
    return {
      baseUrl: core.apiBaseUrl,
      docsUrl: api?.docsUrl ?? `${core.apiBaseUrl}/api/docs`,
      port,
      configuredPort: deps.apiPort?.get() ?? port,
      fallbackNote: fallback
        ? `Port ${fallback.requestedPort} was ${fallback.reason}, so the API uses port ${port} for now.`
        : null,
    };
  };

  // Auth calls run one at a time: a sign-out cannot interleave with a sign-in, and throttle checks
  // cannot race each other.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const guarded =
    <C extends InvokeChannel>(channel: C, body: (payload: unknown) => Promise<IpcResult<InvokeResponse<C>>>, queued = true): IpcHandler<C> =>
    async (payload) => {
      try {
        return await (queued ? serially(() => body(payload)) : body(payload));
      } catch (error) {
        return fail(toIpcError(error, channel, logger));
      }
    };

  const parse = <S extends z.ZodType>(schema: S, payload: unknown) => schema.safeParse(payload);

  /** Throttled attempt: RATE_LIMITED before calling auth; failures of `countsAsFailure` feed the back-off. */
  const attempt = async (
    email: string,
    run: () => Promise<SignedInSession>,
    countsAsFailure: (code: AuthError['code']) => boolean,
  ): Promise<IpcResult<SignedInSession>> => {
    const decision = throttle.check(email);
    if (!decision.allowed) {
      const seconds = Math.ceil(decision.retryAfterMs / 1000);
      return fail({ code: 'RATE_LIMITED', message: `Too many attempts. Try again in ${seconds} s.`, retryAfterMs: decision.retryAfterMs });
    }
    try {
      const session = await run();
      throttle.recordSuccess(email);
      return ok(session);
    } catch (error) {
      if (error instanceof AuthError && countsAsFailure(error.code)) throttle.recordFailure(email);
      throw error;
    }
  };

  return {
    ...createDataIpcHandlers(
      {
        core,
        sessionStore,
        logger,
        ...(deps.restoreAndRelaunch ? { restoreAndRelaunch: deps.restoreAndRelaunch } : {}),
        ...(deps.dialogs ? { dialogs: deps.dialogs } : {}),
      },
      guarded,
    ),
    ...createAccountIpcHandlers({ accounts, throttle, auth: core.auth, tokens: core.tokens, store: sessionStore, now }, guarded),
    [INVOKE_CHANNELS.signUp]: guarded(INVOKE_CHANNELS.signUp, async (payload) => {
      const input = parse(signUpSchema, payload);
      if (!input.success) return fail(invalidInput(input.error));
      const { name, email, password, remember = true } = input.data;
      const result = await attempt(email, () => core.auth.signUp({ name, email, password }), (code) => code === 'EMAIL_TAKEN');
      return result.ok ? ok(await accounts.adopt(result.value, remember)) : result;
    }),

    [INVOKE_CHANNELS.signIn]: guarded(INVOKE_CHANNELS.signIn, async (payload) => {
      const input = parse(signInSchema, payload);
      if (!input.success) return fail(invalidInput(input.error));
      const { email, password, remember } = input.data;
      const result = await attempt(email, () => core.auth.signIn({ email, password }), (code) => code === 'INVALID_CREDENTIALS');
      return result.ok ? ok(await accounts.adopt(result.value, remember)) : result;
    }),

    [INVOKE_CHANNELS.signOut]: guarded(INVOKE_CHANNELS.signOut, async (payload) => {
      const input = parse(noPayloadSchema, payload);
      if (!input.success) return fail(invalidInput(input.error));
      // The current account only; when another account is signed in, it becomes current (and the window is told).
      await accounts.signOut();
      return ok(null);
    }),

    [INVOKE_CHANNELS.session]: guarded(INVOKE_CHANNELS.session, async (payload) => {
      const input = parse(noPayloadSchema, payload);
      if (!input.success) return fail(invalidInput(input.error));
      return ok(await accounts.current());
    }),

    [INVOKE_CHANNELS.accessToken]: guarded(INVOKE_CHANNELS.accessToken, async (payload) => {
      const input = parse(accessTokenSchema, payload);
      if (!input.success) return fail(invalidInput(input.error));
      const current = await accounts.currentSession();
      if (!current) return fail({ code: 'SESSION_EXPIRED', message: 'You are signed out. Please sign in.' });
      try {
        let grant = await core.tokens.getAccessToken(current.token, { forceRefresh: input.data.forceRefresh === true });
        if (grant.expiresAt - now() < MIN_TOKEN_LIFETIME_MS) {
          grant = await core.tokens.getAccessToken(current.token, { forceRefresh: true });
        }
        return ok({ token: grant.token, expiresAt: grant.expiresAt, apiBaseUrl: core.apiBaseUrl });
      } catch (error) {
        if (error instanceof AuthError && error.code === 'SESSION_EXPIRED') await accounts.expire(current.userId);
        throw error;
      }
    }),

    [INVOKE_CHANNELS.appInfo]: guarded(
      INVOKE_CHANNELS.appInfo,
      (payload) => {
        const input = parse(noPayloadSchema, payload);
        if (!input.success) return Promise.resolve(fail(invalidInput(input.error)));
        return Promise.resolve(
          ok({
            version: appInfo.version,
            dataDir: core.dataDir,
            canPersistSession: sessionStore.canPersist,
            persistenceNote: sessionStore.persistenceNote,
            api: apiInfo(),
          }),
        );
      },
      false,
    ),

    [INVOKE_CHANNELS.setApiPort]: guarded(
      INVOKE_CHANNELS.setApiPort,
      (payload) => {
        const input = parse(setApiPortSchema, payload);
        if (!input.success) return Promise.resolve(fail(invalidInput(input.error)));
        if (!deps.apiPort) return Promise.resolve(fail({ code: 'INTERNAL', message: 'The API port cannot be changed here.' }));
        deps.apiPort.set(input.data.port);
        return Promise.resolve(ok(apiInfo()));
      },
      false,
    ),
  };
}
