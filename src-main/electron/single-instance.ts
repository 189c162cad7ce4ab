// One app instance per user: a second launch focuses the existing window and exits.
import type { App, BrowserWindow } from 'electron';

type FocusableWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'>;

export function focusWindow(window: FocusableWindow | null | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** False when another instance holds the lock (this one should quit). `onSecondLaunch` focuses the window. */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'on'>, onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => onSecondLaunch());
  return true;
}
