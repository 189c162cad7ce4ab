// Settings → Import & export in real Chromium against the real core: a file of each format chosen in the window
// (a file input: the e2e window has no native dialog), its dry-run preview, the import, its lists in the sidebar,
// the undo; and the three exports downloaded. The files are written the way the other apps write them.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openView, row, sideButton, signUp, type Account } from './support/app-actions.ts';
import { startHarness, type Harness, type HarnessOptions } from './support/app-harness.ts';
import { expectAccessible } from './support/axe-audit.ts';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function open(options: HarnessOptions = {}): Promise<Harness> {
  const h = await startHarness({ viewport: { width: 800, height: 600 }, ...options });
  harnesses.push(h);
  return h;
}

const ada: Account = { name: 'Ada Import', email: 'ada.import@example.test', password: 'analytical-engine-1843' };

const FILES = {
  'todo.txt': '(A) Call the plumber +Home @phone due:2026-12-10\nx 2026-11-30 2026-11-01 Pay rent +Home\nBuy stamps\n',
  'Tasks.json': JSON.stringify({
    kind: 'tasks#taskLists',
    items: [
      {
        kind: 'tasks#taskList',
        title: 'Groceries',
        items: [
          { kind: 'tasks#task', id: 'g1', title: 'Milk', status: 'needsAction', position: '00000000000000000001', updated: '2026-11-20T10:00:00.000Z' },
          { kind: 'tasks#task', id: 'g2', title: 'Oat milk', parent: 'g1', status: 'needsAction', position: '00000000000000000000', updated: '2026-11-20T10:00:00.000Z' },
        ],
      },
    ],
  }),
  'garden.ics': [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN',
    'X-WR-CALNAME:Garden',
    'BEGIN:VTODO',
    'UID:garden-1@example.test',
    'DTSTAMP:20261120T100000Z',
    'SUMMARY:Prune the roses',
    'PRIORITY:1',
    'DUE;VALUE=DATE:20261212',
    'END:VTODO',
    'BEGIN:VEVENT',
    'UID:event-1@example.test',
    'DTSTAMP:20261120T100000Z',
    'DTSTART:20261201T100000Z',
    'SUMMARY:Garden party',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n'),
} as const;

async function openImport(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: `Account: ${ada.name}` }).click();
  await page.getByRole('menuitem', { name: 'Import & export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'Choose a file…' }).waitFor();
  return dialog;
}

/** Files shaped as Todoist and TickTick write them: the readers' own fixtures (src-main/transfer/formats/fixtures). */
const FIXTURES = join(import.meta.dirname, '..', 'src-main', 'transfer', 'formats', 'fixtures');

async function chooseFile(page: Page, dialog: Locator, name: string, buffer?: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  const bytes = buffer ?? Buffer.from(FILES[name as keyof typeof FILES]);
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
}

describe('Settings → Import & export', () => {
  it('previews each file first, imports it into its lists, and undoes a whole import', async () => {
    const h = await open();
    onTestFailed(() => h.screenshot('failure-import'));
    const { page } = h;
    await signUp(page, ada);
    const dialog = await openImport(page);

    // todo.txt: +project is the list; the preview says what would happen and nothing is written yet.
    await chooseFile(page, dialog, 'todo.txt');
    const preview = dialog.getByRole('heading', { level: 4 });
    await expect.poll(() => preview.textContent()).toBe('todo.txt: 3 tasks into 2 lists (1 new)');
    expect(await dialog.getByRole('list', { name: 'Where the tasks go' }).textContent()).toMatch(/Home: 2 tasks \(new list\)/);
    await h.screenshot('import-preview-light');
    await expectAccessible(page, 'Import preview', { exclude: ['.app-header', '.sidebar', '.tasks-main'] });
    expect(await sideButton(page, 'Home').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Import 3 tasks' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Imported 3 tasks into 2 lists (1 new).' }).waitFor();
    await h.screenshot('import-done-light');

    // The same file again adds nothing, and the preview says why.
    await chooseFile(page, dialog, 'todo.txt');
    await expect.poll(() => preview.textContent()).toBe('todo.txt: 0 tasks, 3 skipped');
    await dialog.locator('.transfer-skips summary').click();
    expect(await dialog.locator('.transfer-skips').textContent()).toMatch(/already here/);
    expect(await dialog.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Google Tasks: its list, with a subtask; iCalendar: X-WR-CALNAME is the list, the VEVENT is skipped.
    await chooseFile(page, dialog, 'Tasks.json');
    await expect.poll(() => preview.textContent()).toBe('Tasks.json: 2 tasks into 1 list (1 new)');
    await dialog.getByRole('button', { name: 'Import 2 tasks' }).click();
    await dialog.getByRole('status').filter({ hasText: /^Imported 2 tasks/ }).waitFor();
    await chooseFile(page, dialog, 'garden.ics');
    await expect.poll(() => preview.textContent()).toBe('garden.ics: 1 task into 1 list (1 new), 1 skipped');
    await dialog.getByRole('button', { name: 'Import 1 task' }).click();
    await dialog.getByRole('status').filter({ hasText: /^Imported 1 task/ }).waitFor();

    // Undo the iCalendar import: its task and its new list go; the others stay.
    await dialog.getByRole('button', { name: 'Undo this import' }).click();
    await dialog.getByRole('status').filter({ hasText: 'The import was undone.' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => sideButton(page, 'Garden').count()).toBe(0);
    await openView(page, 'Home');
    await row(page, 'Call the plumber +Home').waitFor(); // todo.txt's +project word stays in the text; @phone became a tag
    await openView(page, 'Groceries');
    await row(page, 'Milk').waitFor();
  });

  it('imports a Todoist CSV into the list named in the form, and a TickTick backup into its lists', async () => {
    const h = await open({ colorScheme: 'dark' });
    onTestFailed(() => h.screenshot('failure-import-formats'));
    const { page } = h;
    await signUp(page, ada);
    const dialog = await openImport(page);
    const preview = dialog.getByRole('heading', { level: 4 });

    await dialog.getByLabel('List for files without lists').fill('Trip');
    await chooseFile(page, dialog, 'todoist-template.csv', readFileSync(join(FIXTURES, 'todoist-template.csv')));
    await expect.poll(() => preview.textContent()).toBe('todoist-template.csv: 5 tasks into 1 list (1 new)');
    await h.screenshot('import-preview-todoist-dark');
    await dialog.getByRole('button', { name: 'Import 5 tasks' }).click();
    await dialog.getByRole('status').filter({ hasText: /^Imported 5 tasks/ }).waitFor();

    await dialog.getByLabel('List for files without lists').fill('');
    await dialog.getByLabel('Format').selectOption({ label: 'TickTick (CSV backup)' });
    await chooseFile(page, dialog, 'ticktick-backup.csv', readFileSync(join(FIXTURES, 'ticktick-backup.csv')));
    await expect.poll(() => preview.textContent()).toBe('ticktick-backup.csv: 5 tasks into 2 lists (1 new)');
    await dialog.getByRole('button', { name: 'Import 5 tasks' }).click();
    await dialog.getByRole('status').filter({ hasText: /^Imported 5 tasks/ }).waitFor();

    await page.keyboard.press('Escape');
    await expect.poll(() => sideButton(page, 'Trip').count()).toBe(1);
    await expect.poll(() => sideButton(page, 'Garden').count()).toBe(1);
  });

  it('exports JSON, CSV and iCalendar (one list or all) as downloads where there is no save dialog', async () => {
    const h = await open({ colorScheme: 'dark' });
    onTestFailed(() => h.screenshot('failure-export'));
    const { page } = h;
    await signUp(page, ada);
    const dialog = await openImport(page);
    await chooseFile(page, dialog, 'todo.txt');
    await dialog.getByRole('button', { name: 'Import 3 tasks' }).click();
    await dialog.getByRole('status').filter({ hasText: /^Imported 3 tasks/ }).waitFor();
    await h.screenshot('import-done-dark');
    await expectAccessible(page, 'Import & export', { exclude: ['.app-header', '.sidebar', '.tasks-main'], themes: ['dark'] });

    const saved = async (button: string): Promise<{ name: string; text: string }> => {
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: button }).click();
      const file = await download;
      const path = await file.path();
      return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
    };
    const json = await saved('Export JSON');
    expect(json.name).toMatch(/^tasks-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(json.text)).toMatchObject({ format: 'tasks-desktop.export', version: 2 });
    // This app's own export back through the window: recognised, and everything in it is already here.
    await chooseFile(page, dialog, json.name, Buffer.from(json.text));
    await expect.poll(() => dialog.getByRole('heading', { level: 4 }).textContent()).toBe(`${json.name}: 0 tasks, 3 skipped`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const csv = await saved('Export CSV');
    expect(csv.text).toContain('Call the plumber');
    await dialog.getByLabel('Lists', { exact: true }).selectOption({ label: 'Home' });
    const ics = await saved('Export iCalendar');
    expect(ics.name).toMatch(/^Home-\d{4}-\d{2}-\d{2}\.ics$/);
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.text).toContain('X-WR-CALNAME:Home');
    expect(ics.text).toContain('SUMMARY:Call the plumber');
    expect(ics.text).not.toContain('SUMMARY:Buy stamps'); // in the Inbox, not in Home
    await dialog.getByRole('status').filter({ hasText: /^Downloaded Home-/ }).waitFor();
  });
});
