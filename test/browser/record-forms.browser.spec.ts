import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { readLog, removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { fillDate, launchChromium, type TestBrowser } from './chromium';
import { apiCommand, readModelsCaughtUp, registerSample } from './recording-support';

/** Screenshots land here, to be looked at when the pages change. */
const screenshot = (name: string) => path.join(os.tmpdir(), `ledger-recording-forms-${name}.png`);

describe('who is acting, sub-actions and scrutiny challenges in the browser', () => {
  let ledger: LedgerUnderTest;
  let browser: TestBrowser;
  let page: Page;
  let rec03: string;
  let inspectionId: string;

  beforeAll(async () => {
    ledger = await startLedger();
    browser = await launchChromium();
    const sample = await registerSample(ledger);
    rec03 = sample.findingIds[0];
    inspectionId = sample.inspectionId;
    await apiCommand(ledger, `/api/recommendations/${rec03}/accept`, { commitment: 'Train every detective', plannedCompletionDate: '2025-01-31' });
    await apiCommand(ledger, `/api/recommendations/${rec03}/assign-owner`, { owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' });
    await readModelsCaughtUp(ledger);
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  const bannerHeading = () => page.locator('.govuk-notification-banner__heading').innerText();

  it('says in the header of a reading page who is acting, and switching there comes back to that page', async () => {
    await page.goto(`${ledger.url}/dashboard`);
    expect(await page.locator('header nav[aria-label="Menu"] [aria-current="page"]').innerText()).toBe('Dashboard');
    expect((await page.locator('header #acting-as').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'Development Acting as Office Staff (development) (office, Office of the Police, Fire and Crime Commissioner) · Change who you are acting as',
    );
    await page.locator('header #acting-as').getByRole('link', { name: 'Change who you are acting as' }).click();
    await page.getByLabel('Force Action Owner (development)').check();
    await page.getByRole('button', { name: 'Act as this person' }).click();
    await page.waitForURL(`${ledger.url}/dashboard`);
    expect(await page.locator('header #acting-as').textContent()).toContain('Acting as Force Action Owner (development) (force-lead, Cumbria Constabulary)');
    await page.screenshot({ path: screenshot('1-dashboard-header') });
  });

  it('the action owner adds a sub-action and completes it, choosing it from those open', async () => {
    await page.goto(`${ledger.url}/recommendations/${rec03}`);
    await page.locator('#record').getByRole('link', { name: 'Add an action' }).click();
    await page.getByLabel('What is to be done').fill('Book 35 places on the specialist course');
    await page.getByLabel('Who will do it').fill('Training manager');
    await fillDate(page, 'Due date', '2024-11-30');
    await page.getByRole('button', { name: 'Add the action' }).click();
    await page.waitForURL((url) => url.searchParams.get('recorded') === 'add-action');
    expect(await bannerHeading()).toBe('Action added');

    await page.locator('#record').getByRole('link', { name: 'Record that an action is complete' }).click();
    await page.getByRole('button', { name: 'Record the action complete' }).click();
    expect(await page.locator('.govuk-error-summary__list a').allInnerTexts()).toEqual(['The action that is complete is required']);
    await page.getByLabel('Book 35 places on the specialist course').check();
    await page.screenshot({ path: screenshot('2-complete-action'), fullPage: true });
    await page.getByRole('button', { name: 'Record the action complete' }).click();
    await page.waitForURL((url) => url.searchParams.get('recorded') === 'complete-action');
    expect(await bannerHeading()).toBe('Action completed');
    const [added, completed] = (await readLog(ledger.store)).filter((event) => event.type === 'RecommendationActionAdded' || event.type === 'RecommendationActionCompleted');
    expect(completed.data.actionId).toBe(added.data.actionId);
    expect(completed.metadata).toMatchObject({ source: 'ui', actor: { id: 'force-action-owner' } });
  });

  it('office staff raise a scrutiny challenge about the recommendation, then record its answer', async () => {
    await page.goto(`${ledger.url}/recommendations/${rec03}`);
    await page.locator('header #acting-as').getByRole('link', { name: 'Change who you are acting as' }).click();
    await page.getByLabel('Office Staff (development)').check();
    await page.getByRole('button', { name: 'Act as this person' }).click();
    await page.waitForURL(`${ledger.url}/recommendations/${rec03}`);

    await page.getByRole('link', { name: 'Raise a scrutiny challenge about REC 03' }).click();
    await page.getByLabel('Forum').fill('Police and Crime Panel');
    await fillDate(page, 'Date of the meeting', '2025-03-12');
    await fillDate(page, 'Answer due by', '2025-03-01');
    await page.getByRole('button', { name: 'Record the challenge' }).click();
    expect(await page.locator('.govuk-error-summary__list a').allInnerTexts()).toEqual(['Question is required']);
    await page.getByLabel('Question', { exact: true }).fill('When will every detective have been trained?');
    await page.getByRole('button', { name: 'Record the challenge' }).click();
    expect(await page.locator('.govuk-error-summary__list a').allInnerTexts()).toEqual(['Answer due by (2025-03-01) may not be before the meeting (2025-03-12)']);
    await page.screenshot({ path: screenshot('3-raise-challenge-refused'), fullPage: true });
    await fillDate(page, 'Answer due by', '2025-04-09');
    await page.getByRole('button', { name: 'Record the challenge' }).click();
    await page.waitForURL((url) => url.pathname === `/recommendations/${rec03}` && url.searchParams.get('recorded') === 'raise-challenge');
    expect(await bannerHeading()).toBe('Scrutiny challenge raised');

    await page.locator('#challenges + .ledger-table-region table').getByRole('link', { name: /^Record an answer/ }).click();
    await page.getByLabel('Answer', { exact: true }).fill('By the end of January 2025, as committed.');
    await fillDate(page, 'Date answered', '2025-03-20');
    await page.getByRole('button', { name: 'Record the answer' }).click();
    await page.waitForURL((url) => url.searchParams.get('recorded') === 'answer-challenge');
    expect(await bannerHeading()).toBe('Answer recorded');
    expect(await page.locator('#challenges + .ledger-table-region table tbody tr td:nth-child(4)').textContent()).toContain('By the end of January 2025, as committed.');
    await page.locator('#challenges').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot('4-challenge-answered') });
  });

  it('office staff amend the details of the inspection with a reason', async () => {
    await page.goto(`${ledger.url}/inspections/${inspectionId}`);
    await page.getByRole('link', { name: 'Amend the details of the inspection' }).click();
    await page.getByLabel('HMICFRS reference (optional)').fill('RASSO-2024');
    await page.getByLabel('Reason for the amendment').fill('The reference was missing from the published page.');
    await page.screenshot({ path: screenshot('5-amend-details'), fullPage: true });
    await page.getByRole('button', { name: 'Record the amendment' }).click();
    await page.waitForURL((url) => url.searchParams.get('recorded') === 'amend-details');
    expect(await bannerHeading()).toBe('Details amended');
    expect(await page.locator('.govuk-summary-list__row', { hasText: 'HMICFRS reference' }).locator('dd').innerText()).toBe('RASSO-2024');
  });
});
