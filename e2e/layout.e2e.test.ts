// 200% zoom: a 1200×800 window at 200% is a 600×400 CSS-pixel viewport at device scale 2. Everything must stay
// reachable without horizontal scrolling; screenshots are saved for a person to look at.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { addTask, localDate, row, signUp, type Account } from './support/app-actions.ts';
import { startHarness, type Harness } from './support/app-harness.ts';

const zoe: Account = { name: 'Zoe Zoom', email: 'zoe@example.test', password: 'two-hundred-percent' };

async function expectNoHorizontalOverflow(h: Harness): Promise<void> {
  const overflow = await h.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBe(0);
}

describe('layout at 200% zoom', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 600, height: 400 }, deviceScaleFactor: 2 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps sign-in, the list and the editor usable without horizontal scrolling', async () => {
    const { page } = h;
    onTestFailed(() => h.screenshot('failure-zoom'));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectNoHorizontalOverflow(h);
    await h.screenshot('zoom-200-sign-in');

    await signUp(page, zoe);
    await addTask(page, 'Prepare the quarterly budget review for the finance team', { priority: 'High', due: localDate(0) });
    await addTask(page, 'Call the plumber', { priority: 'Low', due: localDate(-1) });
    await addTask(page, 'Read chapter 3');
    await expectNoHorizontalOverflow(h);
    for (const name of ['New task title', 'Search tasks']) {
      expect(await page.getByLabel(name).isVisible(), name).toBe(true);
    }
    await page.getByRole('button', { name: 'View options' }).click();
    expect(await page.getByLabel('Sort tasks').isVisible()).toBe(true);
    await expectNoHorizontalOverflow(h);
    await h.screenshot('zoom-200-list');

    await row(page, 'Call the plumber').click();
    await page.keyboard.press('e');
    const details = page.getByRole('complementary', { name: 'Task details' });
    await details.waitFor();
    expect(await details.getByLabel('Description').isVisible()).toBe(true);
    await expectNoHorizontalOverflow(h);
    await h.screenshot('zoom-200-editing');
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
  });
});
