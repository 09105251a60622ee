import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * The automated half of an RGAA / WCAG 2.1 AA audit: axe-core on the screen as it stands,
 * failing on any critical or serious violation. Minor and moderate findings are left to the
 * manual audit (they are mostly best practices, not AA criteria).
 */
const BLOCKING = new Set(['critical', 'serious']);

export async function expectAccessible(page: Page, screen: string) {
  // Let the lazy screen and its queries settle: axe audits what is on the page right now.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}) : ${v.nodes.map((n) => `${n.html.slice(0, 160)} ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`).join(' | ')}`,
    );
  // Soft: one run lists every screen at fault, and the test still fails.
  expect.soft(blocking, `Écran « ${screen} »`).toEqual([]);
}
