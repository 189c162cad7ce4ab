// Single instance and quitting, with the fake electron app.
import { describe, expect, it, vi } from 'vitest';
import type { App } from 'electron';
import { silentLogger } from '../core/logger.ts';
import { stopServicesOnQuit } from './quit.ts';
import { claimSingleInstance, focusWindow } from './single-instance.ts';
import { createFakeElectron, fakeEvent } from './test-support/fake-electron.ts';

const asApp = (fake: ReturnType<typeof createFakeElectron>) => fake.app as unknown as App;

describe('single instance', () => {
  it('the first instance keeps running and focuses its window when launched again', () => {
    const fake = createFakeElectron();
    const window = new fake.module.BrowserWindow({ width: 800, height: 600 });
    window.minimized = true;
    expect(claimSingleInstance(asApp(fake), () => focusWindow(window))).toBe(true);
    fake.app.emit('second-instance', fakeEvent(), ['tasks-desktop'], '/');
    expect(window).toMatchObject({ minimized: false, shown: true, focused: true });
  });

  it('a second instance is told to quit', () => {
    const fake = createFakeElectron();
    fake.state.singleInstanceLock = false;
    const onSecondLaunch = vi.fn();
    expect(claimSingleInstance(asApp(fake), onSecondLaunch)).toBe(false);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
  });
});

describe('quitting', () => {
  it('holds the quit until the services have stopped, then quits once', async () => {
    const fake = createFakeElectron();
    let finishStop: () => void = () => {};
    const stop = vi.fn(() => new Promise<void>((resolve) => (finishStop = resolve)));
    stopServicesOnQuit(asApp(fake), stop, silentLogger);

    const first = fakeEvent();
    fake.app.emit('will-quit', first);
    const again = fakeEvent();
    fake.app.emit('will-quit', again);
    expect(first.defaultPrevented && again.defaultPrevented).toBe(true);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(fake.state.quitCalls).toBe(0);

    finishStop();
    await vi.waitFor(() => expect(fake.state.quitCalls).toBe(1));
    const last = fakeEvent();
    fake.app.emit('will-quit', last);
    expect(last.defaultPrevented).toBe(false);
  });

  it('still quits when stopping fails', async () => {
    const fake = createFakeElectron();
    stopServicesOnQuit(asApp(fake), () => Promise.reject(new Error('busy')), silentLogger);
    fake.app.emit('will-quit', fakeEvent());
    await vi.waitFor(() => expect(fake.state.quitCalls).toBe(1));
  });
});
