// App settings in electron-store (plain JSON, nothing secret): window placement and theme.
import { z } from 'zod';
import { DEFAULT_API_PORT, portNumber } from '../../src-shared/api-discovery.ts';
import type { KeyValueStore } from './key-value-store.ts';
import { parseWindowState, type WindowState } from './window-state.ts';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
const themeSchema = z.enum(THEMES);

export interface Settings {
  windowState(): WindowState;
  saveWindowState(state: WindowState): void;
  theme(): Theme;
  setTheme(theme: Theme): void;
  /** The local API's port (DEFAULT_API_PORT unless changed in Settings). */
  apiPort(): number;
  setApiPort(port: number): void;
}

export function createSettings(kv: KeyValueStore): Settings {
  return {
    windowState: () => parseWindowState(kv.get('window')),
    saveWindowState: (state) => kv.set('window', state),
    theme: () => {
      const parsed = themeSchema.safeParse(kv.get('theme'));
      return parsed.success ? parsed.data : 'system';
    },
    setTheme: (theme) => kv.set('theme', themeSchema.parse(theme)),
    apiPort: () => {
      const parsed = portNumber.safeParse(kv.get('apiPort'));
      return parsed.success ? parsed.data : DEFAULT_API_PORT;
    },
    setApiPort: (port) => kv.set('apiPort', portNumber.parse(port)),
  };
}
