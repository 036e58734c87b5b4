import fs from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core, as installed: injected into each page by the test, never served by the application. */
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.2 A and AA, and the 2.0 and 2.1 rules they include. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  where: string[];
}

/** The page's WCAG 2.2 A and AA violations, as axe-core finds them. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_AA)} } }).then((results) => results.violations)`)) as {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: string[] }[];
  }[];
  return violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, where: v.nodes.map((node) => node.target.join(' ')).slice(0, 5) }));
}

/** At desktop width and at 320 px: no WCAG 2.2 A or AA violation, and no sideways scroll (WCAG 1.4.10 reflow). Leaves the page at desktop width. */
export async function accessibleAtEachWidth(page: Page): Promise<void> {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    expect({ width, violations: await axeViolations(page) }).toEqual({ width, violations: [] });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
