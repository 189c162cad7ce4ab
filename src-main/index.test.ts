// The main entry with a fake electron and the shell composition replaced by a recorder.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopOptions } from './electron/desktop-app.ts';

const fake = await vi.hoisted(async () => (await import('./electron/test-support/fake-electron.ts')).createFakeElectron());
const desktop = vi.hoisted(() => ({ calls: [] as unknown[], failWith: null as Error | null, focused: 0 }));
vi.mock('electron', () => ({ ...fake.module, default: fake.module }));
vi.mock('./electron/desktop-app.ts', () => ({
  startDesktop: (options: unknown) => {
    desktop.calls.push(options);
    return desktop.failWith ? Promise.reject(desktop.failWith) : Promise.resolve({ focus: () => (desktop.focused += 1) });
  },
}));

describe('src-main/index.ts', () => {
  beforeEach(() => {
    vi.resetModules();
    fake.reset();
    fake.privilegedSchemes.length = 0;
    fake.errorBoxes.length = 0;
    fake.messageBoxes.length = 0;
    fake.state.userData = '/home/me/.config/Tasks Desktop';
    Object.assign(desktop, { calls: [], failWith: null, focused: 0 });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('registers app:// before ready, takes the single-instance lock, and starts the shell with the built paths', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    vi.stubEnv('TASKS_DATA_DIR', '');
    await import('./index.ts');
    expect(fake.privilegedSchemes).toHaveLength(1);
    await vi.waitFor(() => expect(desktop.calls).toHaveLength(1));
    const options = desktop.calls[0] as DesktopOptions;
    expect(options.preloadPath).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(options.rendererDir).toMatch(/[/\\]renderer$/);
    expect(options.dataDir).toBe('/home/me/.config/Tasks Desktop/data');
    expect(options.devServerUrl).toBe('http://localhost:5173');
    expect(options.iconPath).toBe('/opt/tasks-desktop/app/resources/icon.png');

    fake.app.emit('second-instance', {}, [], '/');
    expect(desktop.focused).toBe(1);
  });

  it('TASKS_DATA_DIR overrides the data folder', async () => {
    vi.stubEnv('TASKS_DATA_DIR', '/srv/tasks-data');
    await import('./index.ts');
    await vi.waitFor(() => expect(desktop.calls).toHaveLength(1));
    expect((desktop.calls[0] as DesktopOptions).dataDir).toBe('/srv/tasks-data');
  });

  it('with --cli it runs the CLI instead: no app:// scheme, no single-instance lock, no window', async () => {
    vi.spyOn(process, 'argv', 'get').mockReturnValue(['/usr/bin/electron', '.', '--cli', '--version']);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    fake.state.singleInstanceLock = false; // would quit if it were asked
    await import('./index.ts');
    // The fake app path has no CLI bundle: exit 1 with a message (cli-mode.test.ts runs the real bundle).
    await vi.waitFor(() => expect(fake.state.exitCodes).toEqual([1]));
    expect(fake.privilegedSchemes).toHaveLength(0);
    expect(fake.state.quitCalls).toBe(0);
    expect(desktop.calls).toHaveLength(0);
    expect(String(stderr.mock.calls[0]?.[0])).toContain('/opt/tasks-desktop/app/out/cli/tasks.mjs');
    vi.restoreAllMocks();
  });

  it('a second instance quits without starting anything', async () => {
    fake.state.singleInstanceLock = false;
    await import('./index.ts');
    await vi.waitFor(() => expect(fake.state.quitCalls).toBe(1));
    expect(desktop.calls).toHaveLength(0);
  });

  it('a start-up failure is shown in a dialog (message only) and exits non-zero', async () => {
    desktop.failWith = new Error('The database was written by a newer version of Tasks Desktop.');
    await import('./index.ts');
    await vi.waitFor(() => expect(fake.state.exitCodes).toEqual([1]));
    expect(fake.errorBoxes).toEqual([{ title: 'Tasks Desktop could not start', content: 'The database was written by a newer version of Tasks Desktop.' }]);
  });

  it('a damaged database offers the newest backup: Quit leaves everything as it is', async () => {
    const { DataSafetyError } = await import('./storage/data-safety-error.ts');
    desktop.failWith = new DataSafetyError('DATABASE_CORRUPT', 'The task database is damaged.', { newestBackup: '/data/backups/b.db' });
    fake.state.messageBoxResponse = 1;
    await import('./index.ts');
    await vi.waitFor(() => expect(fake.state.exitCodes).toEqual([1]));
    expect(fake.messageBoxes).toMatchObject([
      { title: 'Your task database is damaged', detail: 'The task database is damaged.', buttons: ['Restore the newest backup', 'Quit'] },
    ]);
    expect(fake.errorBoxes).toEqual([]);
    expect(fake.state.relaunchCalls).toBe(0);
  });

  it('accepting the restore offer runs it; a failed restore is reported and nothing relaunches', async () => {
    const { DataSafetyError } = await import('./storage/data-safety-error.ts');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/tasks-recovery-`);
    vi.stubEnv('TASKS_DATA_DIR', `${dir}/data`);
    desktop.failWith = new DataSafetyError('DATABASE_CORRUPT', 'damaged', { newestBackup: `${dir}/missing-backup.db` });
    fake.state.messageBoxResponse = 0;
    await import('./index.ts');
    await vi.waitFor(() => expect(fake.state.exitCodes).toEqual([1]));
    expect(fake.errorBoxes.map((box) => box.title)).toEqual(['The backup could not be restored']);
    expect(fake.state.relaunchCalls).toBe(0);
  });
});
