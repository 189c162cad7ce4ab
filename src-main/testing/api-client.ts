// Test support (not a test): JSON calls to a test core as a given user, and reading the one error shape.
import type { TestCore, TestUser } from './test-core.ts';

export interface ApiErrorSeen {
  status: number;
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}

export interface UserClient {
  call(method: string, path: string, body?: unknown): Promise<Response>;
  /** Calls and parses the JSON answer, failing unless the status is `status`. */
  json<T>(method: string, path: string, body: unknown, status: number): Promise<T>;
  /** Calls and returns the error answer, failing unless the status is `status`. */
  error(method: string, path: string, body: unknown, status: number): Promise<ApiErrorSeen>;
}

export function userClient(test: TestCore, user: TestUser): UserClient {
  const call = (method: string, path: string, body?: unknown) =>
    test.api(path, { method, headers: user.headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const expectStatus = async (response: Response, status: number, what: string) => {
    if (response.status !== status) {
      throw new Error(`${what}: expected ${status}, got ${response.status}: ${await response.text()}`);
    }
  };
  return {
    call,
    async json<T>(method: string, path: string, body: unknown, status: number): Promise<T> {
      const response = await call(method, path, body);
      await expectStatus(response, status, `${method} ${path}`);
      return (await response.json()) as T;
    },
    async error(method: string, path: string, body: unknown, status: number): Promise<ApiErrorSeen> {
      const response = await call(method, path, body);
      await expectStatus(response, status, `${method} ${path}`);
      const { error } = (await response.json()) as { error: Omit<ApiErrorSeen, 'status'> };
      return { status: response.status, ...error };
    },
  };
}
