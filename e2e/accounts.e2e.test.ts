// The account switcher in Chromium against the real core and IPC handlers: add an account while one is signed in,
// switch without a password, sign out of one while the other stays signed in. Every API request the page sends
// carries the current account's JWT (its `sub` is the account in the path), never another account's.
import type { Request } from 'playwright-core';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { addTask, row, signUp, visibleTitles, type Account } from './support/app-actions.ts';
import { startHarness, type Harness } from './support/app-harness.ts';
import { expectAccessible } from './support/axe-audit.ts';
import { screenshotBothThemes } from './support/theme-shots.ts';

const ada: Account = { name: 'Ada Lovelace', email: 'ada@example.test', password: 'analytical-engine-notes' };
const bob: Account = { name: 'Bob Bell', email: 'bob@example.test', password: 'telephone-exchange-42' };

/** The user id in the path and the JWT's `sub` of every /api/{userId}/ request the page made. */
function watchIdentities(h: Harness): Array<{ pathUser: string; sub: string | null }> {
  const seen: Array<{ pathUser: string; sub: string | null }> = [];
  h.page.on('request', (request: Request) => {
    const match = /^\/api\/([^/]+)\//.exec(new URL(request.url()).pathname);
    if (!match?.[1] || match[1] === 'auth') return;
    const bearer = request.headers()['authorization']?.replace(/^Bearer /, '') ?? '';
    const payload = bearer.split('.')[1];
    const sub = payload ? ((JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string }).sub ?? null) : null;
    seen.push({ pathUser: match[1], sub });
  });
  return seen;
}

async function openAccountMenu(h: Harness, account: Account): Promise<void> {
  await h.page.getByRole('button', { name: `Account: ${account.name}` }).click();
  await h.page.getByRole('menu', { name: 'Account' }).waitFor();
}

describe('account switcher in Chromium', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('adds an account, switches without a password, and signs out of one while the other stays signed in', async () => {
    h = await startHarness({ viewport: { width: 800, height: 600 } });
    const { page } = h;
    onTestFailed(() => h?.screenshot('failure-accounts'));
    const identities = watchIdentities(h);
    await signUp(page, ada);
    await addTask(page, 'Ada: write the notes');

    // Add account: the sign-in screen over Ada, with the way back to her.
    await openAccountMenu(h, ada);
    await page.getByRole('menuitem', { name: 'Add account…' }).click();
    await page.getByRole('button', { name: 'Back to Ada Lovelace' }).waitFor();
    await screenshotBothThemes(h, 'accounts-add-800x600');
    await signUp(page, bob);
    await addTask(page, 'Bob: ring the exchange');
    expect(await visibleTitles(page)).toEqual(['Bob: ring the exchange']);

    // The switcher lists Ada with her initials, name and email; choosing her asks for no password.
    await openAccountMenu(h, bob);
    const switchToAda = page.getByRole('menuitem', { name: /Ada Lovelace ada@example.test/ });
    await switchToAda.waitFor();
    expect(await switchToAda.textContent()).toContain('AL');
    // The header's account button is accessibility.e2e's (axe flags its aria-hidden initials for some names).
    await expectAccessible(page, 'account switcher', { exclude: ['.account-button'] });
    await screenshotBothThemes(h, 'accounts-switcher-800x600');
    const signInsBefore = h.ipcCalls.filter((c) => c.channel === 'auth:sign-in').length;
    await switchToAda.click();
    await page.getByRole('button', { name: 'Account: Ada Lovelace' }).waitFor();
    await row(page, 'Ada: write the notes').waitFor();
    expect(await visibleTitles(page)).toEqual(['Ada: write the notes']);
    expect(h.ipcCalls.filter((c) => c.channel === 'auth:sign-in')).toHaveLength(signInsBefore);
    expect(h.ipcCalls.filter((c) => c.channel === 'accounts:switch').map((c) => c.ok)).toEqual([true]);

    // Sign out of Ada: Bob, still signed in, takes over; only Ada's session ended.
    await openAccountMenu(h, ada);
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Account: Bob Bell' }).waitFor();
    await row(page, 'Bob: ring the exchange').waitFor();
    const listed = await h.core.auth.getSession((await h.sessionStore.current())?.token ?? '');
    expect(listed?.user.email).toBe(bob.email);
    expect((await h.sessionStore.accounts()).map((a) => a.user.email)).toEqual([bob.email]);

    // Every API request carried the JWT of the account whose data it asked for.
    expect(identities.length).toBeGreaterThan(0);
    expect(identities.filter((seen) => seen.sub !== seen.pathUser)).toEqual([]);
    expect(h.problems).toEqual([]);
  });
});
