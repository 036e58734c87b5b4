import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { readLog, removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { readSamplePage } from '../e2e/support/sample-page';
import { rec03Commitment } from '../e2e/support/sample-requests';
import { fillDate, launchChromium, type TestBrowser } from './chromium';
import { readModelsCaughtUp, registerSample } from './recording-support';

/** Screenshots land here, to be looked at when the pages change. */
const screenshot = (name: string) => path.join(os.tmpdir(), `ledger-recording-${name}.png`);

// The whole life of a recommendation, page by page, in one test: slow on a busy machine.
jest.setTimeout(90_000);

describe('taking REC 03 of the sample from its decision to its close in the browser', () => {
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

  /** Follows a link of the recommendation page's "Record what happened" section, fills the form in, sends it and lands back on the page. */
  async function record(link: string, fill: () => Promise<void>, button: string, banner: string): Promise<void> {
    await page.locator('#record').getByRole('link', { name: link, exact: true }).click();
    await fill();
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/recommendations/${rec03}` && url.searchParams.get('recorded') !== null);
    expect(await page.locator('.govuk-notification-banner__heading').innerText()).toBe(banner);
  }

  /** Switches person from the header, and comes back to the recommendation's page. */
  async function actAs(name: string): Promise<void> {
    await page.locator('header #acting-as').getByRole('link', { name: 'Change who you are acting as' }).click();
    await page.getByLabel(name).check();
    await page.getByRole('button', { name: 'Act as this person' }).click();
    await page.waitForURL(`${ledger.url}/recommendations/${rec03}`);
    expect(await page.locator('header #acting-as').textContent()).toContain(`Acting as ${name}`);
  }

  it('office staff record the decision on behalf of the Chief Constable and the owner; the owner reports, evidences and marks it complete; the performance lead verifies; the office closes it', async () => {
    await page.goto(`${ledger.url}/recommendations/${rec03}`);
    expect(await page.locator('header #acting-as').textContent()).toContain('Acting as Office Staff (development)');
    expect(await page.locator('#record a').allInnerTexts()).toEqual([
      'Record that it is accepted',
      'Record that it is partially accepted',
      'Record that it is not accepted',
      'Record whether it applies here',
      'Record that it waits on someone outside the force',
      'Record that it is superseded',
      'Record that it is no longer relevant',
      'Correct an entry of the timeline',
      'Correct the date of an entry',
    ]);
    await page.screenshot({ path: screenshot('1-issued'), fullPage: true });

    await page.locator('#record').getByRole('link', { name: 'Record that it is accepted' }).click();
    expect(await page.getByLabel('Their name').inputValue()).toBe('Chief Constable');
    await page.getByRole('button', { name: 'Record the acceptance' }).click();
    expect(await page.title()).toBe('Error: Record that the recommendation is accepted – PFCC accountability ledger');
    expect(await page.locator('.govuk-error-summary__list a').allInnerTexts()).toEqual(['Commitment is required', 'Their organisation is required']);
    await page.waitForFunction("document.activeElement && document.activeElement.closest('.govuk-error-summary') !== null");
    await page.screenshot({ path: screenshot('2-accept-errors'), fullPage: true });
    await page.getByLabel('Commitment').fill(rec03Commitment(readSamplePage()));
    await fillDate(page, 'Planned completion date (optional)', '2025-01-31');
    await page.getByLabel('Their organisation').fill('Cumbria Constabulary');
    await fillDate(page, 'Date it happened (optional)', '2024-09-24');
    await page.getByRole('button', { name: 'Record the acceptance' }).click();
    await page.waitForURL((url) => url.searchParams.get('recorded') === 'accept');
    expect(await page.locator('.govuk-notification-banner__heading').innerText()).toBe('Acceptance recorded');
    await page.screenshot({ path: screenshot('3-accepted'), fullPage: true });

    await record(
      'Assign an owner',
      async () => {
        await page.getByLabel('Owner').fill('Head of Public Protection');
        await page.getByLabel('Organisation').fill('Cumbria Constabulary');
      },
      'Assign the owner',
      'Owner assigned',
    );

    await actAs('Force Action Owner (development)');
    await record(
      'Record progress',
      async () => {
        await page.getByLabel('Progress').fill('21 of 35 investigating detectives have completed the course.');
        await page.getByLabel('Percent complete (optional)').fill('60');
        await page.getByLabel('Green').check();
      },
      'Record the progress',
      'Progress recorded',
    );
    const document = 'Training register: 35 of 35 detectives trained';
    await record(
      'Submit evidence',
      async () => {
        await page.getByLabel('Title').fill('Training register, January 2025');
        await page.getByLabel('Document reference or web address').fill('CC/PP/2025/014');
        await page.getByLabel('SHA-256 of the document').fill(createHash('sha256').update(document).digest('hex'));
        await page.getByLabel('OFFICIAL', { exact: true }).check();
      },
      'Submit the evidence',
      'Evidence submitted',
    );
    await record(
      'Mark it complete',
      async () => {
        await page.getByLabel('Summary').fill('All 35 investigating detectives have completed the approved course.');
        await page.getByLabel('Training register, January 2025').check();
        await page.screenshot({ path: screenshot('4-mark-complete'), fullPage: true });
      },
      'Mark complete',
      'Marked complete',
    );

    // The force lead who marked it complete may not verify it: verifying is the verifier's, and the form is refused to them.
    const logBefore = (await readLog(ledger.store)).length;
    await page.goto(`${ledger.url}/recommendations/${rec03}/record/verify`);
    expect(await page.locator('h1').innerText()).toBe('You cannot do this');
    expect((await readLog(ledger.store)).length).toBe(logBefore);
    await page.screenshot({ path: screenshot('5-verify-refused'), fullPage: true });

    // Switching person from the header of the refused page comes back to the form.
    await page.locator('header #acting-as').getByRole('link', { name: /Change/ }).click();
    await page.getByLabel('Performance Lead (development)').check();
    await page.getByRole('button', { name: 'Act as this person' }).click();
    await page.waitForURL(`${ledger.url}/recommendations/${rec03}/record/verify`);
    expect(await page.locator('#acting-as').textContent()).toContain('Acting as Performance Lead (development) (verifier, Office of the Police, Fire and Crime Commissioner)');
    await page.getByLabel('Comment (optional)').fill('Checked the training register against the HR list.');
    await page.getByRole('button', { name: 'Verify the completion' }).click();
    await page.waitForURL((url) => url.searchParams.get('recorded') === 'verify');

    await actAs('Commissioner (development)');
    await record('Close it (PFCC sign-off)', async () => page.getByLabel('Comment (optional)').fill('Signed off at the October accountability board.'), 'Close the recommendation', 'Recommendation closed');
    // Once closed, nothing is left that the commissioner may record; the office and the liaison see theirs (test/access/forms-by-role.e2e.spec.ts).
    expect(await page.locator('#record a').allInnerTexts()).toEqual([]);
    expect(await page.locator('#record').innerText()).toContain('Nothing you may record about REC 03 can be recorded while it is in this status.');

    const summary = page.locator('.govuk-summary-list').first();
    expect(await summary.locator('.govuk-summary-list__row', { hasText: 'Status' }).locator('dd').innerText()).toBe('Closed');
    const rows = page.locator('#timeline tbody tr');
    const who = await rows.locator('td:nth-child(3)').allInnerTexts();
    const what = await rows.locator('td:nth-child(4)').allInnerTexts();
    // In the order things happened: a registration is dated on the report's publication day, before the decision of the 24 September meeting.
    expect(what.map((text) => text.split(/[;:\n]/)[0])).toEqual([
      'REC 03 issued (recommendation), inspectorate due date 2025-01-31',
      'Accepted',
      'Target date set',
      'Owner assigned',
      'Work started',
      'Progress reported (60% complete), self-assessed GREEN',
      'Evidence submitted',
      'Marked complete',
      expect.stringMatching(/^Completion verified by Performance Lead \(development\)/),
      "Closed with the PFCC's sign-off",
    ]);
    expect(what.filter((_, index) => index !== 0).every((text) => text.includes('Recorded through the web pages'))).toBe(true);
    expect(who[1]).toBe('Office Staff (development), office, Office of the Police, Fire and Crime Commissioner\non behalf of Chief Constable, Chief Constable, Cumbria Constabulary');
    expect(who.slice(5, 8)).toEqual(Array(3).fill('Force Action Owner (development), force-lead, Cumbria Constabulary'));
    expect(who[8]).toBe('Performance Lead (development), verifier, Office of the Police, Fire and Crime Commissioner');
    expect(who[9]).toBe('Commissioner (development), commissioner, Office of the Police, Fire and Crime Commissioner');
    expect(await rows.nth(0).locator('td').first().innerText()).toBe('22 August 2024');
    expect(await rows.nth(1).locator('td').first().innerText()).toBe('24 September 2024');
    await page.screenshot({ path: screenshot('6-closed'), fullPage: true });
    // Eleven pages recorded one after another in a real browser: slow on a busy machine.
  }, 90_000);

  it('registers an inspection by hand, adding its findings one by one without script, and records the first step of its statutory response', async () => {
    // Registering is the office's: the commissioner signed off last.
    await page.goto(`${ledger.url}/recommendations/${rec03}`);
    await actAs('Office Staff (development)');
    await page.goto(`${ledger.url}/inspections/${inspectionId}`);
    await page.getByRole('link', { name: 'Register an inspection by hand' }).click();
    await page.getByLabel('Title').fill('Custody suites inspection');
    await page.getByLabel('Custody', { exact: true }).check();
    await page.getByLabel('This force or service only').check();
    await page.getByLabel('Police').check();
    await fillDate(page, 'Date published', '2025-03-03');
    await page.getByLabel('Finding 1: reference').fill('REC 1');
    await page.locator('#findings-0-findingType').check();
    await page.getByLabel('Finding 1: text').fill('Keep full custody records.');
    await page.getByRole('button', { name: 'Add another finding' }).click();
    await page.getByLabel('Finding 2: reference').fill('AFI 1');
    await page.getByLabel('Area for improvement').nth(1).check();
    await page.getByLabel('Finding 2: text').fill('Improve the handover between shifts.');
    await page.screenshot({ path: screenshot('7-register-by-hand'), fullPage: true });
    await page.getByRole('button', { name: 'Register the inspection' }).click();
    await page.waitForURL((url) => url.searchParams.get('recorded') === 'registered');
    expect(await page.locator('.govuk-notification-banner__heading').innerText()).toBe('Inspection registered');
    expect(await page.locator('h1').innerText()).toBe('Custody suites inspection');
    expect(await page.locator('#findings ~ * a, #findings ~ * table a').allInnerTexts()).toEqual(expect.arrayContaining(['REC 1', 'AFI 1']));

    await page.locator('#record-statutory').getByRole('link', { name: "Invite the chief officer's comments" }).click();
    await fillDate(page, 'Date of the invitation', '2025-03-04');
    await fillDate(page, 'Comments due by', '2025-03-31');
    await page.getByRole('button', { name: 'Record the invitation' }).click();
    await page.waitForURL((url) => url.searchParams.get('recorded') === 'invite-chief-officer-comments');
    expect(await page.locator('.govuk-notification-banner__heading').innerText()).toBe("Invitation of the chief officer's comments recorded");
    expect(await page.locator('#statutory-response + .govuk-summary-list .govuk-summary-list__row', { hasText: "Chief officer's comments" }).locator('dd').innerText()).toBe(
      'Invited 4 March 2025, due by 31 March 2025; not yet received',
    );
    await page.screenshot({ path: screenshot('8-statutory-step'), fullPage: true });
  });
});
