import { logSnapshot, readLog, removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { HtmlPage } from './html-reading';
import { apiCommand, FormBrowser, hiddenFields, readModelsCaughtUp, registerSample, type RegisteredSample } from './recording-support';

/**
 * Scrutiny challenges from the pages: raised from a recommendation's page, an inspection's page or
 * the list of challenges; answered and closed from wherever they are listed. Each records with
 * source `ui` as the person acting; a form that is wrong or that a rule refuses records nothing.
 */
describe('recording scrutiny challenges from the pages', () => {
  let ledger: LedgerUnderTest;

  beforeAll(async () => {
    ledger = await startLedger();
  });

  afterAll(async () => {
    await ledger?.stop();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  const QUESTION = { forum: 'Police and Crime Panel', meetingDate: '2025-03-12', question: 'When will every detective have been trained?', answerDueBy: '2025-04-09' };

  async function sample(): Promise<RegisteredSample> {
    const registered = await registerSample(ledger);
    await readModelsCaughtUp(ledger);
    return registered;
  }

  /** A challenge raised over the JSON API about REC 03, as the pages will read it. */
  async function raisedAboutRec03(): Promise<{ challengeId: string; recommendationId: string }> {
    const recommendationId = (await sample()).findingIds[0];
    const { challengeId } = await apiCommand(ledger, '/api/challenges', { ...QUESTION, recommendationId });
    await readModelsCaughtUp(ledger);
    return { challengeId, recommendationId };
  }

  function banner(page: string): string {
    return HtmlPage.text(new HtmlPage(page).one((element) => element.attribs.class?.includes('govuk-notification-banner__heading') === true));
  }

  async function expectRefused(sent: { status: number; text: string }, status: number, summary: { href: string; text: string | RegExp }[], before: Awaited<ReturnType<typeof logSnapshot>>): Promise<void> {
    expect(sent.status).toBe(status);
    expect(new HtmlPage(sent.text).errorSummary()).toEqual(summary.map(({ href, text }) => ({ href, text: typeof text === 'string' ? text : expect.stringMatching(text) })));
    expect(await logSnapshot(ledger.store)).toEqual(before);
  }

  describe('raising one', () => {
    it('from a recommendation page: about that recommendation, as the person acting, and back to the page that lists it', async () => {
      const recommendationId = (await sample()).findingIds[0];
      const browser = new FormBrowser(ledger.url);
      await browser.actAs('scrutiny-member');
      const path = `/challenges/raise?recommendationId=${recommendationId}`;
      expect((await browser.get(`/recommendations/${recommendationId}`)).text).toContain(`href="${path.replace('&', '&amp;')}"`);
      const before = (await readLog(ledger.store)).length;

      const sent = await browser.fill(path, QUESTION);

      expect(sent.status).toBe(303);
      expect(sent.headers.location).toMatch(new RegExp(`^/recommendations/${recommendationId}\\?atLeast=\\d+&recorded=raise-challenge$`));
      const written = (await readLog(ledger.store)).slice(before);
      expect(written.map((event) => event.type)).toEqual(['ChallengeRaised']);
      expect(written[0].streamId).toMatch(/^challenge-[0-9a-f-]{36}$/);
      expect(written[0].data).toEqual({ challengeId: expect.any(String), ...QUESTION, inspectionId: null, recommendationId });
      expect(written[0].metadata).toMatchObject({ source: 'ui', actor: { id: 'scrutiny-member' } });
      const page = await browser.get(sent.headers.location);
      expect(banner(page.text)).toBe('Scrutiny challenge raised');
      expect(new HtmlPage(page.text).table('Scrutiny challenges about REC 03').rows[0][0]).toContain(QUESTION.question);
    });

    it('from an inspection page: about that inspection', async () => {
      const { inspectionId } = await sample();
      const browser = new FormBrowser(ledger.url);
      const path = `/challenges/raise?inspectionId=${inspectionId}`;
      expect((await browser.get(`/inspections/${inspectionId}`)).text).toContain(`href="${path}"`);
      const before = (await readLog(ledger.store)).length;
      const sent = await browser.fill(path, QUESTION);
      expect(sent.status).toBe(303);
      expect(sent.headers.location).toMatch(new RegExp(`^/inspections/${inspectionId}\\?atLeast=\\d+&recorded=raise-challenge$`));
      const [raised] = (await readLog(ledger.store)).slice(before);
      expect(raised.data).toMatchObject({ inspectionId, recommendationId: null });
      expect(raised.metadata).toMatchObject({ source: 'ui', actor: { id: 'office-staff' } });
      expect(banner((await browser.get(sent.headers.location)).text)).toBe('Scrutiny challenge raised');
    });

    it('from the list of challenges: about nothing in particular, whatever the form is sent with', async () => {
      const browser = new FormBrowser(ledger.url);
      expect((await browser.get('/challenges')).text).toContain('href="/challenges/raise"');
      const before = (await readLog(ledger.store)).length;
      const sent = await browser.fill('/challenges/raise', { ...QUESTION, recommendationId: 'slipped-in' });
      expect(sent.status).toBe(303);
      expect(sent.headers.location).toMatch(/^\/challenges\?atLeast=\d+&recorded=raise-challenge$/);
      const [raised] = (await readLog(ledger.store)).slice(before);
      expect(raised.data).toMatchObject({ inspectionId: null, recommendationId: null });
      const list = await browser.get(sent.headers.location);
      expect(banner(list.text)).toBe('Scrutiny challenge raised');
      expect(list.text).toContain(QUESTION.question);
    });

    it('refuses it without the question, naming the field, and records nothing', async () => {
      const recommendationId = (await sample()).findingIds[0];
      const before = await logSnapshot(ledger.store);
      const sent = await new FormBrowser(ledger.url).fill(`/challenges/raise?recommendationId=${recommendationId}`, { ...QUESTION, question: '' });
      await expectRefused(sent, 400, [{ href: '#question', text: 'Question is required' }], before);
      expect(new HtmlPage(sent.text).title()).toMatch(/^Error: /);
    });

    it('shows the ledger refusing an answer date before the meeting, and records nothing', async () => {
      const before = await logSnapshot(ledger.store);
      const sent = await new FormBrowser(ledger.url).fill('/challenges/raise', { ...QUESTION, answerDueBy: '2025-03-01' });
      await expectRefused(sent, 422, [{ href: '#answerDueBy-day', text: 'Answer due by (2025-03-01) may not be before the meeting (2025-03-12)' }], before);
    });

    it('answers a challenge about a recommendation or inspection that is not recorded with 404', async () => {
      const browser = new FormBrowser(ledger.url);
      expect((await browser.get('/challenges/raise?recommendationId=no-such-finding')).status).toBe(404);
      expect((await browser.get('/challenges/raise?inspectionId=no-such-inspection')).status).toBe(404);
    });
  });

  describe('answering one', () => {
    it('is offered where the challenge is listed, records the answer as the person acting, and returns there', async () => {
      const { challengeId, recommendationId } = await raisedAboutRec03();
      const browser = new FormBrowser(ledger.url);
      await browser.actAs('commissioner');
      const path = `/challenges/${challengeId}/answer`;
      expect((await browser.get(`/recommendations/${recommendationId}`)).text).toContain(`href="${path}"`);
      expect((await browser.get('/challenges')).text).toContain(`href="${path}"`);
      const before = (await readLog(ledger.store)).length;

      const sent = await browser.fill(path, { answer: 'By the end of January 2025', answeredOn: '2025-03-20' });

      expect(sent.status).toBe(303);
      expect(sent.headers.location).toMatch(new RegExp(`^/recommendations/${recommendationId}\\?atLeast=\\d+&recorded=answer-challenge$`));
      const written = (await readLog(ledger.store)).slice(before);
      expect(written.map((event) => [event.streamId, event.type])).toEqual([[`challenge-${challengeId}`, 'ChallengeAnswered']]);
      expect(written[0].data).toEqual({ challengeId, answer: 'By the end of January 2025', answeredOn: '2025-03-20' });
      expect(written[0].metadata).toMatchObject({ source: 'ui', actor: { id: 'commissioner' } });
      const page = await browser.get(sent.headers.location);
      expect(banner(page.text)).toBe('Answer recorded');
      expect(new HtmlPage(page.text).table('Scrutiny challenges about REC 03').rows[0][3]).toContain('By the end of January 2025');
    });

    it('refuses it without the answer, naming the field, and records nothing', async () => {
      const { challengeId } = await raisedAboutRec03();
      const before = await logSnapshot(ledger.store);
      const sent = await new FormBrowser(ledger.url).fill(`/challenges/${challengeId}/answer`, { answeredOn: '2025-03-20' });
      await expectRefused(sent, 400, [{ href: '#answer', text: 'Answer is required' }], before);
    });

    it('shows the ledger refusing an answer dated before the meeting, and records nothing', async () => {
      const { challengeId } = await raisedAboutRec03();
      const before = await logSnapshot(ledger.store);
      const sent = await new FormBrowser(ledger.url).fill(`/challenges/${challengeId}/answer`, { answer: 'Soon', answeredOn: '2025-03-01' });
      await expectRefused(sent, 422, [{ href: '#answeredOn-day', text: /^Date answered \(2025-03-01\) may not be before the meeting that raised it/ }], before);
    });
  });

  describe('closing one', () => {
    it('records the outcome as the person acting, and no longer offers the challenge to answer or close', async () => {
      const { challengeId, recommendationId } = await raisedAboutRec03();
      const browser = new FormBrowser(ledger.url);
      const path = `/challenges/${challengeId}/close`;
      expect((await browser.get(`/recommendations/${recommendationId}`)).text).toContain(`href="${path}"`);
      const before = (await readLog(ledger.store)).length;

      const sent = await browser.fill(path, { outcome: 'Satisfied', closedOn: '2025-04-09' });

      expect(sent.status).toBe(303);
      const written = (await readLog(ledger.store)).slice(before);
      expect(written.map((event) => [event.streamId, event.type])).toEqual([[`challenge-${challengeId}`, 'ChallengeClosed']]);
      expect(written[0].data).toEqual({ challengeId, outcome: 'Satisfied', closedOn: '2025-04-09' });
      expect(written[0].metadata).toMatchObject({ source: 'ui', actor: { id: 'office-staff' } });
      const page = await browser.get(sent.headers.location);
      expect(banner(page.text)).toBe('Scrutiny challenge closed');
      expect(page.text).not.toContain(`href="/challenges/${challengeId}/`);
      expect((await browser.get(`/challenges/${challengeId}/answer`)).status).toBe(409);
    });

    it('refuses it without the outcome, naming the field, and records nothing', async () => {
      const { challengeId } = await raisedAboutRec03();
      const before = await logSnapshot(ledger.store);
      const sent = await new FormBrowser(ledger.url).fill(`/challenges/${challengeId}/close`, { closedOn: '2025-04-09' });
      await expectRefused(sent, 400, [{ href: '#outcome', text: 'Outcome is required' }], before);
    });

    it('shows the ledger refusing to close a challenge closed meanwhile (a page left open), and records nothing', async () => {
      const { challengeId } = await raisedAboutRec03();
      const browser = new FormBrowser(ledger.url);
      const path = `/challenges/${challengeId}/close`;
      const page = await browser.get(path);
      await apiCommand(ledger, `/api/challenges/${challengeId}/close`, { outcome: 'Withdrawn', closedOn: '2025-03-13' });
      const before = await logSnapshot(ledger.store);
      const sent = await browser.post(path, { ...hiddenFields(page.text, path), outcome: 'Satisfied', closedOn: '2025-04-09' });
      await expectRefused(sent, 422, [{ href: '#record-form', text: `Challenge ${challengeId} is closed` }], before);
    });

    it('answers a challenge that is not recorded with 404', async () => {
      expect((await new FormBrowser(ledger.url).get('/challenges/no-such-challenge/close')).status).toBe(404);
    });
  });
});
