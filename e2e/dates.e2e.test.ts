// Dates in the window, in three zones far apart (Chromium's timezoneId), each at a moment when its calendar date
// differs from UTC's (00:30 in Auckland and Berlin, 23:30 in Los Angeles; the page's clock is set there). Checks
// what a person sees against what the API says for the same zone (issue 15 defects 1, 3, 4, 5, 6), and saves
// screenshots of Today, Upcoming and the date picker, light and dark, at 800×600 and 1280×800, in two zones.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Task, TaskCounts, TaskList } from '../src-shared/task-schemas.ts';
import { openView, row, sideCount, signUp, visibleTitles } from './support/app-actions.ts';
import { apiAs, type UserApi } from './support/api-as.ts';
import { startHarness, type Harness } from './support/app-harness.ts';
import { ZONES, zonedNow, type ZonedNow } from './support/zones.ts';

const SCREENSHOT_ZONES = new Set(['Pacific/Auckland', 'America/Los_Angeles']);
const headers = (h: Harness) => h.page.locator('.group-row').allTextContents();
const pill = (h: Harness, title: string) => row(h.page, title).locator('.pill[class*="due-"]');
/** The pill's visible text (without the words for screen readers). */
const pillText = (h: Harness, title: string) =>
  pill(h, title).locator('> span[aria-hidden="true"]').textContent();

/** "Sun 6 Dec" as the window's en-GB day headings write it (the year only when it is not this year's). */
function dayLabel(date: string, today: string): string {
  const opts: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  };
  if (date.slice(0, 4) !== today.slice(0, 4)) opts.year = 'numeric';
  return new Intl.DateTimeFormat('en-GB', opts).format(Date.parse(`${date}T00:00:00Z`));
}
const hhmm = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(instant);

async function seed(api: UserApi, z: ZonedNow): Promise<void> {
  const paris = zonedNow('Europe/Paris');
  const tasks = [
    { title: 'Pay rent', dueDate: z.day(-3) },
    { title: 'Call plumber', dueDate: z.today },
    {
      title: 'Dentist',
      dueAt: z.at(z.day(1), '14:30').toISOString(),
      timeZone: z.zone,
      reminders: [{ beforeMinutes: 30 }],
    },
    { title: 'Pick up parcel', dueDate: z.day(1) },
    { title: 'Weekly review', dueDate: z.day(2), recurrence: { rrule: 'FREQ=WEEKLY' } },
    {
      title: 'Call Paris office',
      dueAt: paris.at(z.day(3), '09:00').toISOString(),
      timeZone: 'Europe/Paris',
    },
    { title: 'Someday', dueDate: null },
  ];
  for (const body of tasks) await api.call('POST', '/api/{me}/tasks', body);
}

async function screenshots(h: Harness, z: ZonedNow, screen: string): Promise<void> {
  if (!SCREENSHOT_ZONES.has(z.zone)) return;
  const city = z.zone.split('/')[1]!.toLowerCase().replace('_', '-');
  for (const [width, height] of [
    [800, 600],
    [1280, 800],
  ] as const) {
    await h.page.setViewportSize({ width, height });
    for (const scheme of ['light', 'dark'] as const) {
      await h.page.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => h.page.evaluate('document.documentElement.dataset.theme')).toBe(scheme);
      await h.screenshot(`dates-${screen}-${city}-${width}x${height}-${scheme}`);
    }
  }
  await h.page.setViewportSize({ width: 1200, height: 800 });
  await h.page.emulateMedia({ colorScheme: 'light' });
}

describe.each(ZONES)('dates in %s', (zone) => {
  const z = zonedNow(zone);
  const city = zone.split('/')[1]!.toLowerCase();
  const q = `timeZone=${encodeURIComponent(zone)}`;
  const dayStart = z.at(z.today, '00:00').toISOString();
  const dayEnd = z.at(z.day(1), '00:00').toISOString();
  let h: Harness;
  let api: UserApi;
  beforeAll(async () => {
    h = await startHarness({ timezoneId: zone, locale: 'en-GB', now: z.now });
    const { page } = h;
    expect(await page.evaluate('Intl.DateTimeFormat().resolvedOptions().timeZone')).toBe(zone);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signUp(page, {
      name: `Dana ${city}`,
      email: `dana-${city}@example.test`,
      password: 'dates-in-every-zone',
    });
    api = await apiAs(h);
    await seed(api, z);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach((context) => {
    context.onTestFailed(() => h.screenshot(`failure-dates-${city}`));
  });

  it('Today: Overdue then Today, each once, all-day tasks on the viewer calendar, the count as the API says (defects 1, 4)', async () => {
    const { page } = h;
    await openView(page, 'Today');
    await expect.poll(() => visibleTitles(page)).toEqual(['Pay rent', 'Call plumber']);
    expect(await headers(h)).toEqual(['Overdue', 'Today']);
    const today = await api.call<TaskList>('GET', `/api/{me}/tasks?status=active&dueTo=${dayEnd}&${q}`);
    expect(today.items.map((t) => t.title).sort()).toEqual(['Call plumber', 'Pay rent']);
    const counts = await api.call<TaskCounts>(
      'GET',
      `/api/{me}/tasks/counts?dayStart=${dayStart}&dayEnd=${dayEnd}&now=${z.now.toISOString()}&${q}`,
    );
    expect(counts.today).toBe(2);
    await expect.poll(() => sideCount(page, 'Today')).toBe(String(counts.today));
  });

  it('rows show all-day dates, times in the viewer format, the original zone, repeat and reminder icons (defects 3, 6)', async () => {
    const { page } = h;
    await openView(page, 'Today');
    await expect.poll(() => pillText(h, 'Call plumber')).toBe('Today');
    expect(await pill(h, 'Pay rent').getAttribute('class')).toContain('due-overdue');
    expect(await pillText(h, 'Pay rent')).toBe(dayLabel(z.day(-3), z.today).replace(/^\w+,? /, ''));
    await screenshots(h, z, 'today');
    await openView(page, 'Upcoming');
    await expect.poll(() => pillText(h, 'Dentist')).toBe('Tomorrow 14:30');
    expect(await pillText(h, 'Pick up parcel')).toBe('Tomorrow');
    const here = hhmm(zonedNow('Europe/Paris').at(z.day(3), '09:00'), zone);
    const parisText = await pillText(h, 'Call Paris office');
    if (here === '09:00') expect(parisText).toMatch(/ 09:00$/);
    else expect(parisText).toContain(`09:00 Paris · ${here} here`);
    expect(await row(page, 'Weekly review').locator('.row-icon.repeat').getAttribute('title')).toBe(
      'Every week',
    );
    expect(await row(page, 'Dentist').locator('.row-icon.bell').getAttribute('title')).toBe(
      'Reminder: 30 min before',
    );
  });

  it('Upcoming: one group per viewer day, all-day first, no "No date" headings, as the API says (defects 1, 3, 4)', async () => {
    const { page } = h;
    await openView(page, 'Upcoming');
    await expect
      .poll(() => visibleTitles(page))
      .toEqual(['Pick up parcel', 'Dentist', 'Weekly review', 'Call Paris office']);
    expect(await headers(h)).toEqual([
      `Tomorrow · ${dayLabel(z.day(1), z.today)}`,
      dayLabel(z.day(2), z.today),
      dayLabel(z.day(3), z.today),
    ]);
    const upcoming = await api.call<TaskList>('GET', `/api/{me}/tasks?status=active&dueFrom=${dayEnd}&${q}`);
    expect(upcoming.items.map((t) => t.title).sort()).toEqual([
      'Call Paris office',
      'Dentist',
      'Pick up parcel',
      'Weekly review',
    ]);
    await screenshots(h, z, 'upcoming');
  });

  it('the date picker: D opens it, a new date keeps the time, its zone and the reminder; no date removes the reminder, saying so (defect 5)', async () => {
    const { page } = h;
    await openView(page, 'Upcoming');
    await row(page, 'Dentist').click();
    await page.keyboard.press('d');
    const picker = page.getByRole('dialog', { name: 'Due date for Dentist' });
    await picker.waitFor();
    expect(await picker.getByLabel('Chosen').textContent()).toBe(`${dayLabel(z.day(1), z.today)}, 14:30`);
    await screenshots(h, z, 'picker');
    const dentistOf = async () =>
      (await api.call<TaskList>('GET', '/api/{me}/tasks?q=Dentist')).items[0] as Task;
    const before = await dentistOf();
    await picker.getByRole('button', { name: /^Next week/ }).click();
    await expect.poll(async () => (await dentistOf()).dueAt).not.toBe(before.dueAt);
    const moved = await dentistOf();
    expect(hhmm(new Date(moved.dueAt!), zone)).toBe('14:30');
    expect(
      new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: zone }).format(new Date(moved.dueAt!)),
    ).toBe('Mon');
    expect(moved.timeZone).toBe(zone);
    expect(moved.reminders).toEqual([{ beforeMinutes: 30 }]);
    const details = page.getByRole('complementary', { name: 'Task details' });
    await expect
      .poll(() => details.getByRole('button', { name: /^Due date / }).textContent())
      .toMatch(/, 14:30$/);
    await details.getByRole('button', { name: /^Due date / }).click();
    await picker.getByRole('button', { name: 'No date' }).click();
    await expect.poll(async () => (await dentistOf()).reminders).toEqual([]);
    // The task left Upcoming (and the panel closed with it): the toast says what went.
    await expect
      .poll(() => page.locator('.toast-message').textContent())
      .toBe('Removed 1 reminder that needs a time.');
  });

  it('the details show an all-day date as such (defect 3)', async () => {
    const { page } = h;
    await openView(page, 'Upcoming');
    await row(page, 'Pick up parcel').click();
    await page.keyboard.press('e');
    const details = page.getByRole('complementary', { name: 'Task details' });
    await expect
      .poll(() => details.getByRole('button', { name: /^Due date / }).textContent())
      .toBe(`${dayLabel(z.day(1), z.today)}, all day`);
    expect(h.problems).toEqual([]);
  });
});
