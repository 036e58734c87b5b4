import { londonDate } from '@ledger/domain';
import { removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { HtmlPage } from '../browser/html-reading';
import { apiCommand, readModelsCaughtUp, registerSample } from '../browser/recording-support';

/**
 * The office types in what others said and decided. Every page that names who did something names
 * both the office person who recorded it and the person it was recorded for: the commitments,
 * the changes of target date (slippage's "requested by" and the decision), the challenges'
 * "raised by" and answers, the timeline and the meeting pack.
 */
const OPFCC = 'Office of the Police, Fire and Crime Commissioner';
const OFFICE = 'Office Staff (development)';
const OFFICE_IN_FULL = `${OFFICE}, office, ${OPFCC}`;
/** Someone else in the office: the person who asks for a change may not decide it. */
const SECOND = { LEDGER_DEV_USER_ID: 'office-two', LEDGER_DEV_USER_NAME: 'Second Caseworker', LEDGER_DEV_USER_ROLE: 'office', LEDGER_DEV_USER_ORG: OPFCC };
const SECOND_IN_FULL = `Second Caseworker, office, ${OPFCC}`;
const COMMISSIONER = { name: 'Peter McCall', role: 'Police, Fire and Crime Commissioner', organisation: 'Cumbria OPFCC' };
const CHIEF_CONSTABLE = { name: 'Rob Carden', role: 'Chief Constable', organisation: 'Cumbria Constabulary' };
const PANEL_CHAIR = { name: 'Jane Smith', role: 'Chair of the Panel', organisation: 'Cumbria Police, Fire and Crime Panel' };
const inFull = (person: { name: string; role: string; organisation: string }) => `${person.name}, ${person.role}, ${person.organisation}`;
const forWhom = (person: { name: string; role: string; organisation: string }) => `${OFFICE_IN_FULL} on behalf of ${inFull(person)}`;

describe('"on behalf of" beside the recorder, on every page that names who did something', () => {
  let ledger: LedgerUnderTest;
  let recommendationId: string;

  beforeAll(async () => {
    ledger = await startLedger(undefined, SECOND);
    const sample = await registerSample(ledger);
    recommendationId = sample.findingIds[0];
    const rec = `/api/recommendations/${recommendationId}`;
    await apiCommand(ledger, `${rec}/accept`, { commitment: 'Train every detective', plannedCompletionDate: '2099-01-31', onBehalfOf: CHIEF_CONSTABLE });
    await apiCommand(ledger, `${rec}/assign-owner`, { owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' });
    await apiCommand(ledger, `${rec}/target-date-changes`, { from: '2099-01-31', to: '2099-04-30', reason: 'Course places', onBehalfOf: CHIEF_CONSTABLE });
    await apiCommand(ledger, `${rec}/target-date-changes/approve`, { comment: 'Agreed', onBehalfOf: COMMISSIONER }, SECOND.LEDGER_DEV_USER_ID);
    const { challengeId } = await apiCommand(ledger, '/api/challenges', {
      forum: 'Police and Crime Panel',
      meetingDate: '2025-02-04',
      question: 'Is the training on track?',
      answerDueBy: '2099-03-04',
      recommendationId,
      onBehalfOf: PANEL_CHAIR,
    });
    await apiCommand(ledger, `/api/challenges/${challengeId}/answer`, { answer: 'It is on track.', answeredOn: londonDate(new Date()), onBehalfOf: COMMISSIONER });
    await readModelsCaughtUp(ledger);
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  async function page(url: string): Promise<HtmlPage> {
    const answer = await ledger.http().get(url);
    expect({ url, status: answer.status }).toEqual({ url, status: 200 });
    return new HtmlPage(answer.text);
  }

  it("the recommendation page: the commitment, the change of target date, the challenge and its answer, and the timeline", async () => {
    const shown = await page(`/recommendations/${recommendationId}`);
    expect(shown.summary().Commitment).toContain(`by ${forWhom(CHIEF_CONSTABLE)}`);
    const commitments = shown.table('Who committed to what');
    expect(commitments.rows.map((row) => row[commitments.headers.indexOf('Committed by')])).toEqual([forWhom(CHIEF_CONSTABLE), forWhom(CHIEF_CONSTABLE)]);
    expect(commitments.rows[1][commitments.headers.indexOf('Commitment')]).toContain(`approved by ${SECOND_IN_FULL} on behalf of ${inFull(COMMISSIONER)}`);
    const revisions = shown.table('Every request to change the target date');
    expect(revisions.rows[0][revisions.headers.indexOf('Requested by')]).toBe(forWhom(CHIEF_CONSTABLE));
    expect(revisions.rows[0][revisions.headers.indexOf('Decision')]).toContain(`by ${SECOND_IN_FULL} on behalf of ${inFull(COMMISSIONER)}`);
    const challenges = shown.table('Scrutiny challenges about');
    expect(challenges.rows[0][0]).toContain(`raised by ${forWhom(PANEL_CHAIR)}`);
    expect(challenges.rows[0][3]).toContain(`${OFFICE} on behalf of ${COMMISSIONER.name}; recorded `);
    const timeline = shown.table('Timeline of');
    const who = timeline.headers.indexOf('Who');
    expect(timeline.rows.filter((row) => row[who].includes('on behalf of')).map((row) => row[who])).toEqual([
      forWhom(CHIEF_CONSTABLE),
      forWhom(CHIEF_CONSTABLE),
      forWhom(CHIEF_CONSTABLE),
      `${SECOND_IN_FULL} on behalf of ${inFull(COMMISSIONER)}`,
      forWhom(PANEL_CHAIR),
      forWhom(COMMISSIONER),
    ]);
  });

  it("the commitments page names the office and the chief constable it recorded the commitment for, and the approval's recorder and for whom", async () => {
    const text = (await page('/commitments')).text();
    expect(text).toContain(forWhom(CHIEF_CONSTABLE));
    expect(text).toContain(`approved by ${SECOND_IN_FULL} on behalf of ${inFull(COMMISSIONER)}`);
  });

  it('the slippage page names who requested the change and for whom, and who decided it and for whom', async () => {
    const shown = await page('/slippage');
    const revisions = shown.table('Every request for the findings above');
    expect(revisions.rows.map((row) => row[revisions.headers.indexOf('Requested by')])).toContain(forWhom(CHIEF_CONSTABLE));
    expect(revisions.rows.map((row) => row[revisions.headers.indexOf('Decision')]).join(' ')).toContain(`by ${SECOND_IN_FULL} on behalf of ${inFull(COMMISSIONER)}`);
  });

  it("the challenges page names who raised it and for whom, and for whom the answer was recorded", async () => {
    const shown = await page('/challenges?status=all');
    const text = shown.text();
    expect(text).toContain(`raised by ${forWhom(PANEL_CHAIR)}`);
    expect(text).toContain(`${OFFICE} on behalf of ${COMMISSIONER.name}; recorded `);
  });

  it('the meeting pack names them too: the commitment, the change of target date and the open challenge', async () => {
    const text = (await page(`/pack?date=${londonDate(new Date())}`)).text();
    expect(text).toContain(`by ${forWhom(CHIEF_CONSTABLE)}`);
    expect(text).toContain(`by ${SECOND_IN_FULL} on behalf of ${inFull(COMMISSIONER)}`);
    expect(text).toContain(`raised by ${forWhom(PANEL_CHAIR)}`);
    expect(text).toContain(`${OFFICE} on behalf of ${COMMISSIONER.name}; recorded `);
  });
});
