// Where the desktop app keeps its data and where the CLI keeps its login, per platform.
// The data directory mirrors Electron's app.getPath('userData') for productName "Tasks Desktop", plus /data
// (src-main/index.ts); the CLI cannot ask Electron, so it computes the same path.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Tasks Desktop';
/** The CLI's own config folder name (not Electron's userData: that one belongs to the app). */
const CLI_CONFIG_NAME = 'tasks-desktop';

export interface PlatformEnv {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

export function currentPlatform(): PlatformEnv {
  return { platform: process.platform, env: process.env, home: homedir() };
}

/** The per-user application-data root: %APPDATA%, ~/Library/Application Support, or $XDG_CONFIG_HOME. */
function appDataRoot({ platform, env, home }: PlatformEnv): string {
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

/** The desktop app's default data directory (where it writes api.json). */
export function defaultDataDir(p: PlatformEnv = currentPlatform()): string {
  return join(appDataRoot(p), PRODUCT_NAME, 'data');
}

/** The CLI's config directory: TASKS_CONFIG_DIR, else a `tasks-desktop` folder in the user's config root. */
export function configDir(p: PlatformEnv = currentPlatform()): string {
  return p.env.TASKS_CONFIG_DIR || join(appDataRoot(p), CLI_CONFIG_NAME);
}
