// Signing in with email + password, for what only a signed-in session may do: creating, listing and revoking
// personal access tokens (`tasks login`, `tasks token ...`). The session is signed out again right after.
import { hostname } from 'node:os';
import type { ApiClient } from './api-client.ts';
import { unauthorized, usageError } from './cli-error.ts';
import type { CliContext } from './context.ts';
import { jwtSubject } from './context.ts';
import { ask, readAll } from './prompt.ts';

export interface Session {
  userId: string;
  email: string;
  /** The access JWT: the bearer for token management. */
  jwt: string;
  /** "/api/{userId}" */
  base: string;
  /** Signs the session out (a no-op when the JWT came from TASKS_TOKEN). */
  end(): Promise<void>;
}

export interface PasswordOptions {
  email?: string;
  passwordStdin?: boolean;
}

export function defaultTokenName(): string {
  return `tasks CLI on ${hostname()}`;
}

async function credentials(
  ctx: CliContext,
  options: PasswordOptions,
): Promise<{ email: string; password: string }> {
  const tty = ctx.streams.stdin.isTTY === true;
  let email = options.email ?? ctx.storedLogin()?.email;
  if (!email) {
    if (!tty || options.passwordStdin) throw usageError('Give --email (there is no terminal to ask on).');
    email = (await ask(ctx.streams, 'Email: ')).trim();
  }
  let password: string;
  if (options.passwordStdin) password = await readAll(ctx.streams.stdin);
  else if (tty) password = await ask(ctx.streams, `Password for ${email}: `, { hidden: true });
  else {
    throw unauthorized(
      'This needs your password, and there is no terminal to ask on.',
      'Run it on a terminal, or pass --email and --password-stdin.',
    );
  }
  if (!email || !password) throw usageError('Email and password must not be empty.');
  return { email, password };
}

export async function signIn(client: ApiClient, email: string, password: string): Promise<Session> {
  const signedIn = await client.json<{ token: string; user: { id: string; email: string } }>(
    'POST',
    '/api/auth/sign-in/email',
    { body: { email, password }, token: null },
  );
  const end = async () => {
    await client
      .send('POST', '/api/auth/sign-out', { body: {}, token: signedIn.token })
      .catch(() => undefined);
  };
  try {
    const { token: jwt } = await client.json<{ token: string }>('GET', '/api/auth/token', {
      token: signedIn.token,
    });
    const userId = signedIn.user.id;
    return { userId, email: signedIn.user.email, jwt, base: `/api/${encodeURIComponent(userId)}`, end };
  } catch (error) {
    await end();
    throw error;
  }
}

/** A session for token management: TASKS_TOKEN when it is a session JWT, else a sign-in with the password. */
export async function sessionFor(ctx: CliContext, options: PasswordOptions): Promise<Session> {
  const client = ctx.api();
  const envToken = ctx.platform.env.TASKS_TOKEN;
  const sub = envToken ? jwtSubject(envToken) : null;
  if (envToken && sub) {
    return {
      userId: sub,
      email: '',
      jwt: envToken,
      base: `/api/${encodeURIComponent(sub)}`,
      end: () => Promise.resolve(),
    };
  }
  const { email, password } = await credentials(ctx, options);
  return signIn(client, email, password);
}
