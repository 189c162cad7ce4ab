// The account switcher over the IPC contract the window uses, against the real core: two accounts signed in at
// once, switching without a password, signing out of one, and both back after a restart.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PASSWORD, realShellFixture, type RealShellFixture } from './test-support/real-shell.ts';

vi.mock('electron', () => ({ default: {} }));

describe('account switcher over IPC with the real core', () => {
  let fixture: RealShellFixture;
  beforeEach(async () => {
    fixture = await realShellFixture();
  });
  afterEach(async () => {
    await fixture.cleanup();
  });

  it('two accounts signed in at once; switching needs no password and the access token follows the account', async () => {
    const shell = await fixture.launch();
    const ada = await shell.call('auth:sign-up', { name: 'Ada Lovelace', email: 'ada@example.com', password: PASSWORD });
    expect((await shell.api(`/api/${ada.user.id}/tasks`, { method: 'POST', body: JSON.stringify({ title: 'Ada task' }) })).status).toBe(201);
    // "Add account": signing up another keeps Ada signed in.
    const bob = await shell.call('auth:sign-up', { name: 'Bob Bell', email: 'bob@example.com', password: PASSWORD });
    expect((await shell.call('accounts:list')).map((a) => [a.email, a.current, a.signedIn])).toEqual([
      ['bob@example.com', true, true],
      ['ada@example.com', false, true],
    ]);
    // The renderer holds only the current account's token: Bob's JWT cannot read Ada's tasks.
    expect((await shell.api(`/api/${ada.user.id}/tasks`)).status).toBe(403);

    await expect(shell.call('accounts:switch', { userId: ada.user.id })).resolves.toMatchObject({ user: { id: ada.user.id } });
    expect(shell.events.at(-1)).toMatchObject({ reason: 'switched', session: { user: { id: ada.user.id } } });
    const listed = (await (await shell.api(`/api/${ada.user.id}/tasks`)).json()) as { items: Array<{ title: string }> };
    expect(listed.items.map((t) => t.title)).toEqual(['Ada task']);
    expect((await shell.api(`/api/${bob.user.id}/tasks`)).status).toBe(403);

    // Next start: both still signed in, Ada current.
    await shell.core.stop();
    const again = await fixture.launch();
    await expect(again.call('auth:session')).resolves.toMatchObject({ user: { id: ada.user.id } });
    await expect(again.call('accounts:switch', { userId: bob.user.id })).resolves.toMatchObject({ user: { id: bob.user.id } });
    expect((await again.api(`/api/${bob.user.id}/tasks`)).status).toBe(200);
  });

  it('signing out of one account revokes only its session; the other keeps working', async () => {
    const shell = await fixture.launch();
    const ada = await shell.call('auth:sign-up', { name: 'Ada', email: 'ada@example.com', password: PASSWORD });
    const adaJwt = (await shell.call('auth:access-token')).token;
    const bob = await shell.call('auth:sign-up', { name: 'Bob', email: 'bob@example.com', password: PASSWORD });

    await expect(shell.call('accounts:sign-out', { userId: ada.user.id })).resolves.toMatchObject({ user: { id: bob.user.id } });
    const refused = await fetch(`${shell.core.apiBaseUrl}/api/${ada.user.id}/tasks`, { headers: { Authorization: `Bearer ${adaJwt}` } });
    expect(refused.status).toBe(401);
    expect((await shell.api(`/api/${bob.user.id}/tasks`)).status).toBe(200);
    expect((await shell.call('accounts:list')).map((a) => a.email)).toEqual(['bob@example.com']);

    // Signing out of the current (last) one signs the window out.
    await shell.call('auth:sign-out');
    await expect(shell.call('auth:session')).resolves.toBeNull();
    expect(shell.events.at(-1)).toEqual({ session: null, reason: 'signed-out' });
  });

  it('refuses bad payloads with INVALID_INPUT and an unknown account with NOT_FOUND, changing nothing', async () => {
    const shell = await fixture.launch();
    const ada = await shell.call('auth:sign-up', { name: 'Ada', email: 'ada@example.com', password: PASSWORD });
    for (const payload of [undefined, null, {}, { userId: '' }, { userId: 7 }, { userId: 'a/b' }, { userId: ada.user.id, extra: 1 }, 'x'.repeat(200)]) {
      await expect(shell.handlers['accounts:switch'](payload)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      await expect(shell.handlers['accounts:sign-out'](payload)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    await expect(shell.handlers['accounts:list']({ x: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await expect(shell.handlers['accounts:switch']({ userId: 'someoneElse' })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await expect(shell.call('auth:session')).resolves.toMatchObject({ user: { id: ada.user.id } });
  });
});
