// What a person does in the app, as Playwright steps. Locators use roles and accessible names only.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Account {
  name: string;
  email: string;
  password: string;
}

export async function signUp(page: Page, account: Account): Promise<void> {
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: `Account: ${account.name}` }).waitFor();
}

export async function signIn(page: Page, account: Account, options: { remember?: boolean } = {}): Promise<void> {
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByLabel('Keep me signed in').setChecked(options.remember ?? true);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: `Account: ${account.name}` }).waitFor();
}

export async function signOut(page: Page, account: Account): Promise<void> {
  await page.getByRole('button', { name: `Account: ${account.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  // A deliberate sign-out is not an expired session: no notice.
  expect(await page.getByText('Your session ended.', { exact: false }).count()).toBe(0);
}

export async function addTask(page: Page, title: string, options: { priority?: string; due?: string } = {}): Promise<void> {
  await page.keyboard.press('n');
  const input = page.getByLabel('New task title');
  expect(await page.evaluate("document.activeElement?.getAttribute('aria-label')")).toBe('New task title');
  await input.fill(title);
  if (options.priority) await page.getByLabel('Priority for the new task').selectOption({ label: options.priority });
  if (options.due) await page.getByLabel('Due date for the new task').fill(options.due);
  await input.press('Enter');
  await row(page, title).waitFor();
  await expect.poll(() => row(page, title).getAttribute('id')).not.toMatch(/temp-/);
}

export function grid(page: Page): Locator {
  return page.getByRole('treegrid');
}

export function row(page: Page, title: string): Locator {
  return page.getByRole('row').filter({ has: page.locator('.row-title', { hasText: new RegExp(`^${escape(title)}$`) }) });
}

export async function visibleTitles(page: Page): Promise<string[]> {
  return page.locator('.row-title').allTextContents();
}

/** The open-task count a sidebar entry shows ('' when it shows none). */
export async function sideCount(page: Page, label: string): Promise<string> {
  const count = sideButton(page, label).locator('.side-count');
  return (await count.count()) ? ((await count.textContent()) ?? '') : '';
}

export function sideButton(page: Page, label: string): Locator {
  return page.getByRole('navigation', { name: 'Lists and views' }).getByRole('button', { name: new RegExp(`^${escape(label)}( \\d[\\d,]* open)?$`) });
}

/** Opens a sidebar entry (Inbox, Today, a list…) and waits for its heading. */
export async function openView(page: Page, label: string): Promise<void> {
  await sideButton(page, label).click();
  await page.getByRole('heading', { level: 1, name: label.startsWith('#') ? label : label }).waitFor();
}

/** Opens "View options" once (it stays open: the choice is remembered). */
export async function viewOptions(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'View options' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

export function localDate(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
