// Token lifetime in real Chromium against the real core: an access JWT that expires mid-session is replaced
// without the person noticing; a session revoked elsewhere lands on sign-in with a notice, and signing in
// again returns to the same filter, search and sort.
import type { Response } from 'playwright-core';
import { afterEach, describe, expect, it, onTestFailed, vi } from 'vitest';
import { addTask, openView, row, sideCount, signIn, signUp, viewOptions, visibleTitles, type Account } from './support/app-actions.ts';
import { startHarness, type Harness } from './support/app-harness.ts';

const grace: Account = { name: 'Grace Hopper', email: 'grace@example.test', password: 'compile-the-nanoseconds' };
const SIXTEEN_MINUTES = 16 * 60_000;

function watch401(harness: Harness): Response[] {
  const rejected: Response[] = [];
  harness.page.on('response', (response) => {
    if (response.status() === 401 && new URL(response.url()).pathname.startsWith('/api/')) rejected.push(response);
  });
  return rejected;
}

describe('session lifetime in Chromium', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    vi.useRealTimers();
    await h?.close();
    h = null;
  });

  it('refreshes an access token that expired mid-session and retries, without leaving the list', async () => {
    h = await startHarness();
    const { page } = h;
    onTestFailed(() => h?.screenshot('failure-token-expiry'));
    await signUp(page, grace);
    await addTask(page, 'Before the token expired');
    const rejected = watch401(h);
    const callsBefore = h.ipcCalls.length;
    const tokensBefore = h.issuedTokens.size;

    // Main's clock (JWT minting and the API's verification) moves 16 minutes on: the page's JWT is now expired.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + SIXTEEN_MINUTES);

    await addTask(page, 'After the token expired');
    await expect.poll(() => sideCount(page, 'Inbox')).toBe('2');
    expect(await page.getByRole('heading', { name: 'Sign in' }).count()).toBe(0);
    // The API refused the old JWT once; the page asked main for a forced refresh and retried with the new one.
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    const refreshes = h.ipcCalls.slice(callsBefore).filter((c) => c.channel === 'auth:access-token');
    expect(refreshes.some((c) => c.forceRefresh && c.ok)).toBe(true);
    expect(h.issuedTokens.size).toBe(tokensBefore + 1);
    expect(h.problems.filter((p) => !p.includes('status of 401'))).toEqual([]);
  });

  it('refreshes ahead of expiry in the background, so no request is ever refused', async () => {
    h = await startHarness();
    const { page } = h;
    onTestFailed(() => h?.screenshot('failure-refresh-ahead'));
    await page.clock.install();
    await page.reload();
    await signUp(page, grace);
    await addTask(page, 'Before the refresh');
    const rejected = watch401(h);
    const callsBefore = h.ipcCalls.length;
    const tokensBefore = h.issuedTokens.size;

    // 14.5 minutes pass on both clocks: the page's timer (due 60 s before expiry) asks main for a new token.
    const elapsed = 14 * 60_000 + 30_000;
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + elapsed);
    await page.clock.fastForward(elapsed);
    await expect.poll(() => h?.ipcCalls.slice(callsBefore).some((c) => c.channel === 'auth:access-token' && c.forceRefresh && c.ok)).toBe(true);
    expect(h.issuedTokens.size).toBe(tokensBefore + 1);

    await addTask(page, 'After the refresh');
    await expect.poll(() => sideCount(page, 'Inbox')).toBe('2');
    expect(rejected).toHaveLength(0);
    expect(h.problems).toEqual([]);
  });

  it('returns to sign-in with a notice when the session is revoked, then back to the same view', async () => {
    h = await startHarness();
    const { page } = h;
    onTestFailed(() => h?.screenshot('failure-revoked'));
    await signUp(page, grace);
    await addTask(page, 'Pay the electricity bill');
    await addTask(page, 'Return library books');
    await addTask(page, 'Email the landlord');
    await row(page, 'Pay the electricity bill').getByRole('checkbox').click();
    await row(page, 'Return library books').getByRole('checkbox').click();
    await expect.poll(() => sideCount(page, 'Inbox')).toBe('1');
    await openView(page, 'All tasks');
    await viewOptions(page);
    await page.getByLabel('Show completed').check();
    await page.getByLabel('Search tasks').fill('bill');
    await expect.poll(() => visibleTitles(page)).toEqual(['Pay the electricity bill']);

    // Revoked elsewhere (e.g. signed out from another window or by an admin): main's session is dead.
    const session = await h.sessionStore.current();
    expect(session).not.toBeNull();
    await h.core.auth.signOut(session?.token ?? '');

    await page.getByLabel('Sort tasks').selectOption({ label: 'Title' });
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Your session ended. Sign in to continue.' }).waitFor();
    await h.screenshot('session-ended-light');

    await signIn(page, grace);
    await page.getByRole('heading', { level: 1, name: 'All tasks' }).waitFor();
    expect(await page.getByLabel('Show completed').isChecked()).toBe(true);
    expect(await page.getByLabel('Search tasks').inputValue()).toBe('bill');
    expect(await page.getByLabel('Sort tasks').inputValue()).toBe('title');
    await expect.poll(() => visibleTitles(page)).toEqual(['Pay the electricity bill']);
  });
});
