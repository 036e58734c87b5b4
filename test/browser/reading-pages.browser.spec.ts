import os from 'node:os';
import path from 'node:path';
import { ID } from '../read-models/support/sample-year';
import { browserSession } from './browser-session';
import { startReadingLedger } from './reading-ledger';

/** Screenshots land here, to be looked at when the pages change. */
const screenshot = (name: string) => path.join(os.tmpdir(), `ledger-reading-${name}.png`);

describe('reading the ledger in the browser', () => {
  const session = browserSession(startReadingLedger);

  it('opens the register, follows a finding to its page and reads its timeline', async () => {
    await session.page.goto(`${session.ledger.url}/register`);
    expect(await session.page.title()).toBe('Register – PFCC accountability ledger');
    const rec05 = session.page.locator('table', { hasText: 'national operating model' }).getByRole('row', { name: /REC 05/ });
    expect(await rec05.locator('td').allInnerTexts()).toEqual([expect.stringContaining('repeat rape'), 'In progress', 'Head of Public Protection', '31 July 2025\n22 days overdue', '31 July 2025\n22 days overdue', 'Red']);
    await session.page.screenshot({ path: screenshot('register'), fullPage: true });

    await rec05.getByRole('link', { name: 'REC 05' }).click();
    await session.page.waitForURL(`${session.ledger.url}/recommendations/${ID.rec05}`);
    expect(await session.page.locator('h1').innerText()).toBe('REC 05');
    expect(await session.page.locator('.govuk-breadcrumbs a').allInnerTexts()).toEqual(['Home', 'Register', expect.stringContaining('national operating model')]);

    const timeline = session.page.getByRole('table', { name: /Timeline of REC 05/ });
    const rows = timeline.locator('tbody tr');
    expect(await rows.count()).toBe(13);
    const accepted = rows.nth(1);
    expect(await accepted.locator('td').nth(0).innerText()).toBe('24 September 2024, 15:00');
    expect(await accepted.locator('td').nth(1).innerText()).toBe('25 September 2024, 11:00');
    expect(await accepted.locator('td').nth(2).innerText()).toContain('on behalf of Chief Constable, Chief Constable, Cumbria Constabulary');
    const refusal = rows.filter({ hasText: 'refused by Performance Lead' });
    expect(await refusal.locator('td').nth(3).innerText()).toContain("Change of target date from 2025-07-31 to 2025-10-31, requested by Head of Public Protection (force-lead), refused by Performance Lead (office)");
    expect(await session.page.getByRole('table', { name: /Every request to change the target date of REC 05/ }).locator('tbody tr td').last().innerText()).toContain('Refused');
    await session.page.screenshot({ path: screenshot('recommendation'), fullPage: true });
  });

  it('shows a correction beside the entry it corrects, and jumps between them', async () => {
    await session.page.goto(`${session.ledger.url}/recommendations/${ID.rec09}`);
    const corrected = session.page.locator(`#entry-${session.ledger.year.correctedProgressEventId}`);
    expect(await corrected.locator('.govuk-tag').innerText()).toBe('Corrected');
    await corrected.screenshot({ path: screenshot('correction') });
    await corrected.getByRole('link', { name: 'See the correction' }).click();
    await session.page.waitForURL(`${session.ledger.url}/recommendations/${ID.rec09}#entry-${session.ledger.year.correctionEventId}`);
  });

  it('filters the register with its form, and names a bad filter in an error summary that takes the focus', async () => {
    await session.page.goto(`${session.ledger.url}/register`);
    await session.page.getByLabel('Status').selectOption({ label: 'In progress' });
    await session.page.getByLabel('Overdue').selectOption({ label: 'Overdue only' });
    await session.page.getByRole('button', { name: 'Apply filters' }).click();
    await session.page.waitForURL(/\/register\?.*status=InProgress.*overdue=true/);
    expect(await session.page.locator('tbody th[scope="row"]').filter({ hasText: /^REC|^AFI/ }).allInnerTexts()).toEqual(['REC 05', 'REC 11']);

    await session.page.goto(`${session.ledger.url}/register?overdue=maybe`);
    expect(await session.page.title()).toBe('Error: Register – PFCC accountability ledger');
    await session.page.waitForFunction("document.activeElement && document.activeElement.closest('.govuk-error-summary') !== null");
    await session.page.locator('.govuk-error-summary a').click();
    await session.page.waitForFunction("document.activeElement && document.activeElement.id === 'overdue'");
    await session.page.screenshot({ path: screenshot('bad-filter'), fullPage: true });
  });

  it('prints the meeting pack without navigation, each inspection on a new page', async () => {
    await session.page.goto(`${session.ledger.url}/pack?date=2025-08-22`);
    await session.page.screenshot({ path: screenshot('pack'), fullPage: true });
    const sections = session.page.locator('section.ledger-pack__inspection');
    expect(await sections.count()).toBe(2);

    await session.page.emulateMedia({ media: 'print' });
    const style = (selector: string, property: string) => session.page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}]`);
    expect(await style('.govuk-template__header', 'display')).toBe('none');
    expect(await style('.ledger-reading-nav', 'display')).toBe('none');
    expect(await style('.govuk-footer', 'display')).toBe('none');
    expect(await style('form', 'display')).toBe('none');
    expect(await style('section.ledger-pack__inspection', 'breakBefore')).not.toBe('page');
    expect(await style('section.ledger-pack__inspection + section.ledger-pack__inspection', 'breakBefore')).toBe('page');
    await session.page.screenshot({ path: screenshot('pack-print'), fullPage: true });
  });
});
