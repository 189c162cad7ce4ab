// The HTTP API as the signed-in user of a harness (the latest access token main gave the page), for tests that
// set up data the way a script would and read back what the window should agree with.
import type { Harness } from './app-harness.ts';

export interface UserApi {
  userId: string;
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function apiAs(h: Harness): Promise<UserApi> {
  const headers = () => ({
    Authorization: `Bearer ${[...h.issuedTokens].at(-1)!}`,
    'Content-Type': 'application/json',
  });
  const raw = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${h.core.apiBaseUrl}${path}`, {
      method,
      headers: headers(),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  // Wait until main has handed the page a token (sign-up resolves before its first request).
  for (const until = Date.now() + 10_000; h.issuedTokens.size === 0; ) {
    if (Date.now() > until) throw new Error('the page never got an access token');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const me = await raw<{ id: string }>('GET', '/api/me');
  return { userId: me.id, call: (method, path, body) => raw(method, path.replace('{me}', me.id), body) };
}
