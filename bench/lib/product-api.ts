// The product's HTTP API as the benchmark uses it: sign up, get an access JWT, create tasks.
import { runPool, type HttpClient } from './http-client.ts';
import type { SeedTask } from './task-data.ts';

export interface BenchUser {
  userId: string;
  /** Better Auth session token (bearer plugin); exchanged for short-lived access JWTs. */
  sessionToken: string;
}

export async function signUp(client: HttpClient, email: string): Promise<BenchUser> {
  // A throwaway account in a throwaway data dir; the password never leaves this process.
  const password = `bench-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const res = await client.request('POST', '/api/auth/sign-up/email', {
    json: { name: 'Bench', email, password },
  });
  if (res.status !== 200)
    throw new Error(`sign-up: expected 200, got ${res.status}: ${res.body.slice(0, 300)}`);
  const body = JSON.parse(res.body) as { token?: string; user?: { id?: string } };
  const sessionToken = body.token ?? res.headers['set-auth-token'];
  if (typeof sessionToken !== 'string' || typeof body.user?.id !== 'string') {
    throw new Error('sign-up: response has no session token or user id');
  }
  return { userId: body.user.id, sessionToken };
}

/** A fresh access JWT (valid 15 min): take one before each phase. */
export async function accessToken(client: HttpClient, user: BenchUser): Promise<string> {
  const { token } = await client.json<{ token: string }>('GET', '/api/auth/token', 200, {
    bearer: user.sessionToken,
  });
  return token;
}

/** Creates the tasks through POST /api/{user}/tasks, `concurrency` requests in flight. */
export async function createTasks(
  client: HttpClient,
  user: BenchUser,
  jwt: string,
  tasks: readonly SeedTask[],
  concurrency = 32,
): Promise<void> {
  await runPool(tasks.length, concurrency, async (i) => {
    await client.json('POST', `/api/${user.userId}/tasks`, 201, { bearer: jwt, json: tasks[i] });
  });
}
