// The schedule pickers in real Chromium against the real core, in three zones far apart (the browser's
// timezoneId): a repeat set through the picker (rule in words, next three dates), a recurring completion that
// moves with "Next: …" and Undo, reminders added and removed, a fired reminder snoozed until tomorrow 09:00 in the
// viewer's zone, and a notification click (reminder:open-task through the preload shim) opening its task.
// Screenshots of each picker and a recurring completion, light and dark, 800×600 and 1280×800, in two zones.
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { EVENT_CHANNELS } from '../src-preload/contract.ts';
import { localDate, nextDate, zonedInstant } from '../src-shared/schedule/zoned-time.ts';
import type { Task, TaskList } from '../src-shared/task-schemas.ts';
import { grid, row, signUp, type Account } from './support/app-actions.ts';
import { startHarness, type Harness } from './support/app-harness.ts';
import { expectAccessible } from './support/axe-audit.ts';
import { EMIT_FUNCTION } from './support/preload-shim.ts';
import { ZONES } from './support/zones.ts';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The signed-in user's API, with the latest access token main gave the page. */
async function call<T>(h: Harness, method: string, path: (me: string) => string, body?: unknown): Promise<T> {
  // Right after sign-up the page may not have asked main for its first access token yet.
  await expect.poll(() => h.issuedTokens.size).toBeGreaterThan(0);
  const token = [...h.issuedTokens].at(-1)!;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const me = (await (await fetch(`${h.core.apiBaseUrl}/api/me`, { headers })).json()) as { id: string };
  const response = await fetch(`${h.core.apiBaseUrl}${path(me.id)}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (!response.ok) throw new Error(`${method} ${path(me.id)}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
const tasksOf = async (h: Harness) => (await call<TaskList>(h, 'GET', (me) => `/api/${me}/tasks?limit=50`)).items;
const taskNamed = async (h: Harness, title: string) => (await tasksOf(h)).find((t) => t.title === title);

/** How the window writes an all-day date (formatDay), computed by the page itself. */
const pageDay = (h: Harness, date: string) =>
  h.page.evaluate((d) => new Date(`${d}T00:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }), date);

async function select(h: Harness, title: string) {
  await row(h.page, title).waitFor();
  await row(h.page, title).locator('.row-title').click();
  // The pointer away from the rows, so no hover state shows in screenshots.
  await h.page.mouse.move(4, 596);
  await expect.poll(() => row(h.page, title).getAttribute('aria-selected')).toBe('true');
  await grid(h.page).focus();
}

async function quickAdd(h: Harness, text: string, title: string) {
  await h.page.keyboard.press('n');
  await h.page.getByLabel('New task title').fill(text);
  await h.page.getByLabel('New task title').press('Enter');
  await row(h.page, title).waitFor();
  await expect.poll(() => row(h.page, title).getAttribute('id')).not.toMatch(/temp-/);
}

describe.each(ZONES)('schedule pickers in %s', (zone) => {
  const harnesses: Harness[] = [];
  afterAll(async () => {
    for (const h of harnesses) await h.close();
  });
  const slug = zone.split('/')[1]!.toLowerCase();
  const account: Account = { name: 'Sam Schedule', email: `sam-${slug}@example.test`, password: 'schedule-pickers-9' };

  it('sets a repeat through the picker, completes it, undoes; edits reminders; snoozes a fired one', async () => {
    const h = await startHarness({ timezoneId: zone, locale: 'en-GB' });
    harnesses.push(h);
    const { page } = h;
    onTestFailed(() => h.screenshot(`failure-schedule-ui-${slug}`));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signUp(page, account);
    expect(await page.evaluate('Intl.DateTimeFormat().resolvedOptions().timeZone')).toBe(zone);
    const today = localDate(new Date(), zone);
    const tomorrow = nextDate(today);

    // Repeat: weekly on tomorrow's weekday, through the picker (R on the selected task).
    await quickAdd(h, 'Water plants tomorrow', 'Water plants');
    expect(await taskNamed(h, 'Water plants')).toMatchObject({ dueDate: tomorrow, recurrence: null });
    await select(h, 'Water plants');
    await page.keyboard.press('r');
    const picker = page.getByRole('dialog', { name: 'Repeat “Water plants”' });
    const weekday = DAY_NAMES[new Date(`${tomorrow}T00:00:00Z`).getUTCDay()]!;
    await picker.getByRole('radio', { name: `Weekly on ${weekday}` }).check();
    await expect.poll(() => picker.getByTestId('repeat-words').textContent()).toBe(`Every week on ${weekday}`);
    const expected = await Promise.all([7, 14, 21].map((n) => pageDay(h, plusDays(tomorrow, n))));
    expect(await picker.getByRole('list', { name: 'Next' }).getByRole('listitem').allTextContents()).toEqual(expected);
    await picker.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await taskNamed(h, 'Water plants'))?.recurrence).toEqual({ rrule: `FREQ=WEEKLY;BYDAY=${weekday.slice(0, 2).toUpperCase()}`, from: 'due' });

    // Completing it moves it to the next week, says so, and Undo moves it back.
    await select(h, 'Water plants');
    await page.keyboard.press('Space');
    const toast = page.getByText(`Completed “Water plants”. Next: ${expected[0]}`);
    await toast.waitFor();
    await expect.poll(async () => (await taskNamed(h, 'Water plants'))?.dueDate).toBe(plusDays(tomorrow, 7));
    expect((await taskNamed(h, 'Water plants'))?.completed).toBe(false);
    await row(h.page, 'Water plants').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await taskNamed(h, 'Water plants'))?.dueDate).toBe(tomorrow);

    // Reminders: Shift+R, add 30 minutes before and one at a date and time, remove the first, save.
    await quickAdd(h, 'Dentist tomorrow 9am', 'Dentist');
    await select(h, 'Dentist');
    await page.keyboard.press('Shift+R');
    const editor = page.getByRole('dialog', { name: 'Reminders for “Dentist”' });
    await editor.getByRole('spinbutton', { name: 'How long before' }).fill('30');
    await editor.getByRole('button', { name: 'Add' }).click();
    await editor.getByRole('combobox', { name: 'Remind' }).selectOption('at');
    await editor.getByLabel('Reminder date and time').fill(`${today}T20:15`);
    await editor.getByRole('button', { name: 'Add' }).click();
    await editor.getByRole('combobox', { name: 'Remind' }).selectOption('due');
    await editor.getByRole('button', { name: 'Add' }).click();
    await editor.getByRole('button', { name: 'Remove reminder: 30 min before' }).click();
    await editor.getByRole('button', { name: 'Save' }).click();
    const atEight = zonedInstant(today, { hour: 20, minute: 15 }, zone).toISOString();
    await expect.poll(async () => (await taskNamed(h, 'Dentist'))?.reminders).toEqual([{ at: atEight }, { beforeMinutes: 0 }]);
    expect((await taskNamed(h, 'Dentist'))?.dueAt).toBe(zonedInstant(tomorrow, { hour: 9, minute: 0 }, zone).toISOString());

    // A reminder that fired: snooze until tomorrow 09:00 in this zone, from the details panel.
    const fired = new Date(Date.now() - 10 * 60_000).toISOString();
    await call<Task>(h, 'POST', (me) => `/api/${me}/tasks`, { title: 'Take pills', dueAt: fired, timeZone: zone, reminders: [{ beforeMinutes: 0 }] });
    await row(h.page, 'Take pills').waitFor();
    await select(h, 'Take pills');
    await page.keyboard.press('e');
    const snooze = page.getByRole('group', { name: 'Snooze' });
    await snooze.getByRole('button', { name: 'Tomorrow 09:00' }).click();
    await expect.poll(async () => (await taskNamed(h, 'Take pills'))?.snoozedUntil).toBe(zonedInstant(tomorrow, { hour: 9, minute: 0 }, zone).toISOString());
    await page.getByText(/^Snoozed until /).first().waitFor();
    await page.getByRole('button', { name: 'Cancel snooze' }).click();
    await expect.poll(async () => (await taskNamed(h, 'Take pills'))?.snoozedUntil).toBeNull();
    expect(h.problems).toEqual([]);
  });

  it.runIf(zone !== 'America/Los_Angeles')('screenshots: repeat picker, reminders editor, recurring completion; light/dark, 800×600 and 1280×800', async () => {
    const h = await startHarness({ timezoneId: zone, locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    harnesses.push(h);
    const { page } = h;
    onTestFailed(() => h.screenshot(`failure-schedule-ui-shots-${slug}`));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signUp(page, { ...account, email: `shots-${slug}@example.test` });
    await quickAdd(h, 'Water the garden tomorrow every week', 'Water the garden');
    await quickAdd(h, 'Dentist tomorrow 9am remind 1 hour before', 'Dentist');
    for (const [width, height] of [[1280, 800], [800, 600]] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
        await expect.poll(() => page.evaluate('document.documentElement.dataset.theme')).toBe(scheme);
        const suffix = `${scheme}-${width}x${height}-${slug}`;
        // axe in both themes on this feature's part of the screen (the rest is audited by
        // accessibility.e2e.test.ts), once per zone; it switches the theme, this one comes back after it.
        const audit = async (screen: string, exclude: string[]) => {
          if (width !== 1280 || scheme !== 'light') return;
          await expectAccessible(page, screen, { exclude });
          await page.emulateMedia({ colorScheme: scheme });
        };
        await select(h, 'Water the garden');
        await page.keyboard.press('r');
        const picker = page.getByRole('dialog', { name: 'Repeat “Water the garden”' });
        await picker.getByRole('radio', { name: 'Custom…' }).check();
        await picker.getByRole('button', { name: 'Friday' }).click();
        await picker.getByRole('list', { name: 'Next' }).waitFor();
        await h.screenshot(`schedule-repeat-picker-${suffix}`);
        await audit('repeat picker', ['.tasks-screen > :not(.overlay)']);
        await page.keyboard.press('Escape');
        await picker.waitFor({ state: 'detached' });
        await select(h, 'Dentist');
        await page.keyboard.press('Shift+R');
        const editor = page.getByRole('dialog', { name: 'Reminders for “Dentist”' });
        await editor.getByRole('list', { name: 'Reminders' }).waitFor();
        await h.screenshot(`schedule-reminders-editor-${suffix}`);
        await audit('reminders editor', ['.tasks-screen > :not(.overlay)']);
        await page.keyboard.press('Escape');
        await editor.waitFor({ state: 'detached' });
        await select(h, 'Water the garden');
        await page.keyboard.press('Space');
        await page.getByText(/^Completed “Water the garden”\. Next: /).waitFor();
        // The cursor stays on the task, which stayed.
        expect(await row(page, 'Water the garden').getAttribute('aria-selected')).toBe('true');
        await h.screenshot(`schedule-recurring-completion-${suffix}`);
        await page.getByRole('button', { name: 'Undo' }).click();
        await page.getByText(/^Completed “Water the garden”/).waitFor({ state: 'detached' });
        await page.keyboard.press('e');
        await page.getByRole('complementary', { name: 'Task details' }).getByTestId('details-repeat').waitFor();
        await h.screenshot(`schedule-details-sections-${suffix}`);
        await audit('the details’ schedule sections', ['.tasks-screen > :not(.details)', '.details > :not(.schedule-sections)']);
        await page.getByRole('button', { name: 'Close details' }).click();
      }
    }
    expect(h.problems).toEqual([]);
  });

  it.runIf(zone === 'Europe/Berlin')('a notification click (reminder:open-task) opens the task, switching to its list', async () => {
    const h = await startHarness({ timezoneId: zone });
    harnesses.push(h);
    const { page } = h;
    onTestFailed(() => h.screenshot('failure-schedule-ui-open-task'));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signUp(page, { ...account, email: 'open-task@example.test' });
    const list = await call<{ id: string }>(h, 'POST', (me) => `/api/${me}/lists`, { name: 'Garden' });
    const task = await call<Task>(h, 'POST', (me) => `/api/${me}/tasks`, { title: 'Prune the roses', listId: list.id, dueAt: new Date().toISOString(), timeZone: zone, reminders: [{ beforeMinutes: 0 }] });
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    // The live event stream brings the new list into the sidebar (a reload does when the stream was not up yet).
    const garden = page.getByRole('button', { name: /^Garden/ });
    if (!(await garden.isVisible())) await page.reload();
    await garden.waitFor();
    await page.evaluate(([fn, channel, payload]) => (globalThis as unknown as Record<string, (c: string, p: unknown) => void>)[fn]?.(channel, payload), [EMIT_FUNCTION, EVENT_CHANNELS.openTask, { taskId: task.id }] as const);
    await page.getByRole('heading', { name: 'Garden', level: 1 }).waitFor();
    const details = page.getByRole('complementary', { name: 'Task details' });
    await expect.poll(() => details.getByLabel('Title').inputValue()).toBe('Prune the roses');
    expect(await row(h.page, 'Prune the roses').getAttribute('aria-selected')).toBe('true');
    expect(h.problems).toEqual([]);
  });
});
