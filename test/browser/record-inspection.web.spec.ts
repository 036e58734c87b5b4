import { logSnapshot, readLog, removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { HtmlPage } from './html-reading';
import { apiCommand, FormBrowser, formFields, readModelsCaughtUp, registerSample, type RegisteredSample } from './recording-support';

/** The statutory response's steps and registering an inspection by hand, from the pages, over plain HTTP. */
describe('recording an inspection from its pages', () => {
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

  /** The steps of the statutory response the inspection page offers. */
  async function stepLinks(browser: FormBrowser, inspectionId: string): Promise<string[]> {
    const page = new HtmlPage((await browser.get(`/inspections/${inspectionId}`)).text);
    return page.all((element) => element.name === 'a', [page.byId('record-statutory')]).map((link) => /\/record\/([a-z-]+)$/.exec(link.attribs.href)![1]);
  }

  /** Sends a step's form; expects it recorded with source ui as office staff, and the page to say so. */
  async function recordStep(browser: FormBrowser, inspectionId: string, step: string, answers: Record<string, string>, eventType: string): Promise<void> {
    const before = (await readLog(ledger.store)).length;
    const sent = await browser.fill(`/inspections/${inspectionId}/record/${step}`, answers);
    expect({ step, status: sent.status }).toEqual({ step, status: 303 });
    expect(sent.headers.location).toMatch(new RegExp(`^/inspections/${inspectionId}\\?atLeast=\\d+&recorded=${step}$`));
    const written = (await readLog(ledger.store)).slice(before);
    expect(written.map((event) => [event.streamId, event.type])).toEqual([[`statutory-response-${inspectionId}`, eventType]]);
    expect(written[0].metadata).toMatchObject({ source: 'ui', actor: { id: 'office-staff' } });
    const page = await browser.get(sent.headers.location);
    expect(page.text).toContain('govuk-notification-banner--success');
  }

  it('takes the statutory response step by step, offering only the steps still to take, and publishes only once every recommendation is decided', async () => {
    const { inspectionId, findingIds } = await sample();
    const browser = new FormBrowser(ledger.url);
    expect(await stepLinks(browser, inspectionId)).toEqual(['invite-chief-officer-comments', 'chief-officer-comments', 'commissioner-comments', 'publish']);

    await recordStep(browser, inspectionId, 'invite-chief-officer-comments', { invitedOn: '2024-08-23', commentsDueBy: '2024-09-30' }, 'ChiefOfficerCommentsInvited');
    await recordStep(browser, inspectionId, 'chief-officer-comments', { receivedOn: '2024-09-25', comments: 'The Constabulary welcomes the report.' }, 'ChiefOfficerCommentsRecorded');
    expect(await stepLinks(browser, inspectionId)).toEqual(['commissioner-comments', 'reply-to-chief-officer', 'publish']);
    await recordStep(browser, inspectionId, 'commissioner-comments', { madeOn: '2024-10-01', comments: 'I welcome the report.' }, 'CommissionerCommentsRecorded');
    await recordStep(browser, inspectionId, 'reply-to-chief-officer', { madeOn: '2024-10-02', reply: 'I will monitor progress.' }, 'ReplyToChiefOfficerRecorded');

    const before = await logSnapshot(ledger.store);
    const refused = await browser.fill(`/inspections/${inspectionId}/record/publish`, { publishedOn: '2024-10-10', url: 'https://www.cumbria-pcc.gov.uk/response' });
    expect(refused.status).toBe(422);
    expect(new HtmlPage(refused.text).errorSummary()).toEqual([
      { href: '#record-form', text: 'Not yet decided: REC 03, REC 05, REC 07, REC 09, REC 11. Each applicable recommendation needs a decision or an explained "no action" before the response is published' },
    ]);
    expect(await logSnapshot(ledger.store)).toEqual(before);

    for (const id of findingIds) await apiCommand(ledger, `/api/recommendations/${id}/accept`, { commitment: 'Will do' });
    await readModelsCaughtUp(ledger);
    await recordStep(browser, inspectionId, 'publish', { publishedOn: '2024-10-10', url: 'https://www.cumbria-pcc.gov.uk/response' }, 'StatutoryResponsePublished');
    expect(await stepLinks(browser, inspectionId)).toEqual(['copy-sent']);
    await recordStep(browser, inspectionId, 'copy-sent', { recipient: 'HMICFRS', sentOn: '2024-10-11' }, 'StatutoryResponseCopySent');
    const copy = await browser.get(`/inspections/${inspectionId}/record/copy-sent`);
    expect(copy.text).toContain('value="HomeSecretary"');
    expect(copy.text).not.toContain('value="HMICFRS"');
    await recordStep(browser, inspectionId, 'copy-sent', { recipient: 'HomeSecretary', sentOn: '2024-10-11' }, 'StatutoryResponseCopySent');
    expect(await stepLinks(browser, inspectionId)).toEqual([]);

    const inspectionPage = new HtmlPage((await browser.get(`/inspections/${inspectionId}`)).text);
    expect(inspectionPage.text()).toContain('Every step of the response is on record.');

    // A recorded date put right: the publication was on the 9th; the step stays, the correction dates it.
    expect(inspectionPage.all((element) => element.name === 'a', [inspectionPage.byId('correct-statutory-date')]).map((a) => a.attribs.href)).toEqual([
      `/inspections/${inspectionId}/record/correct-date`,
    ]);
    const form = await browser.get(`/inspections/${inspectionId}/record/correct-date`);
    expect(form.text).toContain('Response published: recorded as 2024-10-10');
    await recordStep(browser, inspectionId, 'correct-date', { step: 'publication', correctDate: '2024-10-09', reason: 'The page went live the evening before.' }, 'StatutoryDateCorrected');
    const corrected = new HtmlPage((await browser.get(`/inspections/${inspectionId}`)).text);
    expect(corrected.text()).toContain('9 October 2024');
    expect((await browser.get(`/inspections/${inspectionId}/record/publish`)).status).toBe(409);
  });

  it('refuses a step with a date missing or impossible, naming the field, and records nothing', async () => {
    const { inspectionId } = await sample();
    const browser = new FormBrowser(ledger.url);
    const before = await logSnapshot(ledger.store);
    const sent = await browser.fill(`/inspections/${inspectionId}/record/invite-chief-officer-comments`, { invitedOn: '2024-02-30' });
    expect(sent.status).toBe(400);
    expect(new HtmlPage(sent.text).errorSummary()).toEqual([
      { href: '#invitedOn-day', text: 'Date of the invitation must be a real date' },
      { href: '#commentsDueBy-day', text: 'Comments due by is required' },
    ]);
    // The date as typed, every box marked to be fixed.
    const page = new HtmlPage(sent.text);
    expect(['day', 'month', 'year'].map((part) => [page.byId(`invitedOn-${part}`).attribs.value, page.classesOf(`invitedOn-${part}`).includes('govuk-input--error')])).toEqual([
      ['30', true],
      ['02', true],
      ['2024', true],
    ]);
    expect(await logSnapshot(ledger.store)).toEqual(before);
  });

  it('refuses a step sent without the form token', async () => {
    const { inspectionId } = await sample();
    const before = await logSnapshot(ledger.store);
    const sent = await new FormBrowser(ledger.url).post(`/inspections/${inspectionId}/record/commissioner-comments`, { madeOn: '2024-10-01', comments: 'x' });
    expect(sent.status).toBe(403);
    expect(await logSnapshot(ledger.store)).toEqual(before);
  });

  it('offers a fire report its action plan, not the police steps', async () => {
    const registered = await apiCommand(ledger, '/api/inspections', {
      title: 'Fire protection inspection',
      inspectionType: 'fire-thematic',
      scope: 'force-specific',
      service: 'fire',
      publishedOn: '2025-06-02',
      findings: [{ reference: 'AFI 1', number: 1, findingType: 'area-for-improvement', text: 'Improve protection audits' }],
    });
    await readModelsCaughtUp(ledger);
    const browser = new FormBrowser(ledger.url);
    expect(await stepLinks(browser, registered.inspectionId)).toEqual(['publish-action-plan']);
    await recordStep(browser, registered.inspectionId, 'publish-action-plan', { publishedOn: '2025-07-01', url: 'https://www.example.gov.uk/action-plan' }, 'ActionPlanPublished');
  });

  describe('registering an inspection by hand', () => {
    const DETAILS = {
      title: 'Custody suites inspection',
      hmicfrsReference: 'CUS-2025-01',
      inspectionType: 'custody',
      scope: 'force-specific',
      service: 'police',
      publishedOn: '2025-03-03',
      reportUrl: 'https://hmicfrs.justiceinspectorates.gov.uk/custody-2025',
      keyFindingsHtml: 'Detainees were treated <well>.\r\n\r\nRecords were incomplete.',
    };

    it('adds findings one by one without recording anything, then registers the inspection with them, attributed and from the pages', async () => {
      const browser = new FormBrowser(ledger.url);
      const form = await browser.get('/register-an-inspection');
      expect(form.status).toBe(200);
      expect(form.text).toContain('name="findings[0].reference"');
      const before = await logSnapshot(ledger.store);

      const withTwo = await browser.fill('/register-an-inspection', { ...DETAILS, 'findings[0].reference': 'REC 3', 'findings[0].findingType': 'recommendation', 'findings[0].text': 'Keep full custody records.', _action: 'add-finding' });
      expect(withTwo.status).toBe(200);
      expect(withTwo.text).toContain('name="findings[1].reference"');
      expect(withTwo.text).toContain('value="REC 3"');
      const withThree = await browser.post('/register-an-inspection', { ...formFieldsOf(withTwo.text), 'findings[1].reference': 'AFI 9', 'findings[1].text': 'Typed in by mistake', _action: 'add-finding' });
      expect(withThree.text).toContain('name="findings[2].reference"');
      const removed = await browser.post('/register-an-inspection', { ...formFieldsOf(withThree.text), _action: 'remove-finding-1' });
      expect(removed.text).toContain('value="REC 3"');
      expect(removed.text).not.toContain('AFI 9');
      expect(removed.text).not.toContain('name="findings[1].reference"');
      const again = await browser.post('/register-an-inspection', { ...formFieldsOf(removed.text), _action: 'add-finding' });
      expect(again.text).toContain('name="findings[1].reference"');
      expect(await logSnapshot(ledger.store)).toEqual(before);

      const sent = await browser.post('/register-an-inspection', {
        ...formFieldsOf(again.text),
        'findings[1].reference': 'AFI 2',
        'findings[1].findingType': 'area-for-improvement',
        'findings[1].text': 'Improve the handover between shifts.',
        'findings[1].dueDate-day': '30',
        'findings[1].dueDate-month': '9',
        'findings[1].dueDate-year': '2025',
      });
      expect(sent.status).toBe(303);
      const inspectionId = /^\/inspections\/([^?]+)\?atLeast=\d+&recorded=registered$/.exec(sent.headers.location)?.[1];
      expect(inspectionId).toBeDefined();

      const written = (await readLog(ledger.store)).slice(before.ids.length);
      const registered = written.find((event) => event.type === 'InspectionRegistered')!;
      expect(registered.streamId).toBe(`inspection-${inspectionId}`);
      expect(registered.metadata).toMatchObject({ source: 'ui', actor: { id: 'office-staff' } });
      expect(registered.data).toMatchObject({
        title: 'Custody suites inspection',
        hmicfrsReference: 'CUS-2025-01',
        inspectionType: 'custody',
        service: 'police',
        publishedOn: '2025-03-03',
        keyFindingsHtml: '<p>Detainees were treated &lt;well&gt;.</p><p>Records were incomplete.</p>',
        findings: [
          { findingId: expect.any(String), reference: 'REC 3', number: 3, findingType: 'recommendation', text: 'Keep full custody records.' },
          { findingId: expect.any(String), reference: 'AFI 2', number: 2, findingType: 'area-for-improvement', text: 'Improve the handover between shifts.', dueDate: '2025-09-30' },
        ],
      });
      expect(written.filter((event) => event.type === 'FindingIssued').map((event) => event.data.reference)).toEqual(['REC 3', 'AFI 2']);
      // Dated on the day its report was published, not the day it was typed in; its findings with it.
      expect(written.filter((event) => event.type !== 'InspectionKeyReserved').map((event) => [event.type, event.metadata['occurredAt']])).toEqual([
        ['InspectionRegistered', '2025-03-03'],
        ['FindingIssued', '2025-03-03'],
        ['FindingIssued', '2025-03-03'],
        ['StatutoryResponseOpened', '2025-03-03'],
      ]);
      expect(registered.metadata['recordedAt']).not.toMatch(/^2025-03-03/);
      for (const event of written) expect(event.metadata).toMatchObject({ actor: { id: 'office-staff' } });

      const page = new HtmlPage((await browser.get(sent.headers.location)).text);
      expect(page.text()).toContain('Inspection registered');
      expect(page.text()).toContain('Keep full custody records.');
      expect(page.text()).toContain('Improve the handover between shifts.');
      expect(page.summary()['Registered']).toMatch(/^Dated 3 March 2025 Recorded \d{1,2} \w+ \d{4}, \d\d:\d\d$/);
    });

    it('refuses a registration dated after today, at the date published, and records nothing', async () => {
      const browser = new FormBrowser(ledger.url);
      const before = await logSnapshot(ledger.store);
      const sent = await browser.fill('/register-an-inspection', {
        ...DETAILS,
        title: 'A report not yet out',
        reportUrl: 'https://hmicfrs.justiceinspectorates.gov.uk/not-yet',
        publishedOn: '2999-01-01',
        'findings[0].reference': 'REC 1',
        'findings[0].findingType': 'recommendation',
        'findings[0].text': 'Keep records.',
      });
      expect(sent.status).toBe(422);
      expect(new HtmlPage(sent.text).errorSummary()).toEqual([{ href: '#publishedOn-day', text: expect.stringMatching(/^Date published 2999-01-01 is later than today \(\d{4}-\d\d-\d\d\)$/) }]);
      expect(await logSnapshot(ledger.store)).toEqual(before);
    });

    it('refuses a registration with what is missing named at each field, the findings as typed, and records nothing', async () => {
      const browser = new FormBrowser(ledger.url);
      const before = await logSnapshot(ledger.store);
      const sent = await browser.fill('/register-an-inspection', { ...DETAILS, title: '', publishedOn: '2025-13-01', 'findings[0].reference': 'REC 0', 'findings[0].text': 'Keep records.' });
      expect(sent.status).toBe(400);
      expect(new HtmlPage(sent.text).errorSummary()).toEqual([
        { href: '#title', text: 'Title is required' },
        { href: '#publishedOn-day', text: 'Date published must be a real date' },
        { href: '#findings-0-reference', text: 'Finding 1: reference: its number must not be less than 1' },
        { href: '#findings-0-findingType', text: 'Finding 1: type is required' },
      ]);
      expect(sent.text).toContain('Keep records.');
      expect(await logSnapshot(ledger.store)).toEqual(before);
    });

    it('refuses a registration sent without the form token', async () => {
      const before = await logSnapshot(ledger.store);
      const sent = await new FormBrowser(ledger.url).post('/register-an-inspection', DETAILS);
      expect(sent.status).toBe(403);
      expect(await logSnapshot(ledger.store)).toEqual(before);
    });
  });
});

function formFieldsOf(page: string): Record<string, string | string[]> {
  return formFields(page, '/register-an-inspection');
}
