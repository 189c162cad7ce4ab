// Screenshots of the current screen in both themes (prefers-color-scheme, which the window follows).
import { expect } from 'vitest';
import type { Harness } from './app-harness.ts';

export async function screenshotBothThemes(h: Harness, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await h.page.emulateMedia({ colorScheme: theme });
    await expect.poll(() => h.page.evaluate('document.documentElement.dataset.theme')).toBe(theme);
    await h.page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    await h.screenshot(`${name}-${theme}`);
  }
  await h.page.emulateMedia({ colorScheme: 'light' });
}
