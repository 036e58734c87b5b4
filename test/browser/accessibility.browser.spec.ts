import type { Page } from 'playwright-core';
import { ID, INSPECTION } from '../read-models/support/sample-year';
import { axeViolations, type AxeViolation } from './axe';
import { browserSession } from './browser-session';
import { startReadingLedger, type ReadingLedger } from './reading-ledger';

const SAMPLE_PAGE = require.resolve('../../../shared/samples/cumbria-rasso-national-operating-model-2024.txt');

/** A page as someone reaches it: opened at an address, or a form sent with something to fix. */
type Visit = (page: Page, ledger: ReadingLedger) => Promise<void>;

const open = (path: (ledger: ReadingLedger) => string): Visit => async (page, ledger) => {
  await page.goto(`${ledger.url}${path(ledger)}`);
};

/** Opens a form and sends it as it is, so that it comes back with its errors. */
const sentEmpty = (path: (ledger: ReadingLedger) => string, button: string): Visit => async (page, ledger) => {
  await page.goto(`${ledger.url}${path(ledger)}`);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button, exact: true }).click()]);
  await page.locator('.govuk-error-summary').waitFor();
};

const PAGES: [string, Visit][] = [
  ['the home page', open(() => '/')],
  ['the dashboard', open(() => '/dashboard')],
  ['the register', open(() => '/register')],
  ['the register with a filter it cannot use', open(() => '/register?status=Finished&overdue=maybe')],
  ['an inspection', open(() => `/inspections/${INSPECTION}`)],
  ['a recommendation with its timeline and a correction', open(() => `/recommendations/${ID.rec09}`)],
  ['a closed recommendation', open(() => `/recommendations/${ID.rec03}`)],
  ['what changed between two dates', open(() => '/changes?from=2024-09-01&to=2025-08-22')],
  ['what changed, with dates it cannot use', open(() => '/changes?from=31/01/2025&to=')],
  ['the register as at a date', open(() => '/as-at?date=2025-02-12')],
  ['commitments', open(() => '/commitments')],
  ['slippage', open(() => '/slippage')],
  ['statutory responses', open(() => '/statutory-responses')],
  ['scrutiny challenges', open(() => '/challenges?status=all')],
  ['the meeting pack', open(() => '/pack?date=2025-08-22')],
  ['the meeting pack with a date it cannot use', open(() => '/pack?date=tomorrow')],
  ['a page not found', open(() => '/recommendations/no-such-finding')],
  ['the import form', open(() => '/import')],
  ['the import form with its errors', sentEmpty(() => '/import', 'Preview what will be recorded')],
  ['the import preview', (page, ledger) => uploadSample(page, ledger)],
  [
    'the import preview, with a corrected date it cannot use',
    async (page, ledger) => {
      await uploadSample(page, ledger);
      await page.getByRole('group', { name: 'Planned completion date for REC 07' }).getByLabel('Day').fill('31/12/2024');
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Record this inspection' }).click()]);
      await page.locator('.govuk-error-summary').getByText('The planned completion date for REC 07 must include a month and year').waitFor();
    },
  ],
  ['registering an inspection by hand', open(() => '/register-an-inspection')],
  ['registering an inspection by hand, with its errors', sentEmpty(() => '/register-an-inspection', 'Register the inspection')],
  ['recording a decision', open((ledger) => `/recommendations/${ledger.hostile.recommendationId}/record/accept`)],
  ['recording a decision, with its errors', sentEmpty((ledger) => `/recommendations/${ledger.hostile.recommendationId}/record/reject`, 'Record the rejection')],
  ['assessing whether it applies (yes or no), with its errors', sentEmpty((ledger) => `/recommendations/${ledger.hostile.recommendationId}/record/assess-applicability`, 'Record the assessment')],
  ['recording progress, with its errors', sentEmpty(() => `/recommendations/${ID.rec05}/record/record-progress`, 'Record the progress')],
  ['correcting an entry', open(() => `/recommendations/${ID.rec05}/record/correct-entry`)],
  ['a form that cannot be used now', open(() => `/recommendations/${ID.rec03}/record/accept`)],
  ['amending an inspection, with its errors', sentEmpty(() => `/inspections/${INSPECTION}/record/amend-details`, 'Record the amendment')],
  ['correcting a date of the statutory response', open(() => `/inspections/${INSPECTION}/record/correct-date`)],
  ['raising a scrutiny challenge, with its errors', sentEmpty(() => `/challenges/raise?recommendationId=${ID.rec05}`, 'Record the challenge')],
  [
    'raising a scrutiny challenge, with a date typed as 31/01/2025',
    async (page, ledger) => {
      await page.goto(`${ledger.url}/challenges/raise?recommendationId=${ID.rec05}`);
      await page.getByRole('group', { name: 'Date of the meeting' }).getByLabel('Day').fill('31/01/2025');
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Record the challenge' }).click()]);
      await page.locator('.govuk-error-summary').getByText('Date of the meeting must include a month and year').waitFor();
    },
  ],
  ['choosing who to act as', open(() => '/acting-as?returnTo=/register')],
  ['signing in', open(() => '/sign-in?returnTo=/register')],
  [
    'the people who may sign in, as an administrator',
    async (page, ledger) => {
      await page.context().addCookies([{ name: 'ledger_acting_as', value: 'ledger-admin', url: ledger.url }]);
      await page.goto(`${ledger.url}/people`);
      // The other pages are read as the office again.
      await page.context().clearCookies({ name: 'ledger_acting_as' });
      await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    },
  ],
  ['adding a person, with its errors', asPerson('ledger-admin', sentEmpty(() => '/people', 'Add the person'))],
  [
    'a one-time sign-in link, shown once to the administrator who made it',
    asPerson('ledger-admin', async (page, ledger) => {
      await page.goto(`${ledger.url}/people`);
      await page.getByLabel('Name').fill('Alex Example');
      await page.getByLabel('Role').selectOption('scrutiny');
      await page.getByLabel('Organisation').fill('Police, Fire and Crime Panel');
      // Adding a person makes their first sign-in link.
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Add the person' }).click()]);
      await page.locator('#secret').waitFor();
    }),
  ],
  ['the read models, as an administrator', asPerson('ledger-admin', open(() => '/admin/projections'))],
  ['asking before a read model is rebuilt', asPerson('ledger-admin', open(() => '/admin/projections/register/rebuild'))],
  [
    'a rebuild started, with each read model\'s progress',
    asPerson('ledger-admin', async (page, ledger) => {
      await page.goto(`${ledger.url}/admin/projections/rebuild`);
      await Promise.all([page.waitForURL(/\/admin\/projections\?asked=/), page.getByRole('button', { name: 'Rebuild all' }).click()]);
      await page.getByText('Rebuild started:').waitFor();
    }),
  ],
  ['the export signing keys, before there is one', asPerson('ledger-admin', open(() => '/admin/signing-keys'))],
  [
    'the export signing keys after a rotation, current and retired',
    asPerson('ledger-admin', async (page, ledger) => {
      for (const button of ['Create the signing key', 'Rotate the signing key']) {
        await page.goto(`${ledger.url}/admin/signing-keys/rotate`);
        await Promise.all([page.waitForURL(/\/admin\/signing-keys\?created=/), page.getByRole('button', { name: button, exact: true }).click()]);
      }
      await page.getByText('Retired: checks the exports it signed').waitFor();
    }),
  ],
  ['asking before the signing key is rotated', asPerson('ledger-admin', open(() => '/admin/signing-keys/rotate'))],
  ['a sign-in link that cannot be used', open(() => '/sign-in/link/not-a-real-link')],
  [
    'a page the person acting may not use',
    asPerson('force-action-owner', async (page, ledger) => {
      expect((await page.goto(`${ledger.url}/exports`))?.status()).toBe(403);
    }),
  ],
  // Last: these record the sample page into the ledger the other pages read.
  [
    'the import confirmation',
    async (page, ledger) => {
      await uploadSample(page, ledger);
      await Promise.all([page.waitForURL(`${ledger.url}/import/confirm`), page.getByRole('button', { name: 'Record this inspection' }).click()]);
    },
  ],
  [
    'the import preview of a page already in the ledger',
    async (page, ledger) => {
      await uploadSample(page, ledger);
      await page.locator('#already-recorded').waitFor();
    },
  ],
];

/** A visit as another development person; the pages after it are read as the office again. */
function asPerson(person: string, visit: Visit): Visit {
  return async (page, ledger) => {
    await page.context().addCookies([{ name: 'ledger_acting_as', value: person, url: ledger.url }]);
    try {
      await visit(page, ledger);
    } finally {
      await page.context().clearCookies({ name: 'ledger_acting_as' });
    }
  };
}

async function uploadSample(page: Page, ledger: ReadingLedger): Promise<void> {
  await page.goto(`${ledger.url}/import`);
  await page.setInputFiles('#page-file', SAMPLE_PAGE);
  await Promise.all([page.waitForURL(`${ledger.url}/import/preview`), page.getByRole('button', { name: 'Preview what will be recorded' }).click()]);
}

/**
 * Every page, forms shown with their errors included, checked with axe-core against WCAG 2.2 A
 * and AA at desktop width and at 320 px (WCAG 1.4.10 reflow): at 320 px nothing may make the page
 * scroll sideways; a wide table scrolls inside its own focusable region instead.
 */
describe.each([
  ['at desktop width', 1280],
  ['at 320 px wide', 320],
])('accessibility of every page %s', (_, width) => {
  const session = browserSession(startReadingLedger, { width });

  async function check(): Promise<{ violations: AxeViolation[]; scrollWidth: number }> {
    return { violations: await axeViolations(session.page), scrollWidth: (await session.page.evaluate('document.documentElement.scrollWidth')) as number };
  }

  it('finds a violation and a sideways scroll where there are some', async () => {
    await session.page.setContent('<!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body><main><h1>Broken</h1><input type="text"><table style="width: 800px"><tr><td>wide</td></tr></table></main></body></html>');
    const { violations, scrollWidth } = await check();
    expect(violations.map((v) => v.rule)).toContain('label');
    expect(scrollWidth).toBeGreaterThan(width === 320 ? 320 : 0);
  });

  it.each(PAGES)('%s has no WCAG 2.2 A or AA violation and does not scroll sideways', async (_name, visit) => {
    await visit(session.page, session.ledger);
    const { violations, scrollWidth } = await check();
    expect(violations).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(width);
  });

  it('lets a keyboard reach each wide table and scroll it', async () => {
    await session.page.goto(`${session.ledger.url}/recommendations/${ID.rec09}`);
    const regions = session.page.locator('.ledger-table-region');
    expect(await regions.count()).toBeGreaterThan(0);
    for (const region of await regions.all()) {
      expect(await region.getAttribute('role')).toBe('region');
      expect(await region.getAttribute('tabindex')).toBe('0');
      expect(await region.getAttribute('aria-label')).toBe(await region.locator('caption').innerText());
    }
  });
});
