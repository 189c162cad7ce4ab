// Remembers the window's size, position and maximized state (in electron-store), and puts it back on a
// display that still exists (monitors get unplugged).
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1100, height: 760, maximized: false };

/** A stored value, or the default when it is missing or malformed. */
export function parseWindowState(value: unknown): WindowState {
  const parsed = windowStateSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
}

/** Keeps the size (shrunk to fit) and keeps the position only if enough of the title bar stays visible. */
export function fitToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  if (workAreas.length === 0) return state;
  const largest = workAreas.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  const width = Math.min(state.width, largest.width);
  const height = Math.min(state.height, largest.height);
  const fitted: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return fitted;
  const { x, y } = state;
  // The top strip (title bar) must overlap some display by at least 100 x 20 px.
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(x + width, area.x + area.width) - Math.max(x, area.x);
    const overlapY = Math.min(y + 20, area.y + area.height) - Math.max(y, area.y);
    return overlapX >= 100 && overlapY >= 20;
  });
  return visible ? { ...fitted, x, y } : fitted;
}

type TrackedWindow = Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'isDestroyed' | 'on'>;

/** Saves the state after moves/resizes settle (debounced) and when the window closes. */
export function trackWindowState(window: TrackedWindow, save: (state: WindowState) => void, debounceMs = 500): void {
  let timer: NodeJS.Timeout | undefined;
  const snapshot = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    const { x, y, width, height } = window.getNormalBounds();
    save({ x, y, width, height, maximized: window.isMaximized() });
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(snapshot, debounceMs);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', snapshot);
}
