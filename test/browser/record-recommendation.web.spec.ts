import { mayDo } from '@ledger/application';
import { recommendationForm } from '../../apps/api/src/web/record/recommendation/recommendation-forms';
import { logSnapshot, readLog, removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { evidence } from '../e2e/support/sample-requests';
import { HtmlPage } from './html-reading';
import { apiCommand, FormBrowser, formFields, hiddenFields, readModelsCaughtUp, registerSample } from './recording-support';

/**
 * The recording forms of a recommendation over plain HTTP, as a browser without script uses them:
 * every form records through the same command path as the JSON API, attributed to the person
 * acting, with source `ui`; a form that is wrong or breaks a rule records nothing.
 */

const OFFICE = 'office-staff';
const OWNER = 'force-action-owner';
const VERIFIER = 'performance-lead';
const COMMISSIONER = 'commissioner';

type Stage = 'issued' | 'accepted-without-date' | 'accepted' | 'in-progress' | 'change-requested' | 'with-evidence' | 'awaiting-verification' | 'verified' | 'closed';

interface Prepared {
  id: string;
  evidenceId?: string;
  acceptedEventId?: string;
}

describe('recording a recommendation from its pages', () => {
  let ledger: LedgerUnderTest;

  beforeAll(async () => {
    ledger = await startLedger();
  });

  afterAll(async () => {
    await ledger?.stop();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  /** A fresh REC 03 of a newly registered sample, brought to `stage` over the JSON API, as the pages will read it. */
  async function rec03At(stage: Stage): Promise<Prepared> {
    const prepared = await bring(stage);
    await readModelsCaughtUp(ledger);
    return prepared;
  }

  async function bring(stage: Stage): Promise<Prepared> {
    const id = (await registerSample(ledger)).findingIds[0];
    const at = (path: string) => `/api/recommendations/${id}/${path}`;
    const prepared: Prepared = { id };
    const steps: Stage[] = ['issued', 'accepted', 'in-progress', 'with-evidence', 'awaiting-verification', 'verified', 'closed'];
    if (stage === 'issued') return prepared;
    await apiCommand(ledger, at('accept'), stage === 'accepted-without-date' ? { commitment: 'Train every detective' } : { commitment: 'Train every detective', plannedCompletionDate: '2025-01-31' });
    const history = await ledger.http().get(`/api/recommendations/${id}/history`).expect(200);
    prepared.acceptedEventId = (history.body.events as { id: string; type: string }[]).find((event) => event.type === 'RecommendationAccepted')!.id;
    if (stage === 'accepted' || stage === 'accepted-without-date') return prepared;
    await apiCommand(ledger, at('assign-owner'), { owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' });
    if (stage === 'change-requested') {
      await apiCommand(ledger, at('target-date-changes'), { from: '2025-01-31', to: '2025-04-30', reason: 'Course places not available until March' }, OFFICE);
      return prepared;
    }
    if (steps.indexOf(stage) < steps.indexOf('with-evidence')) return prepared;
    prepared.evidenceId = (await apiCommand(ledger, at('evidence'), evidence('Training completion report'), OWNER)).evidenceId;
    if (stage === 'with-evidence') return prepared;
    await apiCommand(ledger, at('mark-complete'), { summary: 'All detectives trained', evidenceIds: [prepared.evidenceId] }, OWNER);
    if (stage === 'awaiting-verification') return prepared;
    await apiCommand(ledger, at('verify'), {}, VERIFIER);
    if (stage === 'verified') return prepared;
    await apiCommand(ledger, at('close'), {}, COMMISSIONER);
    return prepared;
  }

  async function browserActingAs(person: string): Promise<FormBrowser> {
    const browser = new FormBrowser(ledger.url);
    if (person !== OFFICE) await browser.actAs(person);
    return browser;
  }

  interface FormCase {
    form: string;
    stage: Stage;
    as: string;
    answers(prepared: Prepared): Record<string, string | string[]>;
    events: string[];
    /** A required answer left out, and what the page says about it. */
    missing?: { field: string; id: string; message: string };
  }

  const CLEAR_ON_BEHALF = { 'onBehalfOf.name': '', 'onBehalfOf.role': '', 'onBehalfOf.organisation': '' };

  const FORMS: FormCase[] = [
    {
      form: 'accept',
      stage: 'issued',
      as: OFFICE,
      answers: () => ({ commitment: 'Cumbria Constabulary will train every detective by the end of January 2025.', plannedCompletionDate: '2025-01-31', 'onBehalfOf.organisation': 'Cumbria Constabulary', occurredAt: '2024-09-24' }),
      events: ['RecommendationAccepted', 'RecommendationTargetDateSet'],
      missing: { field: 'commitment', id: 'commitment', message: 'Commitment is required' },
    },
    {
      form: 'partially-accept',
      stage: 'issued',
      as: OFFICE,
      answers: () => ({ acceptedScope: 'Training for detectives', notAcceptedScope: 'Training for call handlers', reason: 'Call handlers are trained nationally', ...CLEAR_ON_BEHALF }),
      events: ['RecommendationPartiallyAccepted'],
      missing: { field: 'notAcceptedScope', id: 'notAcceptedScope', message: 'What is not accepted is required' },
    },
    {
      form: 'reject',
      stage: 'issued',
      as: OFFICE,
      answers: () => ({ reason: 'Already met by the national programme', 'onBehalfOf.organisation': 'Cumbria Constabulary' }),
      events: ['RecommendationRejected'],
      missing: { field: 'reason', id: 'reason', message: 'Reason is required' },
    },
    {
      form: 'assess-applicability',
      stage: 'issued',
      as: OFFICE,
      answers: () => ({ applicable: 'false', reason: 'Addressed to the College of Policing only' }),
      events: ['RecommendationApplicabilityAssessed'],
      missing: { field: 'applicable', id: 'applicable', message: 'Whether it applies is required' },
    },
    {
      form: 'assign-owner',
      stage: 'accepted',
      as: OFFICE,
      answers: () => ({ owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' }),
      events: ['RecommendationOwnerAssigned', 'RecommendationWorkStarted'],
      missing: { field: 'organisation', id: 'organisation', message: 'Organisation is required' },
    },
    {
      form: 'set-target-date',
      stage: 'accepted-without-date',
      as: OFFICE,
      answers: () => ({ targetDate: '2025-01-31' }),
      events: ['RecommendationTargetDateSet'],
      missing: { field: 'targetDate', id: 'targetDate', message: 'Target date is required' },
    },
    {
      form: 'request-target-date-change',
      stage: 'in-progress',
      as: OWNER,
      answers: () => ({ to: '2025-04-30', reason: 'Course places not available until March' }),
      events: ['RecommendationTargetDateChangeRequested'],
      missing: { field: 'reason', id: 'reason', message: 'Reason is required' },
    },
    { form: 'approve-target-date-change', stage: 'change-requested', as: COMMISSIONER, answers: () => ({ comment: 'Agreed' }), events: ['RecommendationTargetDateChangeApproved'] },
    {
      form: 'refuse-target-date-change',
      stage: 'change-requested',
      as: COMMISSIONER,
      answers: () => ({ reason: 'Use the regional course instead' }),
      events: ['RecommendationTargetDateChangeRefused'],
      missing: { field: 'reason', id: 'reason', message: 'Reason is required' },
    },
    {
      form: 'record-progress',
      stage: 'in-progress',
      as: OWNER,
      answers: () => ({ narrative: '14 of 35 detectives trained', percentComplete: '40', rag: 'amber' }),
      events: ['RecommendationProgressRecorded'],
      missing: { field: 'rag', id: 'rag', message: 'Your own assessment is required' },
    },
    {
      form: 'submit-evidence',
      stage: 'in-progress',
      as: OWNER,
      answers: () => ({ title: 'Training register', reference: 'https://intranet.example/training-register', sha256: 'A'.repeat(64), classification: 'OFFICIAL-SENSITIVE' }),
      events: ['RecommendationEvidenceSubmitted'],
      missing: { field: 'sha256', id: 'sha256', message: 'SHA-256 of the document is required' },
    },
    {
      form: 'mark-complete',
      stage: 'with-evidence',
      as: OWNER,
      answers: (prepared) => ({ summary: 'All 35 detectives trained', evidenceIds: [prepared.evidenceId!] }),
      events: ['RecommendationMarkedComplete'],
      missing: { field: 'summary', id: 'summary', message: 'Summary is required' },
    },
    { form: 'verify', stage: 'awaiting-verification', as: VERIFIER, answers: () => ({ comment: 'Checked the training register' }), events: ['RecommendationCompletionVerified'] },
    {
      form: 'return-for-further-work',
      stage: 'awaiting-verification',
      as: VERIFIER,
      answers: () => ({ reason: 'Two detectives are missing from the register' }),
      events: ['RecommendationReturnedForFurtherWork'],
      missing: { field: 'reason', id: 'reason', message: 'Reason is required' },
    },
    { form: 'close', stage: 'verified', as: COMMISSIONER, answers: () => ({ comment: 'Signed off by the PFCC' }), events: ['RecommendationClosed'] },
    {
      form: 'reopen',
      stage: 'closed',
      as: OFFICE,
      answers: () => ({ reason: 'New detectives joined untrained' }),
      events: ['RecommendationReopened'],
      missing: { field: 'reason', id: 'reason', message: 'Reason is required' },
    },
    {
      form: 'correct-entry',
      stage: 'accepted',
      as: OFFICE,
      answers: (prepared) => ({ correctsEventId: prepared.acceptedEventId!, whatWasWrong: 'The commitment names every detective, not every officer', reason: 'Typed in from the wrong paragraph' }),
      events: ['RecommendationEntryCorrected'],
      missing: { field: 'whatWasWrong', id: 'whatWasWrong', message: 'What was wrong is required' },
    },
    {
      form: 'correct-date',
      stage: 'accepted',
      as: OFFICE,
      answers: (prepared) => ({ correctsEventId: prepared.acceptedEventId!, correctOccurredAt: '2024-09-24', reason: 'The response is dated 24 September 2024' }),
      events: ['RecommendationEntryDateCorrected'],
      missing: { field: 'reason', id: 'reason', message: 'Why the recorded date was wrong is required' },
    },
  ];

  describe.each(FORMS)('the $form form', ({ form, stage, as, answers, events, missing }) => {
    it(`records ${events.join(' and ')} through the command path, as the person acting, from the web pages; then shows it`, async () => {
      const prepared = await rec03At(stage);
      const browser = await browserActingAs(as);
      const recommendation = await browser.get(`/recommendations/${prepared.id}`);
      expect(recommendation.text).toContain(`href="/recommendations/${prepared.id}/record/${form}"`);
      const before = (await readLog(ledger.store)).length;

      const sent = await browser.fill(`/recommendations/${prepared.id}/record/${form}`, answers(prepared));

      expect(sent.status).toBe(303);
      expect(sent.headers.location).toMatch(new RegExp(`^/recommendations/${prepared.id}\\?atLeast=\\d+&recorded=${form}$`));
      const written = (await readLog(ledger.store)).slice(before);
      expect(written.map((event) => event.type)).toEqual(events);
      for (const event of written) {
        expect(event.streamId).toBe(`recommendation-${prepared.id}`);
        expect(event.metadata).toMatchObject({ source: 'ui', actor: { id: as } });
      }
      const redirected = await browser.get(sent.headers.location);
      expect(redirected.status).toBe(200);
      const shown = new HtmlPage(redirected.text);
      expect(HtmlPage.text(shown.one((element) => element.attribs.class?.includes('govuk-notification-banner__heading') === true))).toMatch(/recorded|assigned|set|requested|approved|refused|submitted|complete|verified|returned|closed|reopened/i);
      const timeline = shown.table('Timeline of REC 03');
      // The timeline runs in the order things happened, so what was just recorded need not be last.
      expect(timeline.rows.filter((row) => row[3].includes('Recorded through the web pages'))).toHaveLength(written.length);
    });

    if (missing) {
      it(`refuses it without ${missing.field}: a 400 page naming the field, and nothing recorded`, async () => {
        const prepared = await rec03At(stage);
        const browser = await browserActingAs(as);
        const before = await logSnapshot(ledger.store);

        const sent = await browser.fill(`/recommendations/${prepared.id}/record/${form}`, { ...answers(prepared), [missing.field]: '' });

        expect(sent.status).toBe(400);
        const page = new HtmlPage(sent.text);
        expect(page.title()).toMatch(/^Error: /);
        expect(page.errorSummary()).toEqual([{ href: `#${page.inputOf(missing.id)}`, text: missing.message }]);
        expect(HtmlPage.text(page.byId(`${missing.id}-error`))).toBe(`Error: ${missing.message}`);
        expect(await logSnapshot(ledger.store)).toEqual(before);
      });
    }
  });

  describe('a rule of the ledger refuses the command', () => {
    async function expectRefused(prepared: Prepared, as: string, form: string, answers: Record<string, string | string[]>, message: string | RegExp, field: string): Promise<void> {
      const browser = await browserActingAs(as);
      const page = await browser.get(`/recommendations/${prepared.id}/record/${form}`);
      const before = await logSnapshot(ledger.store);
      const sent = await browser.post(`/recommendations/${prepared.id}/record/${form}`, { ...hiddenFields(page.text, `/recommendations/${prepared.id}/record/${form}`), ...answers });
      expect(sent.status).toBe(422);
      const shown = new HtmlPage(sent.text);
      expect(shown.errorSummary()).toEqual([{ href: `#${shown.inputOf(field)}`, text: expect.stringMatching(message) }]);
      expect(await logSnapshot(ledger.store)).toEqual(before);
    }

    it('the force lead who marked it complete cannot verify it: the verify form is the verifier\'s, and nothing is recorded', async () => {
      const prepared = await rec03At('awaiting-verification');
      const browser = await browserActingAs(OWNER);
      const before = await logSnapshot(ledger.store);
      const form = await browser.get(`/recommendations/${prepared.id}/record/verify`);
      expect(form.status).toBe(403);
      expect(new HtmlPage(form.text).title()).toMatch(/^You cannot do this/);
      const sent = await browser.post(`/recommendations/${prepared.id}/record/verify`, {});
      expect(sent.status).toBe(403);
      expect(await logSnapshot(ledger.store)).toEqual(before);
    });

    it('the person who asked for a change of target date cannot approve it', async () => {
      await expectRefused(await rec03At('change-requested'), OFFICE, 'approve-target-date-change', {}, "The change of REC 03's target date must be decided by someone other than the person who requested it", 'record-form');
    });

    it('marking complete needs evidence ticked', async () => {
      await expectRefused(await rec03At('with-evidence'), OWNER, 'mark-complete', { summary: 'Done' }, 'Marking REC 03 complete needs at least one piece of submitted evidence', 'evidenceIds');
    });

    it('a finding assessed as not applying needs the reason', async () => {
      await expectRefused(await rec03At('issued'), OFFICE, 'assess-applicability', { applicable: 'false' }, /reason/i, 'reason');
    });

    it('a decision already taken cannot be taken again (posted from a page left open)', async () => {
      const prepared = await rec03At('issued');
      const browser = await browserActingAs(OFFICE);
      const page = await browser.get(`/recommendations/${prepared.id}/record/reject`);
      await apiCommand(ledger, `/api/recommendations/${prepared.id}/accept`, { commitment: 'Train every detective' });
      const before = await logSnapshot(ledger.store);
      const sent = await browser.post(`/recommendations/${prepared.id}/record/reject`, { ...hiddenFields(page.text, `/recommendations/${prepared.id}/record/reject`), reason: 'No', ...CLEAR_ON_BEHALF });
      expect(sent.status).toBe(422);
      expect(new HtmlPage(sent.text).errorSummary()).toEqual([{ href: '#record-form', text: 'RejectRecommendation is not allowed while REC 03 is Accepted (allowed from Issued)' }]);
      expect(await logSnapshot(ledger.store)).toEqual(before);
    });

    it('it cannot have happened in the future', async () => {
      await expectRefused(await rec03At('in-progress'), OWNER, 'record-progress', { narrative: 'x', rag: 'green', occurredAt: '2999-01-01' }, /^Date it happened 2999-01-01 is later than today/, 'occurredAt');
    });
  });

  describe('what the pages refuse before anything reaches the ledger', () => {
    it('a post without the form token, or with another browser\'s, is refused and records nothing', async () => {
      const prepared = await rec03At('issued');
      const browser = new FormBrowser(ledger.url);
      const other = new FormBrowser(ledger.url);
      const path = `/recommendations/${prepared.id}/record/reject`;
      const page = await browser.get(path);
      const otherToken = hiddenFields((await other.get(path)).text, path)._csrf;
      const before = await logSnapshot(ledger.store);
      const { _csrf, ...withoutToken } = hiddenFields(page.text, path);
      expect(_csrf).toBeTruthy();

      const missingToken = await browser.post(path, { ...withoutToken, reason: 'No' });
      const wrongToken = await browser.post(path, { ...withoutToken, _csrf: otherToken, reason: 'No' });

      for (const refused of [missingToken, wrongToken]) {
        expect(refused.status).toBe(403);
        expect(refused.text).toContain('This form could not be accepted');
      }
      expect(await logSnapshot(ledger.store)).toEqual(before);
    });

    it('the same filled-in form sent twice records once', async () => {
      const prepared = await rec03At('in-progress');
      const browser = await browserActingAs(OWNER);
      const path = `/recommendations/${prepared.id}/record/record-progress`;
      const hidden = hiddenFields((await browser.get(path)).text, path);
      const before = (await readLog(ledger.store)).length;
      const first = await browser.post(path, { ...hidden, narrative: 'Half done', rag: 'green' });
      const again = await browser.post(path, { ...hidden, narrative: 'Half done', rag: 'green' });
      expect([first.status, again.status]).toEqual([303, 303]);
      expect((await readLog(ledger.store)).slice(before).map((event) => event.type)).toEqual(['RecommendationProgressRecorded']);
      const changed = await browser.post(path, { ...hidden, narrative: 'Three quarters done', rag: 'green' });
      expect(changed.status).toBe(303);
      expect((await readLog(ledger.store)).slice(before).map((event) => event.type)).toEqual(['RecommendationProgressRecorded', 'RecommendationProgressRecorded']);
    });

    it('a field the form does not have is refused as the API refuses it', async () => {
      const prepared = await rec03At('issued');
      const browser = new FormBrowser(ledger.url);
      const before = await logSnapshot(ledger.store);
      const sent = await browser.fill(`/recommendations/${prepared.id}/record/reject`, { reason: 'No', ...CLEAR_ON_BEHALF, actor: 'someone-else' });
      expect(sent.status).toBe(400);
      expect(new HtmlPage(sent.text).errorSummary()).toEqual([{ href: '#actor', text: 'actor should not exist' }]);
      expect(await logSnapshot(ledger.store)).toEqual(before);
    });
  });

  it('shows an entry re-dated by a date correction on the day it happened, marked as corrected, with the date first recorded', async () => {
    const prepared = await rec03At('accepted');
    const browser = await browserActingAs(OFFICE);
    const form = await browser.get(`/recommendations/${prepared.id}/record/correct-date`);
    // The entries it offers are the finding's own dated ones: the acceptance, not the issue (dated by its report).
    expect(form.text).toContain(`value="${prepared.acceptedEventId}"`);
    expect(form.text).not.toContain('REC 03 issued (');
    const sent = await browser.fill(`/recommendations/${prepared.id}/record/correct-date`, { correctsEventId: prepared.acceptedEventId!, correctOccurredAt: '2024-09-24', reason: 'The response is dated 24 September 2024' });
    expect(sent.status).toBe(303);

    const timeline = new HtmlPage((await browser.get(sent.headers.location)).text).table('Timeline of REC 03');
    const accepted = timeline.rows.find((row) => row[3].includes('Accepted'))!;
    expect(accepted[0]).toMatch(/^24 September 2024\s*Date corrected\s*First recorded as \d+ \w+ \d{4}, \d\d:\d\d\s*See the correction$/);
  });

  describe('which forms the pages offer', () => {
    it('offers the forms the status allows, as the domain says, and says why another cannot be used now', async () => {
      const issued = await rec03At('issued');
      const browser = new FormBrowser(ledger.url);
      const links = async (id: string) => [...(await browser.get(`/recommendations/${id}`)).text.matchAll(new RegExp(`href="/recommendations/${id}/record/([a-z-]+)"`, 'g'))].map((match) => match[1]);
      // The office sees those it may use (test/access/forms-by-role.e2e.spec.ts tries every role); the inspectorate's are the liaison's.
      const forOffice = (keys: string[]) => keys.filter((key) => mayDo('office', recommendationForm(key)!.command));
      expect(await links(issued.id)).toEqual(forOffice(['accept', 'partially-accept', 'reject', 'assess-applicability', 'flag-dependency', 'record-inspectorate-status', 'supersede', 'mark-no-longer-relevant', 'correct-entry', 'correct-date']));
      const pending = await rec03At('change-requested');
      expect(await links(pending.id)).toEqual(
        forOffice([
        'assign-owner',
        'approve-target-date-change',
        'refuse-target-date-change',
        'record-progress',
        'submit-evidence',
        'add-action',
        'flag-dependency',
        'mark-complete',
        'record-inspectorate-status',
        'supersede',
        'mark-no-longer-relevant',
        'correct-entry',
        'correct-date',
        ]),
      );
      const closed = await rec03At('closed');
      expect(await links(closed.id)).toEqual(['reopen', 'correct-entry', 'correct-date']);
      const liaison = new FormBrowser(ledger.url);
      await liaison.actAs('hmicfrs-liaison');
      expect([...(await liaison.get(`/recommendations/${closed.id}`)).text.matchAll(/href="\/recommendations\/[^/]+\/record\/([a-z-]+)"/g)].map((match) => match[1])).toEqual([
        'record-inspectorate-status',
        'record-inspectorate-closure',
      ]);

      const notNow = await browser.get(`/recommendations/${closed.id}/record/accept`);
      expect(notNow.status).toBe(409);
      expect(notNow.text).toContain('REC 03 is closed: this cannot be recorded now.');
      expect((await browser.get(`/recommendations/${closed.id}/record/no-such-form`)).status).toBe(404);
      expect((await browser.get('/recommendations/no-such-recommendation/record/accept')).status).toBe(404);
    });

    it('prefills what it knows: the Chief Constable for a decision, the current target date for a change', async () => {
      const browser = new FormBrowser(ledger.url);
      const issued = await rec03At('issued');
      const accept = `/recommendations/${issued.id}/record/accept`;
      expect(formFields((await browser.get(accept)).text, accept)).toMatchObject({ 'onBehalfOf.name': 'Chief Constable', 'onBehalfOf.role': 'Chief Constable' });
      const inProgress = await rec03At('in-progress');
      const change = `/recommendations/${inProgress.id}/record/request-target-date-change`;
      expect(formFields((await browser.get(change)).text, change)).toMatchObject({ 'from-day': '31', 'from-month': '1', 'from-year': '2025' });
    });
  });
});
