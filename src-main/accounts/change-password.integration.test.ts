// Change password over the IPC contract the window uses, against the real core.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PASSWORD, realShellFixture, type RealShellFixture } from './test-support/real-shell.ts';

vi.mock('electron', () => ({ default: {} }));

const NEW_PASSWORD = 'a brand new passphrase';

describe('change password over IPC with the real core', () => {
  let fixture: RealShellFixture;
  beforeEach(async () => {
    fixture = await realShellFixture();
  });
  afterEach(async () => {
    await fixture.cleanup();
  });

  it('needs the current password; the new one signs in, the old one no longer does; other sessions stay without the option', async () => {
    const shell = await fixture.launch();
    const ada = await shell.call('auth:sign-up', { name: 'Ada', email: 'ada@example.com', password: PASSWORD });
    await expect(
      shell.handlers['account:change-password']({ currentPassword: 'not the password', newPassword: NEW_PASSWORD, signOutOtherDevices: false }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    await expect(
      shell.handlers['account:change-password']({ currentPassword: PASSWORD, newPassword: 'short', signOutOtherDevices: false }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    const other = await shell.core.auth.signIn({ email: 'ada@example.com', password: PASSWORD }); // another device

    await expect(shell.call('account:change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, signOutOtherDevices: false })).resolves.toEqual({
      signedOutOtherDevices: false,
    });
    await expect(shell.core.auth.signIn({ email: 'ada@example.com', password: PASSWORD })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(shell.core.auth.signIn({ email: 'ada@example.com', password: NEW_PASSWORD })).resolves.toMatchObject({ user: { id: ada.user.id } });
    await expect(shell.core.auth.getSession(other.sessionToken)).resolves.not.toBeNull();
    expect((await shell.api(`/api/${ada.user.id}/tasks`)).status).toBe(200);
  });

  it('with the option: other sessions end and personal access tokens are revoked; the window goes on, also after a restart', async () => {
    const shell = await fixture.launch();
    const ada = await shell.call('auth:sign-up', { name: 'Ada', email: 'ada@example.com', password: PASSWORD });
    const bob = await shell.call('auth:sign-up', { name: 'Bob', email: 'bob@example.com', password: PASSWORD });
    await shell.call('accounts:switch', { userId: ada.user.id });
    const created = await shell.api(`/api/${ada.user.id}/tokens`, { method: 'POST', body: JSON.stringify({ name: 'script', scopes: ['tasks:read'], expiresInDays: null }) });
    expect(created.status).toBe(201);
    const pat = ((await created.json()) as { token: string }).token;
    expect(pat).toMatch(/^tdpat_/);
    const patRead = () => fetch(`${shell.core.apiBaseUrl}/api/${ada.user.id}/tasks`, { headers: { Authorization: `Bearer ${pat}` } });
    expect((await patRead()).status).toBe(200);
    const other = await shell.core.auth.signIn({ email: 'ada@example.com', password: PASSWORD });

    await expect(shell.call('account:change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, signOutOtherDevices: true })).resolves.toEqual({
      signedOutOtherDevices: true,
    });
    await expect(shell.core.auth.getSession(other.sessionToken)).resolves.toBeNull();
    await vi.waitFor(async () => expect((await patRead()).status).toBe(401));
    expect((await shell.api(`/api/${ada.user.id}/tasks`)).status).toBe(200);
    // Bob, another account on this machine, is untouched.
    await shell.call('accounts:switch', { userId: bob.user.id });
    expect((await shell.api(`/api/${bob.user.id}/tasks`)).status).toBe(200);

    await shell.core.stop();
    const again = await fixture.launch();
    await expect(again.call('accounts:switch', { userId: ada.user.id })).resolves.toMatchObject({ user: { id: ada.user.id } });
    expect((await again.api(`/api/${ada.user.id}/tasks`)).status).toBe(200);
  });

  it('refuses bad payloads with INVALID_INPUT, without echoing them', async () => {
    const shell = await fixture.launch();
    await shell.call('auth:sign-up', { name: 'Ada', email: 'ada@example.com', password: PASSWORD });
    for (const payload of [undefined, {}, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { currentPassword: PASSWORD, newPassword: 'x'.repeat(5000), signOutOtherDevices: false }, { currentPassword: 7, newPassword: NEW_PASSWORD, signOutOtherDevices: 'yes' }]) {
      const result = await shell.handlers['account:change-password'](payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(JSON.stringify(result)).not.toContain(PASSWORD);
    }
  });
});
