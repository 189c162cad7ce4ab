// Desktop glue for reminders: a native notification per due reminder of the signed-in account (clicking focuses
// the window on the task), one summary of what was missed while the app was closed, and a re-check when the
// machine wakes or the screen unlocks (timers do not run during sleep). The scheduling itself is in
// src-main/schedule/ and tested in plain Node.
import type { BrowserWindow, PowerMonitor } from 'electron';
import { EVENT_CHANNELS, type OpenTaskEvent } from '../../src-preload/contract.ts';
import type { Logger } from '../core/logger.ts';
import type { DueReminder, ReminderListener } from '../schedule/reminder-events.ts';

/** What the glue needs of Electron's Notification (the fake electron module provides the same). */
interface ShownNotification {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}
type NotificationClass = new (options: { title: string; body: string }) => ShownNotification;

export interface ReminderNotificationDeps {
  reminders: { subscribe(listener: ReminderListener): () => void; check(): Promise<void> };
  Notification: NotificationClass & { isSupported(): boolean };
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>;
  /** The account signed in to the window, or null: other accounts' reminders are never shown here. */
  currentUserId: () => string | null;
  /** The main window, focused (re-created if it was closed). */
  showWindow: () => BrowserWindow;
  logger: Logger;
}

function dueText(r: DueReminder): string {
  if (r.kind === 'snooze') return 'Snoozed reminder';
  if (r.dueAt)
    return `Due ${new Date(r.dueAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`;
  if (r.dueDate) return `Due ${r.dueDate}`;
  return 'Reminder';
}

/** Starts showing reminders; returns the function that stops it. */
export function showReminderNotifications(deps: ReminderNotificationDeps): () => void {
  const { Notification, logger } = deps;
  const openTask = (taskId: string | null) => {
    const window = deps.showWindow();
    if (taskId !== null && !window.webContents.isDestroyed()) {
      const event: OpenTaskEvent = { taskId };
      window.webContents.send(EVENT_CHANNELS.openTask, event);
    }
  };
  const notify = (title: string, body: string, taskId: string | null) => {
    if (!Notification.isSupported()) {
      logger.warn('native notifications are not supported here; reminder not shown');
      return;
    }
    const notification = new Notification({ title, body });
    notification.on('click', () => openTask(taskId));
    notification.show();
  };
  const unsubscribe = deps.reminders.subscribe({
    due: (reminders) => {
      const user = deps.currentUserId();
      for (const r of reminders) if (r.userId === user) notify(r.title, dueText(r), r.taskId);
    },
    missed: (summaries) => {
      // One summary, without titles (it may cover accounts other than the one that signs in).
      const count = summaries.reduce((sum, s) => sum + s.count, 0);
      if (count === 0) return;
      const single =
        count === 1 && summaries[0]!.userId === deps.currentUserId() ? summaries[0]!.latest[0] : undefined;
      notify(
        count === 1
          ? '1 reminder while Tasks Desktop was closed'
          : `${count} reminders while Tasks Desktop was closed`,
        single ? single.title : 'Open Tasks Desktop to see them.',
        single ? single.taskId : null,
      );
    },
  });
  const recheck = () => void deps.reminders.check();
  deps.powerMonitor.on('resume', recheck);
  deps.powerMonitor.on('unlock-screen', recheck);
  return () => {
    unsubscribe();
    deps.powerMonitor.removeListener('resume', recheck);
    deps.powerMonitor.removeListener('unlock-screen', recheck);
  };
}
