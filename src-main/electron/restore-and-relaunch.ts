// Settings → Backups → "Restore this backup": stop the core (API, auth, SQLite; the data-dir lock is released),
// run the same restore as `npm run serve -- --restore FILE` (it verifies the backup and backs up the current
// database first), then relaunch. A failed restore changes nothing, so the app relaunches on the database it had.
import type { App } from 'electron';
import type { Logger } from '../core/logger.ts';

export interface RestoreAndRelaunchDeps {
  app: Pick<App, 'relaunch' | 'exit'>;
  stopCore: () => Promise<void>;
  restore: (backupPath: string) => Promise<unknown>;
  logger: Logger;
}

export function restoreAndRelaunch(deps: RestoreAndRelaunchDeps): (backupPath: string) => Promise<void> {
  let running = false;
  return async (backupPath) => {
    if (running) return; // a second click while the first restore runs
    running = true;
    await deps.stopCore();
    try {
      await deps.restore(backupPath);
      deps.logger.info('backup restored; relaunching', { backup: backupPath });
    } catch (error) {
      deps.logger.error('restoring the backup failed; relaunching on the current database', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    deps.app.relaunch();
    deps.app.exit(0);
  };
}
