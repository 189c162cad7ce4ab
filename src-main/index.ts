// Electron main entry: privileged app:// scheme, single-instance lock, then the desktop shell.
// Everything else lives in src-main/electron/ (one concern per file) and src-main/core/.
import { join, resolve } from 'node:path';
import { app, dialog } from 'electron';
import { createJsonLogger } from './core/logger.ts';
import { registerAppScheme } from './electron/app-protocol.ts';
import { cliArguments, cliBundlePath, runCliMode } from './electron/cli-mode.ts';
import { startDesktop, type DesktopShell } from './electron/desktop-app.ts';
import { offerRecovery } from './electron/recovery-dialog.ts';
import { claimSingleInstance } from './electron/single-instance.ts';

function main(): void {
  const cliArgs = cliArguments(process.argv, app.isPackaged);
  if (cliArgs) {
    void runCliMode(app, cliArgs, cliBundlePath(app, process.resourcesPath));
    return;
  }
  const logger = createJsonLogger();
  registerAppScheme(); // before `ready`
  const outDir = resolve(import.meta.dirname, '..'); // out/main -> out
  let shell: DesktopShell | null = null;

  if (!claimSingleInstance(app, () => shell?.focus())) {
    app.quit();
    return;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  const dataDir = () =>
    process.env.TASKS_DATA_DIR ? resolve(process.env.TASKS_DATA_DIR) : join(app.getPath('userData'), 'data');

  // TASKS_API_PORT overrides the port from Settings (0 = any free port).
  const apiPortFromEnv = (): { apiPort?: number } => {
    const port = Number(process.env.TASKS_API_PORT ?? 'NaN');
    return Number.isInteger(port) && port >= 0 && port <= 65535 ? { apiPort: port } : {};
  };
  app
    .whenReady()
    .then(async () => {
      shell = await startDesktop({
        rendererDir: join(outDir, 'renderer'),
        preloadPath: join(outDir, 'preload', 'index.cjs'),
        iconPath: join(app.getAppPath(), 'resources', 'icon.png'),
        dataDir: dataDir(),
        devServerUrl: app.isPackaged ? null : (process.env.ELECTRON_RENDERER_URL ?? null),
        logger,
        ...apiPortFromEnv(),
      });
    })
    .catch(async (error: unknown) => {
      const message = error instanceof Error ? error.message : 'Unknown error';
      logger.error('Tasks Desktop could not start', { error: message });
      const offered = await offerRecovery(error, dataDir(), logger).catch((restoreError: unknown) => {
        dialog.showErrorBox(
          'The backup could not be restored',
          restoreError instanceof Error ? restoreError.message : message,
        );
        return true;
      });
      if (!offered) dialog.showErrorBox('Tasks Desktop could not start', message);
      app.exit(1);
    });
}

main();
