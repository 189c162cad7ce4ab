// Pushes `auth:session-changed` to every app window.
import { BrowserWindow } from 'electron';
import { EVENT_CHANNELS, type SessionChangedEvent } from '../../src-preload/contract.ts';

export function broadcastSessionChange(event: SessionChangedEvent): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(EVENT_CHANNELS.sessionChanged, event);
  }
}
