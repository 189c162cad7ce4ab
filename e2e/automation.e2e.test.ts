// Automation in real Chromium against the real core: a token created in Settings → API tokens drives the API
// from a "script" (fetch in this process), and the open window shows the script's task live, without a reload.
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { row, signUp, type Account } from './support/app-actions.ts';
import { startHarness, type Harness, type HarnessOptions } from './support/app-harness.ts';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function open(options: HarnessOptions = {}): Promise<Harness> {
  const h = await startHarness(options);
  harnesses.push(h);
  return h;
}

async function openSettings(page: Page, account: Account): Promise<void> {
  await page.getByRole('button', { name: `Account: ${account.name}` }).click();
  await page.getByRole('menuitem', { name: 'API & tokens…' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).waitFor();
}

async function createToken(page: Page, name: string, write: boolean): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel(write ? 'Read and change tasks' : 'Read tasks').check();
  await dialog.getByLabel('Expires').selectOption('30 days');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const secret = dialog.getByLabel('New token');
  await secret.waitFor();
  return secret.inputValue();
}

describe('automation in Chromium', () => {
  it('a task created through the API with a token from Settings appears live; revoking the token stops it', async () => {
    const h = await open();
    onTestFailed(() => h.screenshot('failure-automation'));
    const ada: Account = {
      name: 'Ada Script',
      email: 'ada.script@example.test',
      password: 'analytical-engine-1843',
    };
    const { page } = h;
    await signUp(page, ada);

    await openSettings(page, ada);
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect.poll(() => dialog.getByTestId('api-address').textContent()).toBe(h.core.apiBaseUrl);
    expect(await dialog.getByRole('link', { name: 'API docs' }).getAttribute('href')).toBe(
      `${h.core.apiBaseUrl}/api/docs`,
    );
    const token = await createToken(page, 'e2e script', true);
    expect(token).toMatch(/^tdpat_[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole('row', { name: /e2e script/ }).waitFor();
    await h.screenshot('api-tokens-light');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The "script": plain HTTP with the token, no reload of the window.
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const me = (await (await fetch(`${h.core.apiBaseUrl}/api/me`, { headers: auth })).json()) as {
      id: string;
    };
    const started = Date.now();
    const created = await fetch(`${h.core.apiBaseUrl}/api/${me.id}/tasks`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'Added by a script' }),
    });
    expect(created.status).toBe(201);
    await row(page, 'Added by a script').waitFor({ timeout: 10_000 });
    console.log(`[automation e2e] task from the API visible in the window after ${Date.now() - started} ms`);

    // Revoke in Settings: the script's next request is refused.
    await openSettings(page, ada);
    await dialog.getByRole('button', { name: 'Revoke e2e script' }).click();
    // The app asks first, in its own dialog naming the token; Esc answers no and leaves Settings open.
    const sure = page.getByRole('alertdialog', { name: 'Revoke this token?' });
    await sure.getByText('Scripts using “e2e script” stop working at once.', { exact: false }).waitFor();
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Cancel');
    await h.screenshot('revoke-confirm-light');
    await page.keyboard.press('Escape');
    await sure.waitFor({ state: 'detached' });
    expect(await dialog.getByRole('button', { name: 'Revoke e2e script' }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Revoke e2e script' }).click();
    await sure.getByRole('button', { name: 'Revoke token' }).click();
    await dialog.getByText('No tokens yet.').waitFor();
    const refused = await fetch(`${h.core.apiBaseUrl}/api/${me.id}/tasks`, { headers: auth });
    expect(refused.status).toBe(401);
    expect(h.problems).toEqual([]);
  });

  it('Settings → API tokens in dark mode at 800×600', async () => {
    const h = await open({ colorScheme: 'dark', viewport: { width: 800, height: 600 } });
    onTestFailed(() => h.screenshot('failure-api-tokens-dark'));
    const bo: Account = {
      name: 'Bo Dark',
      email: 'bo.dark@example.test',
      password: 'analytical-engine-1843',
    };
    await signUp(h.page, bo);
    await openSettings(h.page, bo);
    await createToken(h.page, 'read-only reporter', false);
    await h.screenshot('api-tokens-dark-800x600');
    const dialog = h.page.getByRole('dialog', { name: 'Settings' });
    const box = await dialog.boundingBox();
    expect(box && box.width <= 800 && box.height <= 600).toBe(true);
    expect(h.problems).toEqual([]);
  });
});
