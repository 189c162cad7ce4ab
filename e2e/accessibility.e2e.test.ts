// Accessibility audit (issue #15 §5): axe-core on every screen a person reaches, in the light and the dark
// theme, at 800×600: sign-in, sign-up, the task list with a multi-selection, the details panel, the trash,
// Today/Upcoming, the command palette, the shortcuts sheet, the account menu and every Settings tab. No serious or
// critical violation may remain (e2e/support/axe-audit.ts says which rule hit which element).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { addTask, localDate, openView, row, sideButton, type Account } from './support/app-actions.ts';
import { startHarness, type Harness } from './support/app-harness.ts';
import { expectAccessible } from './support/axe-audit.ts';

const ada: Account = { name: 'Ada Audit', email: 'ada-audit@example.test', password: 'accessible-to-everyone' };

async function createList(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: '+ New list' }).click();
  await page.getByLabel('New list name').fill(name);
  await page.getByLabel('New list name').press('Enter');
  await sideButton(page, name).waitFor();
}

describe('accessibility audit in Chromium at 800×600', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 800, height: 600 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has no serious or critical axe violation on any screen, in both themes', async () => {
    const { page } = h;
    onTestFailed(() => h.screenshot('failure-accessibility'));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'sign-in');

    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Password').fill('short');
    await expectAccessible(page, 'sign-up');
    await page.getByLabel('Name').fill(ada.name);
    await page.getByLabel('Email').fill(ada.email);
    await page.getByLabel('Password').fill(ada.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: `Account: ${ada.name}` }).waitFor();
    await page.getByRole('heading', { name: 'Your Inbox is empty' }).waitFor();
    await expectAccessible(page, 'empty inbox');

    await createList(page, 'Work');
    await addTask(page, 'Pay rent', { priority: 'High', due: localDate(0) });
    await addTask(page, 'Book flights', { due: localDate(1) });
    await addTask(page, 'Call the plumber', { priority: 'Low', due: localDate(-2) });
    await expectAccessible(page, 'task list');

    await row(page, 'Pay rent').click();
    await row(page, 'Call the plumber').click({ modifiers: ['Shift'] });
    await page.getByRole('toolbar', { name: /Actions for 3 selected tasks/ }).waitFor();
    await expectAccessible(page, 'multi-selection');
    await page.keyboard.press('Escape');

    await row(page, 'Pay rent').getByRole('button', { name: 'Details: Pay rent' }).click();
    const details = page.getByRole('complementary', { name: 'Task details' });
    await details.waitFor();
    await expectAccessible(page, 'task details');
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'View options' }).click();
    await expectAccessible(page, 'view options');

    await openView(page, 'Today');
    await expectAccessible(page, 'today');
    await openView(page, 'Upcoming');
    await expectAccessible(page, 'upcoming');

    await openView(page, 'Inbox');
    await row(page, 'Book flights').click();
    await page.keyboard.press('Delete');
    await row(page, 'Book flights').waitFor({ state: 'detached' });
    await openView(page, 'Trash');
    await row(page, 'Book flights').waitFor();
    await expectAccessible(page, 'trash');

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog');
    await palette.getByRole('combobox').fill('Wo');
    await expectAccessible(page, 'command palette');
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });

    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'shortcuts sheet');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: `Account: ${ada.name}` }).click();
    await expectAccessible(page, 'account menu');
    await page.getByRole('menuitem', { name: 'API & tokens…' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.waitFor();
    await expectAccessible(page, 'settings: API & tokens');
    for (const tab of await settings.getByRole('tab').all()) {
      const name = (await tab.textContent()) ?? '';
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      await expectAccessible(page, `settings: ${name}`);
    }
  });
});
