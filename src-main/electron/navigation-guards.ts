// Keeps every web contents on the app: no navigation away, no new windows (http/https links go to the
// system browser after the URL is checked), no <webview>.
import { shell, type WebContents } from 'electron';
import type { Logger } from '../core/logger.ts';
import { originOf } from './sender-origin.ts';

const MAX_EXTERNAL_URL_LENGTH = 2048;

/** Only plain http(s) URLs with a host and no embedded credentials may be handed to the OS. */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

export interface NavigationGuardOptions {
  /** Origins the window may show: app://tasks (+ the dev server in development). */
  allowedOrigins: readonly string[];
  logger: Logger;
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardNavigation(contents: GuardedContents, { allowedOrigins, logger }: NavigationGuardOptions): void {
  const isAppUrl = (url: string): boolean => {
    const origin = originOf(url);
    return origin !== null && allowedOrigins.includes(origin);
  };

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn('Blocked navigation away from the app', { origin: originOf(event.url) });
  });
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn('Blocked a redirect away from the app', { origin: originOf(event.url) });
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => {
        logger.warn('Could not open a link in the system browser', { error: error instanceof Error ? error.message : typeof error });
      });
    } else {
      logger.warn('Blocked a new window', { origin: originOf(url) });
    }
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('Blocked a <webview>');
  });
}
