import { afterEach, describe, expect, it } from 'vitest';
import type { Task } from '../../src-shared/task-schemas.ts';
import { accessToken, PASSWORD, signUp, startTestCore, type TestCore } from '../testing/test-core.ts';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close().catch(() => {});
});

async function started(): Promise<TestCore> {
  const test = await startTestCore();
  cores.push(test);
  return test;
}

describe('startCore', () => {
  it('keeps users, tasks and signing keys across a restart', async () => {
    const test = await started();
    const user = await signUp(test);
    const created = await test.api(`/api/${user.id}/tasks`, {
      method: 'POST',
      headers: user.headers,
      body: JSON.stringify({ title: 'survives restarts' }),
    });
    const task = (await created.json()) as Task;

    await test.restart();
    // The JWT minted before the restart still verifies: keys live in the database.
    const read = await test.api(`/api/${user.id}/tasks/${task.id}`, { headers: user.headers });
    expect(await read.json()).toEqual(task);
    // The session survives too, and signing in again works.
    expect(await accessToken(test, user.sessionToken)).toMatch(/^ey/);
    const signIn = await test.api('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
  });

  it('refuses to start with a changed secret, and starts again with the right one', async () => {
    const test = await started();
    await signUp(test);
    const original = test.secretStore.value;
    await test.core.stop();
    test.secretStore.value = Buffer.alloc(32, 7).toString('base64url');
    await expect(test.restart()).rejects.toMatchObject({ code: 'SECRET_CHANGED' });
    test.secretStore.value = null;
    await expect(test.restart()).rejects.toMatchObject({ code: 'SECRET_MISSING' });
    test.secretStore.value = original;
    await test.restart();
    expect((await test.api('/api/health')).status).toBe(200);
  });

  it('refuses a short secret', async () => {
    const test = await started();
    await test.core.stop();
    test.secretStore.value = 'too-short';
    await expect(test.restart()).rejects.toMatchObject({ code: 'SECRET_TOO_SHORT' });
  });

  it('stops idempotently', async () => {
    const test = await started();
    await Promise.all([test.core.stop(), test.core.stop()]);
    await expect(fetch(`${test.core.apiBaseUrl}/api/health`)).rejects.toThrow();
  });
});
