// Accessibility audit of whatever the page shows now, with axe-core (through @axe-core/playwright), in the
// light and the dark theme. Any e2e test can call it on the screen it has reached:
//   await expectAccessible(h.page, 'task list');
// It fails on serious and critical violations (WCAG 2.x A/AA rules and axe's best practices) and names each one
// with its rule, impact, the elements it hit and axe's own summary, so the message says what to fix.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export type Theme = 'light' | 'dark';

export interface AxeFinding {
  theme: Theme;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface AuditOptions {
  themes?: readonly Theme[];
  /** CSS selectors axe should leave out (e.g. a third-party widget another test owns). */
  exclude?: readonly string[];
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe in each theme and answers the serious and critical findings (none = passes). */
export async function auditAccessibility(page: Page, options: AuditOptions = {}): Promise<AxeFinding[]> {
  const findings: AxeFinding[] = [];
  const themes = options.themes ?? (['light', 'dark'] as const);
  const before = await page.evaluate<string | undefined>('document.documentElement.dataset.theme');
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme });
    await expect.poll(() => page.evaluate('document.documentElement.dataset.theme')).toBe(theme);
    // Transitions on colours would let axe read a colour half-way between the two themes.
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    let builder = new AxeBuilder({ page }).withTags(TAGS);
    for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
    const results = await builder.analyze();
    for (const violation of results.violations) {
      if (!violation.impact || !BLOCKING.has(violation.impact)) continue;
      findings.push({
        theme,
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => `${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.replace(/\s+/g, ' ').trim()})` : ''}`),
      });
    }
  }
  await page.emulateMedia({ colorScheme: before === 'dark' ? 'dark' : 'light' });
  return findings;
}

export function describeFindings(screen: string, findings: readonly AxeFinding[]): string {
  return findings
    .map((f) => `${screen} [${f.theme}] ${f.impact} ${f.rule}: ${f.help}\n  ${f.targets.slice(0, 8).join('\n  ')}`)
    .join('\n');
}

/** Fails the test with a readable list when the current screen has a serious or critical violation. */
export async function expectAccessible(page: Page, screen: string, options: AuditOptions = {}): Promise<void> {
  const findings = await auditAccessibility(page, options);
  expect(describeFindings(screen, findings), `accessibility of ${screen}`).toBe('');
}
