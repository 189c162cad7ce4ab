// Light/dark: the renderer follows prefers-color-scheme, which Electron drives from nativeTheme. The one theme
// setting is View > Theme in the app menu, stored by main (src-main/electron/settings.ts); the renderer keeps
// no copy of it.
import { useEffect } from 'react';

export function useColorScheme(): void {
  useEffect(() => {
    try {
      // Older versions kept a second copy of the theme here; the app menu's setting is the only one now.
      window.localStorage.removeItem('tasks.theme');
    } catch {
      // Storage may be unavailable: nothing to clean up.
    }
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme = media.matches ? 'dark' : 'light';
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, []);
}
