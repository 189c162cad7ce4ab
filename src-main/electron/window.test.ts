import { describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => (await import('./test-support/fake-electron.ts')).createFakeElectron());
vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

const { createMainWindow } = await import('./window.ts');

describe('main window', () => {
  it('is created with exactly the locked-down web preferences', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', state: { width: 900, height: 700, maximized: false }, devTools: false });
    const window = fake.windows.at(-1);
    expect(window?.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
    expect(window?.options).toMatchObject({ width: 900, height: 700, show: false });
    expect(window?.options).not.toHaveProperty('x');
  });

  it('restores position and maximized state, and shows only when ready', () => {
    createMainWindow({ preloadPath: '/p.cjs', state: { x: 10, y: 20, width: 800, height: 600, maximized: true }, devTools: true });
    const window = fake.windows.at(-1);
    expect(window?.options).toMatchObject({ x: 10, y: 20 });
    expect(window?.maximized).toBe(true);
    expect(window?.shown).toBe(false);
    window?.emit('ready-to-show');
    expect(window?.shown).toBe(true);
  });
});
