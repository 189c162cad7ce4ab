// Natural-language quick add in real Chromium against the real core: chips appear while typing, a click or
// Backspace turns one back into text, Enter saves what the chips say (checked through the API). Screenshots of
// quick add with chips in light and dark.
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Task, TaskList } from '../src-shared/task-schemas.ts';
import { row, signUp, type Account } from './support/app-actions.ts';
import { startHarness, type Harness } from './support/app-harness.ts';

const quinn: Account = { name: 'Quinn Quick', email: 'quinn@example.test', password: 'natural-language-7' };
const dora: Account = { name: 'Dora Dark', email: 'dora@example.test', password: 'natural-language-8' };

/** The signed-in user's tasks, read over the API with the latest access token main gave the page. */
async function tasksOf(h: Harness): Promise<Task[]> {
  const token = [...h.issuedTokens].at(-1)!;
  const headers = { Authorization: `Bearer ${token}` };
  const me = (await (await fetch(`${h.core.apiBaseUrl}/api/me`, { headers })).json()) as { id: string };
  const list = (await (
    await fetch(`${h.core.apiBaseUrl}/api/${me.id}/tasks?limit=50`, { headers })
  ).json()) as TaskList;
  return list.items;
}

const chip = (h: Harness, name: RegExp) =>
  h.page.getByRole('group', { name: 'Understood' }).getByRole('button', { name });

describe('natural-language quick add in Chromium', () => {
  const harnesses: Harness[] = [];
  afterAll(async () => {
    for (const h of harnesses) await h.close();
  });

  it('shows chips while typing and saves what they say', async () => {
    const h = await startHarness();
    harnesses.push(h);
    const { page } = h;
    onTestFailed(() => h.screenshot('failure-quick-add'));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signUp(page, quinn);
    await page.getByRole('heading', { name: 'Your Inbox is empty' }).waitFor();

    const input = page.getByLabel('New task title');
    // Right after sign-up the focus is in the quick add (#15 item 12): no N needed, and an N would be typed.
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('aria-label')")).toBe('New task title');
    await page.keyboard.type('Pay rent tomorrow 9am !high remind 30m before @bills');
    await chip(h, /^Due: /).waitFor();
    await chip(h, /^Priority: High/).waitFor();
    await chip(h, /^Reminder: 30 min before/).waitFor();
    await chip(h, /^Tag: @bills/).waitFor();
    await h.screenshot('quick-add-chips-light');
    await input.press('Enter');
    await row(page, 'Pay rent').waitFor();
    expect(await input.inputValue()).toBe('');
    // Tomorrow 09:00 in the browser's own zone, computed by the browser.
    const tomorrowNine = await page.evaluate(
      '(() => { const d = new Date(); return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 9, 0).toISOString(); })()',
    );
    const zone = await page.evaluate('Intl.DateTimeFormat().resolvedOptions().timeZone');
    await expect
      .poll(async () => (await tasksOf(h)).find((t) => t.title === 'Pay rent'))
      .toMatchObject({
        priority: 'high',
        dueAt: tomorrowNine,
        timeZone: zone,
        reminders: [{ beforeMinutes: 30 }],
        tags: ['bills'],
      });

    // Backspace right after a chip keeps its words as text; Enter then saves them in the title.
    await input.click();
    await page.keyboard.type('Call May about the 3 reports tomorrow');
    await chip(h, /^Due: /).waitFor();
    await page.keyboard.press('Backspace');
    expect(await input.inputValue()).toBe('Call May about the 3 reports "tomorrow"');
    expect(await page.getByRole('group', { name: 'Understood' }).count()).toBe(0);
    await input.press('Enter');
    await row(page, 'Call May about the 3 reports tomorrow').waitFor();

    // A click on a chip does the same; a repeat rule from completion is saved as such.
    await input.click();
    await page.keyboard.type('Water plants every! 3 days !low');
    await chip(h, /^Repeats: Every 3 days after completion/).waitFor();
    await chip(h, /^Priority: Low/).click();
    expect(await input.inputValue()).toBe('Water plants every! 3 days "!low"');
    await input.press('Enter');
    await row(page, 'Water plants !low').waitFor();
    const today = await page.evaluate("new Date().toLocaleDateString('en-CA')");
    await expect
      .poll(async () => (await tasksOf(h)).find((t) => t.title === 'Water plants !low'))
      .toMatchObject({
        priority: 'none',
        dueDate: today,
        dueAt: null,
        recurrence: { rrule: 'FREQ=DAILY;INTERVAL=3', from: 'completion' },
      });
    const plain = (await tasksOf(h)).find((t) => t.title === 'Call May about the 3 reports tomorrow');
    expect(plain).toMatchObject({ dueDate: null, dueAt: null });
    expect(h.problems).toEqual([]);
  });

  it('shows the chips in dark mode too', async () => {
    const h = await startHarness({ colorScheme: 'dark' });
    harnesses.push(h);
    const { page } = h;
    onTestFailed(() => h.screenshot('failure-quick-add-dark'));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signUp(page, dora);
    await page.getByRole('heading', { name: 'Your Inbox is empty' }).waitFor();
    // Right after sign-up the focus is in the quick add (#15 item 12): no N needed, and an N would be typed.
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('aria-label')")).toBe('New task title');
    await page.keyboard.type('Team sync every mon, wed 9am p2 @work remind 10m before');
    await chip(h, /^Repeats: Every week on Monday and Wednesday/).waitFor();
    await chip(h, /^Reminder: 10 min before/).waitFor();
    await h.screenshot('quick-add-chips-dark');
    expect(h.problems).toEqual([]);
  });
});
