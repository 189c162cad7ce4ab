// The window at its smallest supported size, 800×600, in both themes (#15 item 12): what a person must reach
// without scrolling is in view. Screenshots are saved for a person to look at.
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { startHarness, type Harness } from './support/app-harness.ts';

const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

describe('the window at 800×600', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows "Create account" above the fold on sign-up (${colorScheme})`, async () => {
      const h = await startHarness({ colorScheme, viewport: { width: 800, height: 600 } });
      harnesses.push(h);
      onTestFailed(() => h.screenshot(`failure-sign-up-800-${colorScheme}`));
      const { page } = h;
      await page.getByRole('button', { name: 'Create an account' }).click();
      const submit = page.getByRole('button', { name: 'Create account' });
      await submit.waitFor();
      // The button and the way back to sign in under it, both whole in the window.
      const back = page.getByRole('button', { name: 'Sign in' });
      const inView = async () => {
        for (const target of [submit, back]) {
          const box = await target.boundingBox();
          if (box === null || box.y < 0 || box.y + box.height > 600) return false;
        }
        return true;
      };
      expect(await inView()).toBe(true);
      // With every field's error shown too (the empty form sent), and nothing scrolled.
      await submit.click();
      await page.getByText('Enter your name.').waitFor();
      await h.screenshot(`sign-up-errors-800x600-${colorScheme}`);
      expect(await inView()).toBe(true);
      expect(await page.evaluate('document.scrollingElement.scrollTop')).toBe(0);
    });
  }
});
