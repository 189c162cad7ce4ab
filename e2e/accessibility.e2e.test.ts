// Accessibility audit (issue #15 §5): axe-core on the screens a person reaches, in the light and the dark theme,
// at 800×600. No serious or critical violation may remain (e2e/support/axe-audit.ts says which rule hit which
// element). Sign-in and sign-up so far; the signed-in screens follow as their findings are fixed.
import { afterAll, beforeAll, describe, it, onTestFailed } from 'vitest';
import { startHarness, type Harness } from './support/app-harness.ts';
import { expectAccessible } from './support/axe-audit.ts';

describe('accessibility audit in Chromium at 800×600', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 800, height: 600 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has no serious or critical axe violation on sign-in and sign-up, in both themes', async () => {
    const { page } = h;
    onTestFailed(() => h.screenshot('failure-accessibility'));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'sign-in');

    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Password').fill('short');
    await expectAccessible(page, 'sign-up');
  });
});
