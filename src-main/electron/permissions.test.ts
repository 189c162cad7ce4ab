import { describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { silentLogger } from '../core/logger.ts';
import { denyPermissions } from './permissions.ts';
import { createFakeElectron } from './test-support/fake-electron.ts';

function installed() {
  const fake = createFakeElectron();
  denyPermissions(fake.module.session.defaultSession as unknown as Session, ['app://tasks'], silentLogger);
  const request = (permission: string, requestingUrl: string) =>
    new Promise<boolean>((resolve) => fake.permission.request?.({ getURL: () => requestingUrl }, permission, resolve, { requestingUrl }));
  return { fake, request };
}

describe('permissions', () => {
  it('denies every permission request, from the app too', async () => {
    const { request } = installed();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'unknown']) {
      await expect(request(permission, 'app://tasks/index.html')).resolves.toBe(false);
    }
  });

  it('answers every permission check with false', () => {
    const { fake } = installed();
    for (const permission of ['media', 'notifications', 'hid', 'serial']) {
      expect(fake.permission.check?.(null, permission, 'app://tasks', {})).toBe(false);
    }
    expect(fake.permission.device?.({ deviceType: 'usb', origin: 'app://tasks' })).toBe(false);
  });

  it('lets only the app itself reach its loopback API (Local Network Access)', async () => {
    const { fake, request } = installed();
    await expect(request('loopback-network', 'app://tasks/index.html')).resolves.toBe(true);
    await expect(request('loopback-network', 'https://evil.example/')).resolves.toBe(false);
    expect(fake.permission.check?.(null, 'local-network-access', 'app://tasks', {})).toBe(true);
    expect(fake.permission.check?.(null, 'local-network-access', 'https://evil.example', {})).toBe(false);
  });
});
