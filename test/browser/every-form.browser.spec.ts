import { evidence } from '../e2e/support/sample-requests';
import { CHALLENGE_FORMS } from '../../apps/api/src/web/record/challenge/challenge-forms';
import { INSPECTION_FORMS } from '../../apps/api/src/web/record/inspection/inspection-forms';
import { STATUTORY_FORMS } from '../../apps/api/src/web/record/inspection/statutory-forms';
import { RECOMMENDATION_FORMS } from '../../apps/api/src/web/record/recommendation/recommendation-forms';
import { ACTING_AS_COOKIE } from '../../apps/api/src/web/record/acting-as/acting-as-cookie';
import { accessibleAtEachWidth } from './axe';
import { browserSession, throwawayLedger } from './browser-session';
import { apiCommand, readModelsCaughtUp, registerSample } from './recording-support';

/** The development people, in the order a form is tried as them: the office first. */
const PEOPLE = ['office-staff', 'force-action-owner', 'performance-lead', 'commissioner', 'hmicfrs-liaison'];

/**
 * Every recording form the pages serve, each where it can be used now (a finding, inspection or
 * challenge brought to that point over the JSON API) and as someone who may use it, as it is
 * first shown and as it comes back with its errors: axe-core (WCAG 2.2 A and AA) at desktop width
 * and at 320 px, with nothing scrolling sideways. Nothing is recorded by the pages: each form is
 * sent with a date it cannot use (31/01/2025 typed in the day box), or as it is when it asks for
 * no date, and comes back with its error summary.
 */
describe('accessibility of every recording form, shown and with its errors', () => {
  const session = browserSession(throwawayLedger, { timeout: 30_000 });
  /** Addresses of the things the forms record about, by what each can be used for. */
  const at = { findings: [] as string[], inspections: [] as string[], challenges: [] as string[] };

  beforeAll(async () => {
    const { ledger } = session;
    const api = (path: string, body: object, as = 'office-staff') => apiCommand(ledger, path, body, as);
    const rec = (id: string, path: string, body: object = {}, as = 'office-staff') => api(`/api/recommendations/${id}/${path}`, body, as);
    const started = async (id: string, plannedCompletionDate?: string) => {
      await rec(id, 'accept', { commitment: 'Train every detective', ...(plannedCompletionDate ? { plannedCompletionDate } : {}) });
      await rec(id, 'assign-owner', { owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' });
    };
    const markedComplete = async (id: string) => {
      const { evidenceId } = await rec(id, 'evidence', evidence('Training register'), 'force-action-owner');
      await rec(id, 'mark-complete', { summary: 'All detectives trained', evidenceIds: [evidenceId] }, 'force-action-owner');
    };

    // The first sample: one finding still issued, the others at each point of delivery; its response not started.
    const first = await registerSample(ledger);
    const [issued, working, pending, awaiting, verified] = first.findingIds;
    await started(working);
    await rec(working, 'actions', { description: 'Book the course', owner: 'Training manager', dueDate: '2024-11-30' }, 'force-action-owner');
    await rec(working, 'dependencies', { dependsOn: 'College of Policing', description: 'The national course materials' });
    await started(pending, '2025-01-31');
    await rec(pending, 'target-date-changes', { from: '2025-01-31', to: '2025-04-30', reason: 'Course places not available until March' });
    await started(awaiting, '2025-01-31');
    await markedComplete(awaiting);
    await started(verified, '2025-01-31');
    await markedComplete(verified);
    await rec(verified, 'verify', {}, 'performance-lead');

    // The second: a finding with a target date to move, and one closed; the chief officer's comments in.
    const second = await registerSample(ledger);
    const [dated, closed] = second.findingIds;
    await started(dated, '2025-01-31');
    await started(closed, '2025-01-31');
    await markedComplete(closed);
    await rec(closed, 'verify', {}, 'performance-lead');
    await rec(closed, 'close', {}, 'commissioner');
    await api(`/api/statutory-responses/${second.inspectionId}/chief-officer-comments`, { receivedOn: '2024-10-01', comments: 'I welcome the report.' });

    // The third: every finding decided and the response published, with no copy sent yet.
    const third = await registerSample(ledger);
    for (const id of third.findingIds) await rec(id, 'accept', { commitment: 'Will do' });
    await api(`/api/statutory-responses/${third.inspectionId}/commissioner-comments`, { madeOn: '2024-10-09', comments: 'I welcome the report.' });
    await api(`/api/statutory-responses/${third.inspectionId}/publish`, { publishedOn: '2024-10-10', url: 'https://www.example.org/response' });

    // A fire report, answered with an action plan.
    const fire = await api('/api/inspections', {
      title: 'Fire protection inspection',
      inspectionType: 'fire-thematic',
      scope: 'force-specific',
      service: 'fire',
      publishedOn: '2025-06-02',
      findings: [{ reference: 'AFI 1', number: 1, findingType: 'area-for-improvement', text: 'The service should audit more high-risk premises.' }],
    });

    const { challengeId } = await api('/api/challenges', { forum: 'Police and Crime Panel', meetingDate: '2025-03-12', question: 'When will every detective have been trained?', answerDueBy: '2025-04-09', recommendationId: working });
    await readModelsCaughtUp(ledger);

    at.findings = [issued, working, pending, awaiting, verified, dated, closed].map((id) => `/recommendations/${id}/record`);
    at.inspections = [first.inspectionId, second.inspectionId, third.inspectionId, fire.inspectionId].map((id) => `/inspections/${id}/record`);
    at.challenges = [`/challenges/${challengeId}`];
  }, 120_000);

  /** Each form, and the addresses it may be shown at. */
  function everyForm(): [string, string[]][] {
    return [
      ...RECOMMENDATION_FORMS.map((form): [string, string[]] => [form.key, at.findings.map((base) => `${base}/${form.key}`)]),
      ...[...INSPECTION_FORMS, ...STATUTORY_FORMS].map((form): [string, string[]] => [form.key, at.inspections.map((base) => `${base}/${form.key}`)]),
      ['raise-challenge', [`/challenges/raise?recommendationId=${at.findings[1].split('/')[2]}`]],
      ['answer-challenge', at.challenges.map((base) => `${base}/answer`)],
      ['close-challenge', at.challenges.map((base) => `${base}/close`)],
    ];
  }

  /** The first address, and a person who may use it, that shows the form (200) rather than "not now" (409) or "not yours" (403). */
  async function placeOf(candidates: readonly string[]): Promise<{ address: string; person: string } | undefined> {
    for (const address of candidates) {
      for (const person of PEOPLE) {
        if ((await session.ledger.http().get(address).set('Cookie', `${ACTING_AS_COOKIE}=${person}`)).status === 200) return { address, person };
      }
    }
    return undefined;
  }

  it('shows every form somewhere, and each has no violation and does not scroll sideways, shown and with its errors', async () => {
    const { page, ledger } = session;
    const places: [string, { address: string; person: string } | undefined][] = [];
    for (const [key, candidates] of everyForm()) places.push([key, await placeOf(candidates)]);
    expect(places.filter(([, place]) => place === undefined).map(([key]) => key)).toEqual([]);
    expect(places).toHaveLength(RECOMMENDATION_FORMS.length + INSPECTION_FORMS.length + STATUTORY_FORMS.length + CHALLENGE_FORMS.length);

    for (const [key, place] of places) {
      await page.context().addCookies([{ name: ACTING_AS_COOKIE, value: place!.person, url: ledger.url }]);
      await page.goto(`${ledger.url}${place!.address}`);
      await accessibleAtEachWidth(page);

      const form = page.locator('main form[method="post"]').filter({ has: page.locator('button.govuk-button') }).last();
      const dates = form.locator('.govuk-date-input');
      if ((await dates.count()) > 0) await dates.first().getByLabel('Day').fill('31/01/2025');
      await Promise.all([page.waitForEvent('load'), form.locator('button.govuk-button').first().click()]);
      expect({ key, errors: await page.locator('.govuk-error-summary').count() }).toEqual({ key, errors: 1 });
      await accessibleAtEachWidth(page);
    }
  }, 900_000);
});
