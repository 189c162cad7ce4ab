// Denies every permission (camera, notifications, geolocation, HID/USB/serial, ...) for every page.
// One narrow exception: Chromium's Local Network Access asks before a page talks to loopback, and the app
// itself must reach its local API on 127.0.0.1; only the app's own origins get that.
import type { Session } from 'electron';
import type { Logger } from '../core/logger.ts';
import { originOf } from './sender-origin.ts';

const LOOPBACK_PERMISSIONS: ReadonlySet<string> = new Set(['loopback-network', 'local-network-access', 'local-network']);

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

export function isPermissionGranted(permission: string, requestingUrl: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(requestingUrl);
  return LOOPBACK_PERMISSIONS.has(permission) && origin !== null && allowedOrigins.includes(origin);
}

export function denyPermissions(session: PermissionSession, allowedOrigins: readonly string[], logger: Logger): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details.requestingUrl ?? contents.getURL(), allowedOrigins);
    if (!granted) logger.warn('Denied a permission request', { permission });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, allowedOrigins),
  );
  session.setDevicePermissionHandler(() => false);
}
