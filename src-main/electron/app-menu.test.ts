import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const fake = await vi.hoisted(async () => (await import('./test-support/fake-electron.ts')).createFakeElectron());
vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

const { appMenuTemplate, installAppMenu } = await import('./app-menu.ts');
const { createSettings } = await import('./settings.ts');
const { createMemoryKeyValueStore } = await import('./key-value-store.ts');

function themeItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const view = template.find((item) => item.label === 'View');
  const theme = (view?.submenu as MenuItemConstructorOptions[]).find((item) => item.label === 'Theme');
  return theme?.submenu as MenuItemConstructorOptions[];
}

describe('app menu and theme', () => {
  it('offers the three themes as radio items with the current one checked', () => {
    const items = themeItems(appMenuTemplate({ platform: 'linux', theme: 'dark', onTheme: () => {}, devTools: false }));
    expect(items.map((i) => [i.label, i.type, i.checked])).toEqual([
      ['Match System', 'radio', false],
      ['Light', 'radio', false],
      ['Dark', 'radio', true],
    ]);
  });

  it('has the standard edit roles everywhere and the app menu only on macOS; dev tools only in development', () => {
    const linux = appMenuTemplate({ platform: 'linux', theme: 'system', onTheme: () => {}, devTools: false });
    const mac = appMenuTemplate({ platform: 'darwin', theme: 'system', onTheme: () => {}, devTools: true });
    expect(linux.map((i) => i.role ?? i.label)).toEqual(['fileMenu', 'editMenu', 'View', 'windowMenu']);
    expect(mac[0]?.role).toBe('appMenu');
    expect(JSON.stringify(linux)).not.toContain('toggleDevTools');
    expect(JSON.stringify(mac)).toContain('toggleDevTools');
  });

  it('applies the remembered theme and remembers a new choice', () => {
    const kv = createMemoryKeyValueStore();
    kv.set('theme', 'light');
    const settings = createSettings(kv);
    installAppMenu(settings, { platform: 'linux', devTools: false });
    expect(fake.module.nativeTheme.themeSource).toBe('light');

    const installed = (fake.state.menu as { template: MenuItemConstructorOptions[] }).template;
    const dark = themeItems(installed).find((i) => i.label === 'Dark');
    (dark?.click as () => void)();
    expect(fake.module.nativeTheme.themeSource).toBe('dark');
    expect(kv.get('theme')).toBe('dark');
  });

  it('ignores a malformed stored theme', () => {
    const kv = createMemoryKeyValueStore();
    kv.set('theme', 'neon');
    expect(createSettings(kv).theme()).toBe('system');
  });
});
