// Stops the services (HTTP server, auth, SQLite checkpoint + close) before the process exits.
import type { App } from 'electron';
import type { Logger } from '../core/logger.ts';

type QuittingApp = Pick<App, 'on' | 'quit'>;

export function stopServicesOnQuit(app: QuittingApp, stop: () => Promise<void>, logger: Logger): void {
  let phase: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('will-quit', (event) => {
    if (phase === 'stopped') return;
    event.preventDefault();
    if (phase === 'stopping') return;
    phase = 'stopping';
    stop()
      .catch((error: unknown) => {
        logger.error('Stopping the services failed', { error: error instanceof Error ? error.message : typeof error });
      })
      .finally(() => {
        phase = 'stopped';
        app.quit();
      });
  });
}
