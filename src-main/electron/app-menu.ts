// The application menu: the standard roles (so copy/paste and quit work everywhere, macOS included)
// and View > Theme, which sets nativeTheme (the renderer follows prefers-color-scheme) and is remembered.
import { Menu, nativeTheme, type MenuItemConstructorOptions } from 'electron';
import { THEMES, type Settings, type Theme } from './settings.ts';

const THEME_LABELS: Readonly<Record<Theme, string>> = { system: 'Match System', light: 'Light', dark: 'Dark' };

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  theme: Theme;
  onTheme: (theme: Theme) => void;
  devTools: boolean;
}

export function appMenuTemplate({ platform, theme, onTheme, devTools }: AppMenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    {
      label: 'Theme',
      submenu: THEMES.map((value) => ({
        label: THEME_LABELS[value],
        type: 'radio' as const,
        checked: value === theme,
        click: () => onTheme(value),
      })),
    },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    ...(devTools ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}

export function applyTheme(theme: Theme): void {
  nativeTheme.themeSource = theme;
}

/** Applies the remembered theme and installs the menu. */
export function installAppMenu(settings: Settings, options: { platform: NodeJS.Platform; devTools: boolean }): void {
  const theme = settings.theme();
  applyTheme(theme);
  const onTheme = (next: Theme): void => {
    settings.setTheme(next);
    applyTheme(next);
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ ...options, theme, onTheme })));
}
