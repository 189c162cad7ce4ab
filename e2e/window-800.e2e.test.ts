// The window at its smallest supported size, 800×600, in both themes (#15 item 12): what a person must reach
// without scrolling is in view. Screenshots are saved for a person to look at.
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { startHarness, type Harness } from './support/app-harness.ts';
import { addTask, row, signUp } from './support/app-actions.ts';

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

    it(`keeps the header in view and usable with the details open (${colorScheme})`, async () => {
      const h = await startHarness({ colorScheme, viewport: { width: 800, height: 600 } });
      harnesses.push(h);
      onTestFailed(() => h.screenshot(`failure-details-800-${colorScheme}`));
      const { page } = h;
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await signUp(page, { name: 'Dee Tails', email: `details-800-${colorScheme}@example.test`, password: 'correct horse battery staple' });
      await addTask(page, 'Water the garden');
      await row(page, 'Water the garden').click();
      await page.keyboard.press('e');
      const details = page.getByRole('complementary', { name: 'Task details' });
      await details.waitFor();
      const header = await page.locator('.app-header').boundingBox();
      const sheet = await details.boundingBox();
      expect(header && sheet && sheet.y >= header.y + header.height - 1).toBe(true);
      await h.screenshot(`details-800x600-${colorScheme}`);
      // What is in the header's right end is the account button, not the sheet, and it opens its menu.
      const account = page.getByRole('button', { name: 'Account: Dee Tails' });
      const box = await account.boundingBox();
      expect(box).not.toBeNull();
      // The sheet opening with the header's account button under it (the old fixed, full-height sheet) would fail here.
      await account.click({ trial: true, timeout: 5_000 });
      await account.click();
      await page.getByRole('menu', { name: 'Account' }).waitFor();
    });
  }
});
