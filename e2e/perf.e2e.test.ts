// Rendering and filtering 10,000 tasks in Chromium. Logs the timings (e2e/.artifacts/perf.json); it asserts
// behaviour only (every task reachable, virtualization keeps the DOM small, filters correct), never speed.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { filterCount, signUp, type Account } from './support/app-actions.ts';
import { startHarness, type Harness } from './support/app-harness.ts';
import { scrollThrough, sinceNavigation, timeInPage, type ScrollStats } from './support/page-timing.ts';
import { seedTasks } from './support/seed-tasks.ts';

const TOTAL = 10_000;
const BASELINE = 100;
const round = (stats: ScrollStats) => ({
  ...stats,
  meanFrameMs: +stats.meanFrameMs.toFixed(1),
  p95FrameMs: +stats.p95FrameMs.toFixed(1),
  maxFrameMs: +stats.maxFrameMs.toFixed(1),
});
const owner: Account = { name: 'Perf Person', email: 'perf@example.test', password: 'ten-thousand-tasks' };

const rowsShown = `const rows = document.querySelectorAll('[role="grid"] .row-title'); return rows.length > 0`;
const countIs = (label: string, value: string) =>
  `const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.startsWith(${JSON.stringify(label)}));
   return tab?.querySelector('.count')?.textContent === ${JSON.stringify(value)}`;
const firstTitleMatches = (re: string) =>
  `const first = document.querySelector('[role="grid"] .row-title'); return !!first && new RegExp(${JSON.stringify(re)}).test(first.textContent)`;

describe('10,000 tasks in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('renders, pages through, scrolls and filters 10,000 tasks (timings logged)', async () => {
    const { page } = h;
    onTestFailed(async () => {
      await h.screenshot('failure-perf');
      console.log('[perf] titles at failure:', (await page.locator('.row-title').allTextContents()).slice(0, 5));
    });
    await signUp(page, owner);
    const loadAndRender = async (expectedAll: string) => {
      await page.reload();
      return sinceNavigation(page, `${countIs('All', expectedAll)} && (() => { ${rowsShown} })()`);
    };
    const filterCompleted = () =>
      timeInPage(
        page,
        `document.querySelector('#filter-completed').click()`,
        `return document.querySelector('#filter-completed').getAttribute('aria-selected') === 'true' &&
          document.querySelector('[role="grid"] .task-row')?.classList.contains('done') &&
          ![...document.querySelectorAll('[role="grid"] .task-row')].some((r) => !r.classList.contains('done') && !r.classList.contains('loader-row'))`,
      );

    // Baseline in the same run (the machine is shared and noisy): the same steps with 100 tasks.
    await seedTasks(h, BASELINE);
    const baselineFirstRowsMs = await loadAndRender(String(BASELINE));
    const baselineCompletedMs = await filterCompleted();

    const seedStart = performance.now();
    await seedTasks(h, TOTAL - BASELINE, BASELINE);
    const seedMs = performance.now() - seedStart;
    const firstRowsMs = await loadAndRender('10,000');
    const rowsAfterLoad = await page.locator('[role="grid"] [role="row"]').count();

    // Page through the whole list (cursor pages of 100), scrolling to the end until nothing is left to load.
    const allLoadedMs = await timeInPage(
      page,
      '',
      `const grid = document.querySelector('[role="grid"]');
       grid.scrollTop = grid.scrollHeight;
       return grid.getAttribute('aria-rowcount') === '${TOTAL}'`,
      120_000,
    );
    const scroll = await scrollThrough(page, 120);
    const wheel = await scrollThrough(page, 180, 120, 0.5);

    const completedMs = await filterCompleted();
    const activeMs = await timeInPage(
      page,
      `document.querySelector('#filter-active').click()`,
      `const rows = [...document.querySelectorAll('[role="grid"] .task-row:not(.loader-row)')];
       return rows.length > 0 && rows.every((r) => !r.classList.contains('done'))`,
    );
    await page.locator('#filter-all').click();
    const searchMs = await timeInPage(
      page,
      `const input = document.querySelector('input[aria-label="Search tasks"]');
       Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, 'dentist');
       input.dispatchEvent(new Event('input', { bubbles: true }))`,
      `const titles = [...document.querySelectorAll('[role="grid"] .row-title')].map((t) => t.textContent);
       return titles.length > 0 && titles.every((t) => t.includes('dentist'))`,
    );
    const sortMs = await timeInPage(
      page,
      `const select = document.querySelector('select[aria-label="Sort tasks"]');
       Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, 'title');
       select.dispatchEvent(new Event('change', { bubbles: true }))`,
      firstTitleMatches('^Task 00005 dentist$'),
      20_000,
    );

    expect(await filterCount(page, 'All')).toBe('10,000');
    expect(await filterCount(page, 'Completed')).toBe(String(Math.ceil(TOTAL / 3)).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    expect(rowsAfterLoad).toBeLessThan(60);
    expect(scroll.maxRowsInDom).toBeLessThan(60);
    expect(wheel.maxRowsInDom).toBeLessThan(60);

    const results = {
      measuredAt: new Date().toISOString(),
      tasks: TOTAL,
      seedViaRepositoryMs: Math.round(seedMs),
      firstRowsAndCountsAfterLoadMs: Math.round(firstRowsMs),
      baseline100Tasks: { firstRowsAndCountsAfterLoadMs: Math.round(baselineFirstRowsMs), filterCompletedMs: Math.round(baselineCompletedMs) },
      ratioFirstRender10000vs100: +(firstRowsMs / baselineFirstRowsMs).toFixed(2),
      ratioFilterCompleted10000vs100: +(completedMs / baselineCompletedMs).toFixed(2),
      pageThroughAll10000Ms: Math.round(allLoadedMs),
      flingTopToBottomIn120Frames: round(scroll),
      wheelScroll120PxPerFrame: round(wheel),
      filterCompletedMs: Math.round(completedMs),
      filterActiveMs: Math.round(activeMs),
      searchIncluding200msDebounceMs: Math.round(searchMs),
      sortByTitleMs: Math.round(sortMs),
    };
    console.log(`[perf] ${JSON.stringify(results, null, 2)}`);
    const dir = join(import.meta.dirname, '.artifacts');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'perf.json'), JSON.stringify(results, null, 2));
  });
});
