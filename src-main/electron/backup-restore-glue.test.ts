// The Electron glue of Settings → Backups and Import & export: the native dialogs and restore-then-relaunch,
// driven through the project's fake electron module.
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/logger.ts';

const fake = await vi.hoisted(async () => (await import('./test-support/fake-electron.ts')).createFakeElectron());
vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

const { nativeFileDialogs, IMPORT_FILE_FILTERS } = await import('./native-file-dialogs.ts');
const { restoreAndRelaunch } = await import('./restore-and-relaunch.ts');

describe('native file dialogs', () => {
  it('answers the chosen path, or null when cancelled, and offers the import formats', async () => {
    fake.reset();
    const dialogs = nativeFileDialogs(() => null);
    expect(await dialogs.chooseImportFile()).toBeNull();
    fake.state.openDialogPath = '/home/ada/todoist.zip';
    expect(await dialogs.chooseImportFile()).toBe('/home/ada/todoist.zip');
    expect(fake.fileDialogs[0]?.options).toMatchObject({ properties: ['openFile'], filters: IMPORT_FILE_FILTERS });
    expect(await dialogs.chooseExportPath('tasks.ics')).toBeNull();
    fake.state.saveDialogPath = '/home/ada/tasks.ics';
    expect(await dialogs.chooseExportPath('tasks.ics')).toBe('/home/ada/tasks.ics');
    expect(fake.fileDialogs.at(-1)?.options).toMatchObject({ defaultPath: 'tasks.ics' });
  });
});

describe('restore and relaunch', () => {
  it('stops the core before restoring, then relaunches; once, however often it is asked', async () => {
    fake.reset();
    const steps: string[] = [];
    const run = restoreAndRelaunch({
      app: fake.module.app,
      stopCore: () => {
        steps.push('stop');
        return Promise.resolve();
      },
      restore: (path) => {
        steps.push(`restore ${path}`);
        return Promise.resolve();
      },
      logger: silentLogger,
    });
    await Promise.all([run('/data/backups/a.db'), run('/data/backups/a.db')]);
    expect(steps).toEqual(['stop', 'restore /data/backups/a.db']);
    expect(fake.state.relaunchCalls).toBe(1);
    expect(fake.state.exitCodes).toEqual([0]);
  });

  it('relaunches on the current database when the restore fails', async () => {
    fake.reset();
    const errors: string[] = [];
    const run = restoreAndRelaunch({
      app: fake.module.app,
      stopCore: () => Promise.resolve(),
      restore: () => Promise.reject(new Error('damaged backup')),
      logger: { ...silentLogger, error: (message: string) => errors.push(message) },
    });
    await run('/data/backups/b.db');
    expect(errors).toHaveLength(1);
    expect(fake.state.relaunchCalls).toBe(1);
  });
});
