import { logSnapshot, readLog, removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { HtmlPage } from './html-reading';
import { FormBrowser, formFields, readModelsCaughtUp, registerSample, type RegisteredSample } from './recording-support';

/** Amending an inspection's details and adding a finding to it, from the inspection's page, over plain HTTP. */
describe("changing an inspection from its page", () => {
  let ledger: LedgerUnderTest;

  beforeAll(async () => {
    ledger = await startLedger();
  });

  afterAll(async () => {
    await ledger?.stop();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  async function sample(): Promise<RegisteredSample> {
    const registered = await registerSample(ledger);
    await readModelsCaughtUp(ledger);
    return registered;
  }

  async function expectRefused(sent: { status: number; text: string }, status: number, summary: { href: string; text: string }[], before: Awaited<ReturnType<typeof logSnapshot>>): Promise<void> {
    expect(sent.status).toBe(status);
    const page = new HtmlPage(sent.text);
    expect(page.title()).toMatch(/^Error: /);
    expect(page.errorSummary()).toEqual(summary);
    expect(await logSnapshot(ledger.store)).toEqual(before);
  }

  describe('amending the details', () => {
    it('is offered on the page, prefilled with the details as they stand, and records only what changed, with the reason, as the person acting', async () => {
      const { inspectionId } = await sample();
      const browser = new FormBrowser(ledger.url);
      await browser.actAs('office-staff');
      const path = `/inspections/${inspectionId}/record/amend-details`;
      expect((await browser.get(`/inspections/${inspectionId}`)).text).toContain(`href="${path}"`);
      const form = await browser.get(path);
      const prefilled = formFields(form.text, path);
      expect(prefilled).toMatchObject({ 'changes.service': 'police', 'changes.publishedOn-day': '22', 'changes.publishedOn-month': '8', 'changes.publishedOn-year': '2024' });
      expect(prefilled['changes.title']).toContain('national operating model for rape');
      const before = (await readLog(ledger.store)).length;

      const sent = await browser.post(path, { ...prefilled, 'changes.hmicfrsReference': 'RASSO-2024', reason: 'The reference was missing from the published page' });

      expect(sent.status).toBe(303);
      expect(sent.headers.location).toMatch(new RegExp(`^/inspections/${inspectionId}\\?atLeast=\\d+&recorded=amend-details$`));
      const written = (await readLog(ledger.store)).slice(before);
      expect(written.map((event) => [event.streamId, event.type])).toEqual([[`inspection-${inspectionId}`, 'InspectionDetailsAmended']]);
      expect(written[0].data).toEqual({ inspectionId, changes: { hmicfrsReference: 'RASSO-2024' }, previous: { hmicfrsReference: null }, reason: 'The reference was missing from the published page' });
      expect(written[0].metadata).toMatchObject({ source: 'ui', actor: { id: 'office-staff' } });
      const page = new HtmlPage((await browser.get(sent.headers.location)).text);
      expect(HtmlPage.text(page.one((element) => element.attribs.class?.includes('govuk-notification-banner__heading') === true))).toBe('Details amended');
      expect(page.summary()).toMatchObject({ 'HMICFRS reference': 'RASSO-2024', 'Details last amended because': 'The reference was missing from the published page' });

      // A detail that may be empty is cleared by leaving it blank.
      const cleared = await browser.fill(path, { 'changes.hmicfrsReference': '', reason: 'Not an HMICFRS reference after all' });
      expect(cleared.status).toBe(303);
      expect((await readLog(ledger.store)).at(-1)?.data).toMatchObject({ changes: { hmicfrsReference: null }, previous: { hmicfrsReference: 'RASSO-2024' } });
    });

    it('refuses an amendment without its reason, naming the field, and records nothing', async () => {
      const { inspectionId } = await sample();
      const browser = new FormBrowser(ledger.url);
      const before = await logSnapshot(ledger.store);
      const sent = await browser.fill(`/inspections/${inspectionId}/record/amend-details`, { 'changes.title': 'Retitled' });
      await expectRefused(sent, 400, [{ href: '#reason', text: 'Reason for the amendment is required' }], before);
    });

    it('refuses a required detail left blank, at its field, and records nothing', async () => {
      const { inspectionId } = await sample();
      const browser = new FormBrowser(ledger.url);
      const before = await logSnapshot(ledger.store);
      const sent = await browser.fill(`/inspections/${inspectionId}/record/amend-details`, { 'changes.title': ' ', reason: 'Typo' });
      await expectRefused(sent, 400, [{ href: '#changes-title', text: 'Title may not be blank' }], before);
    });

    it('shows the ledger refusing an amendment that changes nothing, and records nothing', async () => {
      const { inspectionId } = await sample();
      const browser = new FormBrowser(ledger.url);
      const before = await logSnapshot(ledger.store);
      const sent = await browser.fill(`/inspections/${inspectionId}/record/amend-details`, { reason: 'Checked it' });
      await expectRefused(sent, 422, [{ href: '#record-form', text: 'changes does not change any detail of the inspection' }], before);
    });
  });

  describe('adding a finding', () => {
    it('records the finding with its number taken from its reference, issues it with a page of its own, as the person acting', async () => {
      const { inspectionId } = await sample();
      const browser = new FormBrowser(ledger.url);
      const path = `/inspections/${inspectionId}/record/add-finding`;
      expect((await browser.get(`/inspections/${inspectionId}`)).text).toContain(`href="${path}"`);
      const before = (await readLog(ledger.store)).length;

      const sent = await browser.fill(path, {
        'finding.reference': 'AFI 1',
        'finding.findingType': 'area-for-improvement',
        'finding.text': 'Forces should review how victims are kept informed.',
        'finding.dueDate': '2025-06-30',
        reason: 'Left out when the report was registered',
      });

      expect(sent.status).toBe(303);
      expect(sent.headers.location).toMatch(new RegExp(`^/inspections/${inspectionId}\\?atLeast=\\d+&recorded=add-finding$`));
      const written = (await readLog(ledger.store)).slice(before);
      const added = written.find((event) => event.type === 'FindingAdded')!;
      expect(added.streamId).toBe(`inspection-${inspectionId}`);
      expect(added.data).toMatchObject({
        inspectionId,
        finding: { findingId: expect.any(String), reference: 'AFI 1', number: 1, findingType: 'area-for-improvement', text: 'Forces should review how victims are kept informed.', dueDate: '2025-06-30' },
        reason: 'Left out when the report was registered',
      });
      expect(added.metadata).toMatchObject({ source: 'ui', actor: { id: 'office-staff' } });
      await readModelsCaughtUp(ledger);
      const page = new HtmlPage((await browser.get(sent.headers.location)).text);
      expect(HtmlPage.text(page.one((element) => element.attribs.class?.includes('govuk-notification-banner__heading') === true))).toBe('Finding added');
      expect(page.text()).toContain('Forces should review how victims are kept informed.');
    });

    it('refuses a finding without its text, naming the field, and records nothing', async () => {
      const { inspectionId } = await sample();
      const browser = new FormBrowser(ledger.url);
      const before = await logSnapshot(ledger.store);
      const sent = await browser.fill(`/inspections/${inspectionId}/record/add-finding`, { 'finding.reference': 'AFI 1', 'finding.findingType': 'area-for-improvement' });
      await expectRefused(sent, 400, [{ href: '#finding-text', text: 'Text is required' }], before);
    });

    it('shows the ledger refusing a reference the inspection already has, at the field, and records nothing', async () => {
      const { inspectionId } = await sample();
      const browser = new FormBrowser(ledger.url);
      const before = await logSnapshot(ledger.store);
      const sent = await browser.fill(`/inspections/${inspectionId}/record/add-finding`, { 'finding.reference': 'REC 03', 'finding.findingType': 'recommendation', 'finding.text': 'Again' });
      await expectRefused(sent, 422, [{ href: '#finding-reference', text: 'Reference REC 03 is already used by another finding of this inspection' }], before);
    });
  });

  it('answers a form of an inspection that does not exist, or that does not exist for an inspection, with 404', async () => {
    const { inspectionId } = await sample();
    const browser = new FormBrowser(ledger.url);
    expect((await browser.get('/inspections/no-such-inspection/record/amend-details')).status).toBe(404);
    expect((await browser.get(`/inspections/${inspectionId}/record/no-such-form`)).status).toBe(404);
  });
});
