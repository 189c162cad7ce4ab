import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { DEFAULT_WINDOW_STATE, fitToDisplays, parseWindowState, trackWindowState, type WindowState } from './window-state.ts';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe('window state', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('falls back to the default for missing or malformed stored values', () => {
    expect(parseWindowState(undefined)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState({ width: 'wide', height: 10 })).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState({ x: 5, y: 6, width: 800, height: 600, maximized: true })).toEqual({ x: 5, y: 6, width: 800, height: 600, maximized: true });
  });

  it('keeps a position that is still on a display', () => {
    expect(fitToDisplays({ x: 100, y: 50, width: 800, height: 600, maximized: false }, [screen])).toEqual({ x: 100, y: 50, width: 800, height: 600, maximized: false });
  });

  it('drops a position on a display that is gone, and shrinks to the largest display', () => {
    const onUnpluggedMonitor: WindowState = { x: 2500, y: 100, width: 3000, height: 2000, maximized: false };
    expect(fitToDisplays(onUnpluggedMonitor, [screen])).toEqual({ width: 1920, height: 1040, maximized: false });
    // Title bar above the top edge: not reachable, so centered instead.
    expect(fitToDisplays({ x: 100, y: -500, width: 800, height: 600, maximized: false }, [screen])).not.toHaveProperty('x');
  });

  it('saves after moves settle and on close', () => {
    vi.useFakeTimers();
    const window = Object.assign(new EventEmitter(), {
      bounds: { x: 1, y: 2, width: 900, height: 700 },
      getNormalBounds() {
        return this.bounds;
      },
      isMaximized: () => false,
      isDestroyed: () => false,
    });
    const saved: WindowState[] = [];
    trackWindowState(window as unknown as BrowserWindow, (state) => saved.push(state), 500);

    window.emit('move');
    window.bounds = { x: 30, y: 40, width: 900, height: 700 };
    window.emit('move');
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(saved).toEqual([{ x: 30, y: 40, width: 900, height: 700, maximized: false }]);

    window.bounds = { x: 30, y: 40, width: 1000, height: 800 };
    window.emit('resize');
    window.emit('close');
    expect(saved.at(-1)).toEqual({ x: 30, y: 40, width: 1000, height: 800, maximized: false });
    vi.advanceTimersByTime(1000);
    expect(saved).toHaveLength(2);
  });
});
