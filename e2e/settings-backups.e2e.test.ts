// Settings → Backups in real Chromium against the real core: the start-up and manual backups listed with time,
// reason and size, "Back up now", and "Restore this backup" asking first and then handing main exactly that backup
// (main's restore itself, which stops the core and relaunches, is tested in src-main/electron).
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { signUp, type Account } from './support/app-actions.ts';
import { startHarness, type Harness } from './support/app-harness.ts';
import { expectAccessible } from './support/axe-audit.ts';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const ada: Account = { name: 'Ada Backup', email: 'ada.backup@example.test', password: 'analytical-engine-1843' };

describe('Settings → Backups', () => {
  it('backs up now, lists the backup, and asks before restoring it', async () => {
    const h = await startHarness({ viewport: { width: 800, height: 600 } });
    harnesses.push(h);
    onTestFailed(() => h.screenshot('failure-backups'));
    const { page } = h;
    await signUp(page, ada);
    await page.getByRole('button', { name: `Account: ${ada.name}` }).click();
    await page.getByRole('menuitem', { name: 'Backups…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect.poll(() => dialog.getByRole('tab', { selected: true }).textContent()).toBe('Backups');
    await dialog.getByText('No backups yet.').waitFor();

    await dialog.getByRole('button', { name: 'Back up now' }).click();
    await dialog.getByRole('status').filter({ hasText: /Backed up \(\d/ }).waitFor();
    const rows = dialog.getByRole('row').filter({ hasText: 'Backed up by you' });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/KB/);
    await h.screenshot('settings-backups-light');
    // The screens behind the modal are audited by their own e2e (organize, layout); this one audits the dialog.
    await expectAccessible(page, 'Settings → Backups', { exclude: ['.app-header', '.sidebar', '.tasks-main'] });

    const [backup] = h.core.backups.list();
    await rows.first().getByRole('button', { name: /^Restore this backup \(/ }).click();
    const confirm = dialog.getByRole('alertdialog');
    expect(await confirm.textContent()).toMatch(/Every account on this computer/);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(h.restores).toEqual([]);

    await rows.first().getByRole('button', { name: /^Restore this backup \(/ }).click();
    await h.screenshot('settings-backups-confirm-light');
    await dialog.getByRole('alertdialog').getByRole('button', { name: 'Restore and restart' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Restoring…' }).waitFor();
    expect(h.restores).toEqual([join(h.core.dataDir, 'backups', backup?.name ?? '')]);
  });

  it('moves between the Settings tabs with the arrow keys', async () => {
    const h = await startHarness({ colorScheme: 'dark', viewport: { width: 800, height: 600 } });
    harnesses.push(h);
    const { page } = h;
    await signUp(page, ada);
    await page.getByRole('button', { name: `Account: ${ada.name}` }).click();
    await page.getByRole('menuitem', { name: 'API & tokens…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect.poll(() => dialog.getByRole('tab', { name: 'API & tokens' }).evaluate((tab) => (tab as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === tab)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => dialog.getByRole('tab', { selected: true }).textContent()).toBe('Import & export');
    await dialog.getByRole('button', { name: 'Choose a file…' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => dialog.getByRole('tab', { selected: true }).textContent()).toBe('Backups');
    await page.keyboard.press('Home');
    await expect.poll(() => dialog.getByRole('tab', { selected: true }).textContent()).toBe('API & tokens');
    await h.screenshot('settings-tabs-dark');
  });
});
