// Test support (not a test): one scenario for how sign-up/sign-in failures cross IPC, run against the fake core
// (ipc-handlers.test.ts) and the real one (ipc-handlers.integration.test.ts), so both check the same mapping.
import { expect } from 'vitest';
import type { IpcHandlers } from '../ipc-handlers.ts';

export async function expectStableAuthErrorCodes(handlers: IpcHandlers, password: string): Promise<void> {
  await expect(handlers['auth:sign-up']({ name: 'A', email: 'a@example.com', password: 'short' })).resolves.toMatchObject({
    ok: false,
    error: { code: 'WEAK_PASSWORD' },
  });
  await handlers['auth:sign-up']({ name: 'A', email: 'a@example.com', password });
  await expect(handlers['auth:sign-up']({ name: 'A', email: 'a@example.com', password })).resolves.toMatchObject({
    ok: false,
    error: { code: 'EMAIL_TAKEN' },
  });
  await expect(handlers['auth:sign-in']({ email: 'a@example.com', password: 'not the password', remember: false })).resolves.toMatchObject({
    ok: false,
    error: { code: 'INVALID_CREDENTIALS' },
  });
}
