// The reminder glue with the fake electron module: native notifications for the signed-in account only, a click
// focuses the window and opens the task, one summary for missed reminders, a re-check on resume and unlock.
import type { BrowserWindow, PowerMonitor } from 'electron';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS } from '../../src-preload/contract.ts';
import { silentLogger } from '../core/logger.ts';
import type { DueReminder, ReminderListener } from '../schedule/reminder-events.ts';
import { showReminderNotifications } from './reminder-notifications.ts';
import { focusWindow } from './single-instance.ts';
import { createFakeElectron } from './test-support/fake-electron.ts';

function setup(user: string | null = 'alice') {
  const fake = createFakeElectron();
  const listeners = new Set<ReminderListener>();
  let checks = 0;
  const window = new fake.module.BrowserWindow({ width: 800, height: 600 });
  window.minimized = true;
  const stop = showReminderNotifications({
    reminders: {
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      check: () => {
        checks += 1;
        return Promise.resolve();
      },
    },
    Notification: fake.Notification,
    powerMonitor: fake.powerMonitor as unknown as PowerMonitor,
    currentUserId: () => user,
    showWindow: () => {
      focusWindow(window);
      return window as unknown as BrowserWindow;
    },
    logger: silentLogger,
  });
  return { fake, listeners, window, stop, checks: () => checks };
}

const reminder = (over: Partial<DueReminder>): DueReminder => ({
  userId: 'alice',
  taskId: 't1',
  title: 'Pay rent',
  fireAt: '2026-03-01T08:00:00.000Z',
  kind: 'reminder',
  dueAt: null,
  dueDate: '2026-03-01',
  ...over,
});

describe('reminder notifications', () => {
  it("shows the signed-in account's reminders; a click focuses the window on the task", () => {
    const s = setup();
    for (const l of s.listeners)
      l.due?.([reminder({}), reminder({ userId: 'bob', taskId: 't2', title: 'Bob only' })]);
    expect(s.fake.notifications.map((n) => n.options)).toEqual([
      { title: 'Pay rent', body: 'Due 2026-03-01' },
    ]);
    s.fake.notifications[0]!.click();
    expect(s.window).toMatchObject({ minimized: false, shown: true, focused: true });
    expect(s.window.webContents.sent).toEqual([
      { channel: EVENT_CHANNELS.openTask, args: [{ taskId: 't1' }] },
    ]);
  });

  it("summarises missed reminders once, without other accounts' titles", () => {
    const s = setup();
    for (const l of s.listeners) {
      l.missed?.([
        { userId: 'alice', count: 2, latest: [reminder({}), reminder({ taskId: 't0' })] },
        { userId: 'bob', count: 1, latest: [reminder({ userId: 'bob', title: 'Secret' })] },
      ]);
    }
    expect(s.fake.notifications.map((n) => n.options)).toEqual([
      { title: '3 reminders while Tasks Desktop was closed', body: 'Open Tasks Desktop to see them.' },
    ]);
    s.fake.notifications[0]!.click();
    expect(s.window.webContents.sent).toEqual([]);
    expect(s.window.focused).toBe(true);
  });

  it('re-checks on resume and unlock, and stops listening when stopped', () => {
    const s = setup(null);
    s.fake.powerMonitor.emit('resume');
    s.fake.powerMonitor.emit('unlock-screen');
    expect(s.checks()).toBe(2);
    for (const l of s.listeners) l.due?.([reminder({})]);
    expect(s.fake.notifications).toEqual([]); // nobody signed in
    s.stop();
    expect(s.listeners.size).toBe(0);
    s.fake.powerMonitor.emit('resume');
    expect(s.checks()).toBe(2);
  });

  it('says so in the log instead of failing where notifications are unsupported', () => {
    const s = setup();
    s.fake.Notification.supported = false;
    for (const l of s.listeners) l.due?.([reminder({})]);
    expect(s.fake.notifications).toEqual([]);
  });
});
