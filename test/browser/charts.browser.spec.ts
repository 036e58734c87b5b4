import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ID } from '../read-models/support/sample-year';
import { axeViolations } from './axe';
import { browserSession } from './browser-session';
import { startReadingLedger } from './reading-ledger';

/** The README's screenshots, taken of the sample ledger by this test. */
const README_SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');

/**
 * Where a README screenshot goes: into the repository only when asked (UPDATE_SCREENSHOTS=1), so
 * that running the tests does not change tracked files; otherwise to the temporary folder.
 */
function readmeScreenshot(name: string): string {
  return process.env.UPDATE_SCREENSHOTS === '1' ? path.join(README_SCREENSHOTS, name) : path.join(os.tmpdir(), `ledger-readme-${name}`);
}

const CHART_PAGES: [string, string, string[]][] = [
  ['the dashboard', '/dashboard', ['#chart-open-overdue', '#chart-status-by-inspection']],
  ['a recommendation whose target date was asked to move', `/recommendations/${ID.rec05}`, ['#chart-target-date']],
  ['the statutory responses', '/statutory-responses', ['#chart-statutory-clock']],
];

describe('charts drawn on the server, in the browser', () => {
  const session = browserSession(startReadingLedger);

  it('the README shows the screenshots this test takes', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    for (const name of ['dashboard.png', 'recommendation.png']) {
      expect(readme).toContain(`](docs/screenshots/${name})`);
      // A PNG's signature.
      expect(fs.readFileSync(path.join(README_SCREENSHOTS, name)).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }
  });

  /** A chart's picture: an SVG named as one image by the figure's caption, drawn with some marks. */
  async function picture(selector: string) {
    const figure = session.page.locator(selector);
    const svg = figure.locator('svg');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.getAttribute('aria-label')).toBe(await figure.locator('figcaption').innerText());
    expect(await svg.locator('path, line, rect').count()).toBeGreaterThan(3);
    return { figure, svg, table: figure.getByRole('table') };
  }

  it('shows open and overdue findings by month, and statuses by inspection, on the dashboard', async () => {
    await session.page.goto(`${session.ledger.url}/dashboard`);
    const overTime = await picture('#chart-open-overdue');
    const months = await overTime.table.locator('tbody tr').allInnerTexts();
    // The sample inspection was published in August 2024; the sample's query day is 22 August 2025.
    expect(months[0]).toMatch(/^31 August 2024\t\d+\t0$/);
    expect(months.at(-1)).toMatch(/^22 August 2025\t\d+\t[1-9]\d*$/);
    const byStatus = await picture('#chart-status-by-inspection');
    const statuses = await byStatus.table.locator('tbody tr').allInnerTexts();
    expect(statuses.some((row) => /national operating model.*\tIn progress\t[1-9]/.test(row))).toBe(true);
    await session.page.screenshot({ path: readmeScreenshot('dashboard.png'), fullPage: true });
  });

  it('shows a target date over time with each change asked for and its reason', async () => {
    await session.page.goto(`${session.ledger.url}/recommendations/${ID.rec05}`);
    const chart = await picture('#chart-target-date');
    const rows = await chart.table.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/^.+\t31 July 2025\tSet$/);
    expect(rows.some((row) => row.includes('31 October 2025') && row.includes('Refused'))).toBe(true);
    await session.page.screenshot({ path: readmeScreenshot('recommendation.png'), fullPage: true });
  });

  it('shows the 56-day clock of each statutory response', async () => {
    await session.page.goto(`${session.ledger.url}/statutory-responses`);
    const chart = await picture('#chart-statutory-clock');
    const rows = await chart.table.locator('tbody tr').allInnerTexts();
    expect(rows.some((row) => /national operating model.*\t\d+\t56\t/.test(row))).toBe(true);
  });

  it.each(CHART_PAGES)('prints the charts of %s', async (_name, address, charts) => {
    await session.page.goto(`${session.ledger.url}${address}`);
    await session.page.emulateMedia({ media: 'print' });
    for (const selector of charts) {
      const box = await session.page.locator(`${selector} svg`).boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(50);
    }
    // The page prints (Chromium's own PDF of it) with the charts in it.
    expect((await session.page.pdf()).length).toBeGreaterThan(10_000);
  });

  describe.each([
    ['at desktop width', 1280],
    ['at 320 px wide', 320],
  ])('accessibility %s', (_, width) => {
    it.each(CHART_PAGES)('%s, with its charts, has no WCAG 2.2 A or AA violation and its charts fit the screen', async (_name, address, charts) => {
      await session.page.setViewportSize({ width, height: 900 });
      await session.page.goto(`${session.ledger.url}${address}`);
      expect(await axeViolations(session.page)).toEqual([]);
      for (const selector of charts) {
        const box = await session.page.locator(`${selector} svg`).boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      }
    });
  });
});
