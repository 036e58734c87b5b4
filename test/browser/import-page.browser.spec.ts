import os from 'node:os';
import path from 'node:path';
import { readLog } from '../e2e/support/ledger-under-test';
import { browserSession, throwawayLedger } from './browser-session';
import { fillDate } from './chromium';

const repoRoot = path.resolve(__dirname, '..', '..');
const samplePage = path.join(repoRoot, '..', 'shared', 'samples', 'cumbria-rasso-national-operating-model-2024.txt');
const screenshots = os.tmpdir();

describe('importing a published page in the browser', () => {
  const session = browserSession(throwawayLedger);

  async function uploadSample(): Promise<void> {
    await session.page.goto(`${session.ledger.url}/import`);
    await session.page.setInputFiles('#page-file', samplePage);
    await session.page.getByRole('button', { name: 'Preview what will be recorded' }).click();
    await session.page.waitForURL(`${session.ledger.url}/import/preview`);
  }

  it('the home page links to the register, the import, registering by hand and the API documentation', async () => {
    await session.page.goto(`${session.ledger.url}/`);

    expect(await session.page.title()).toBe('Home – PFCC accountability ledger');
    expect(await session.page.locator('a.govuk-skip-link').getAttribute('href')).toBe('#main-content');
    expect(await session.page.locator('main#main-content h1').innerText()).toBe('PFCC accountability ledger');
    const main = session.page.locator('main');
    expect(await main.getByRole('link', { name: 'Register', exact: true }).getAttribute('href')).toBe('/register');
    expect(await main.getByRole('link', { name: 'Import a published page' }).getAttribute('href')).toBe('/import');
    expect(await main.getByRole('link', { name: 'Register an inspection by hand' }).getAttribute('href')).toBe('/register-an-inspection');
    expect(await main.getByRole('link', { name: 'API documentation' }).getAttribute('href')).toBe('/api/docs');
    expect(await session.page.locator('header nav[aria-label="Menu"] a').allInnerTexts()).toEqual(['Dashboard', 'Register', 'Import a page', 'API documentation']);
    expect(await session.page.locator('footer').count()).toBe(1);
    // GOV.UK Frontend's stylesheet and script were served and ran.
    // (Expressions as strings: the project's TypeScript has no DOM types.)
    expect(await session.page.evaluate("getComputedStyle(document.querySelector('.govuk-skip-link')).position")).toBe('absolute');
    await session.page.waitForFunction("document.body.classList.contains('govuk-frontend-supported')");
  });

  it('an empty form is answered with an error summary that links to the field', async () => {
    await session.page.goto(`${session.ledger.url}/import`);
    await session.page.getByRole('button', { name: 'Preview what will be recorded' }).click();

    expect(await session.page.title()).toBe('Error: Import a published page – PFCC accountability ledger');
    const summary = session.page.locator('.govuk-error-summary');
    expect(await summary.getByRole('link').innerText()).toBe('Select a file of the published page, or paste its text');
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#page-file');
    expect(await session.page.locator('#page-file-error').textContent()).toContain('Select a file of the published page, or paste its text');
    // GOV.UK Frontend moves the focus to the summary, so it is read out first.
    await session.page.waitForFunction("document.activeElement && document.activeElement.closest('.govuk-error-summary') !== null");
  });

  it('upload the sample, see exactly what will be recorded, confirm, see it recorded; the same page again records nothing', async () => {
    const before = await session.ledger.store.headPosition();
    await uploadSample();

    expect(await session.page.locator('h1').innerText()).toBe('Check what will be recorded');
    expect(await session.page.locator('#already-recorded').count()).toBe(0);
    const findings = session.page.locator('#findings tbody tr');
    expect(await findings.locator('th').allInnerTexts()).toEqual(['REC 03', 'REC 05', 'REC 07', 'REC 09', 'REC 11']);
    expect(await findings.locator('td:nth-child(3)').allInnerTexts()).toEqual(['31 January 2025', '31 July 2025', '31 January 2025', '31 January 2025', '31 March 2025']);
    expect(await findings.nth(2).locator('li').count()).toBe(2);
    expect(await findings.nth(4).locator('li').count()).toBe(3);
    const responses = session.page.locator('#responses tbody tr');
    expect(await responses.locator('th').allInnerTexts()).toEqual(['REC 03', 'REC 05', 'REC 07', 'REC 09', 'REC 11']);
    expect(await responses.nth(0).locator('td:nth-child(3)').textContent()).toContain('31 January 2025');
    expect(await responses.nth(2).locator('td:nth-child(3)').textContent()).toContain('Derived: check it');
    expect(await session.page.locator('#warnings li').first().textContent()).toContain('"within one month" was counted from the statutory deadline');
    expect(await session.page.locator('#steps li').count()).toBe(8);
    // The plan's sentences as a page writes them: dates in words, the type of inspection in words, no codes.
    const steps = await session.page.locator('#steps li').allInnerTexts();
    expect(steps[0]).toMatch(/^Register the police inspection ".+", published 22 August 2024, type National thematic \("National Thematic" as written\), with 5 findings: REC 03, REC 05, REC 07, REC 09, REC 11\.$/);
    expect(steps[3]).toBe('Accept REC 03 on behalf of the Chief Constable on 16 October 2024, planned completion 31 January 2025.');
    for (const text of [...steps, ...(await session.page.locator('#warnings li').allInnerTexts())]) expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|national-thematic/);
    expect(await session.ledger.store.headPosition()).toBe(before);
    await session.page.screenshot({ path: path.join(screenshots, 'ledger-import-preview.png'), fullPage: true });

    // REC 07's "within one month" is only a derived date: the office corrects it before recording.
    await fillDate(session.page, 'Planned completion date for REC 07', '2024-12-31');
    await session.page.getByRole('button', { name: 'Record this inspection' }).click();
    await session.page.waitForURL(`${session.ledger.url}/import/confirm`);

    expect(await session.page.locator('h1').innerText()).toBe('Inspection recorded');
    expect(await session.page.locator('.govuk-panel__body').innerText()).toBe('8 of 8 steps recorded');
    // Its links go to the pages of what was recorded, not to JSON.
    const inspectionPage = await session.page.getByRole('link', { name: 'The inspection' }).getAttribute('href');
    expect(inspectionPage).toMatch(/^\/inspections\/[0-9a-f-]{36}$/);
    expect(await session.page.getByRole('link', { name: 'REC 03' }).getAttribute('href')).toMatch(/^\/recommendations\/[0-9a-f-]{36}$/);
    await session.page.screenshot({ path: path.join(screenshots, 'ledger-import-confirmation.png'), fullPage: true });

    const events = await readLog(session.ledger.store);
    const accepted = events.filter((e) => e.type === 'RecommendationAccepted');
    expect(accepted).toHaveLength(5);
    expect(accepted.map((e) => e.data['plannedCompletionDate'])[2]).toBe('2024-12-31');
    for (const event of events) expect(event.metadata).toMatchObject({ source: 'ui', actor: { id: 'office-staff' } });
    expect(accepted[0].metadata['onBehalfOf']).toEqual({ name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' });

    const shown = await session.page.goto(`${session.ledger.url}${inspectionPage}`);
    expect(shown?.status()).toBe(200);
    expect(await session.page.locator('h1').innerText()).toContain('national operating model');

    // The same page again: the preview says the ledger holds it, nothing new is recorded, and the page says so.
    const head = await session.ledger.store.headPosition();
    await uploadSample();
    expect(await session.page.locator('#already-recorded').innerText()).toContain('This inspection is already in the ledger');
    expect(await session.page.locator('#already-recorded').getByRole('link', { name: 'See its page' }).getAttribute('href')).toBe(inspectionPage);
    await fillDate(session.page, 'Planned completion date for REC 07', '2024-12-31');
    await session.page.getByRole('button', { name: 'Record this inspection' }).click();
    await session.page.waitForURL(`${session.ledger.url}/import/confirm`);

    expect(await session.page.locator('h1').innerText()).toBe('Already imported: nothing recorded');
    expect(await session.page.locator('#outcome .govuk-tag').allInnerTexts()).toEqual(Array(8).fill('Already recorded'));
    expect(await session.ledger.store.headPosition()).toBe(head);
  });
});
