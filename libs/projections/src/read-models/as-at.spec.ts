import type { Actor, RecommendationCommand } from '@ledger/domain';
import { actionOwner, issueFinding, officeStaff, performanceLead, REC_03 } from '@ledger/domain/recommendation/sample-recommendations.fixture';
import { challengesProjection } from './challenges/challenges.projection';
import { queryChallenges, queryChallengesAsAt } from './challenges/challenges.queries';
import type { Basis } from './history/history-keys';
import { ScratchReadModels } from './shared/scratch-read-models';
import { slippageProjection } from './slippage/slippage.projection';
import { querySlippage } from './slippage/slippage.queries';
import { statutoryProjection } from './statutory/statutory.projection';
import { queryStatutory, queryStatutoryAsAt } from './statutory/statutory.queries';
import { DecidedLog } from './testing/decided-log.fixture';

/**
 * The meeting pack stands the statutory response, the target-date changes and the challenges as
 * at a day from these rows, in either basis: `occurred` (what had happened by the end of that day,
 * from everything recorded to date) and `recorded` (what the ledger held by the end of that day).
 * Here much of it was typed in days after it happened, and one date was corrected months later.
 */
const INSPECTION = 'insp-rasso-2024';
const id = REC_03.findingId;
const ALL = { limit: 100, offset: 0 };
const at = (day: string) => `${day}T10:00:00Z`;

const log = new DecidedLog();
const statutory = (happened: string, recorded: string, command: Parameters<DecidedLog['statutory']>[0], context = {}) =>
  log.statutory(command, { by: officeStaff, occurredAt: happened, at: at(recorded) }, context);
statutory('2024-08-22', '2024-08-22', { type: 'OpenStatutoryResponse', inspectionId: INSPECTION, service: 'police', reportPublishedOn: '2024-08-22' });
// The chief officer's comments, first recorded as received on 15 September, in fact came on the 25th (corrected on 1 February 2025).
statutory('2024-09-15', '2024-09-15', { type: 'RecordChiefOfficerComments', inspectionId: INSPECTION, receivedOn: '2024-09-15', comments: 'I welcome the report.' });
// The commissioner commented on 10 October; the office typed it in on the 12th.
statutory('2024-10-10', '2024-10-12', { type: 'RecordCommissionerComments', inspectionId: INSPECTION, madeOn: '2024-10-10', comments: 'I welcome the report.' });
// Published, as first recorded, on 20 October (late): in fact on 14 October (on time), corrected on 1 February 2025.
statutory('2024-10-20', '2024-10-20', { type: 'PublishStatutoryResponse', inspectionId: INSPECTION, publishedOn: '2024-10-20', url: null }, { findings: [] });
statutory('2025-02-01', '2025-02-01', { type: 'CorrectStatutoryDate', inspectionId: INSPECTION, step: 'publication', correctDate: '2024-10-14', reason: 'The page is dated 14 October 2024' }, { today: '2025-02-01' });

statutory('2025-02-01', '2025-02-01', { type: 'CorrectStatutoryDate', inspectionId: INSPECTION, step: 'chiefOfficerComments', correctDate: '2024-09-25', reason: 'Received on 25 September' }, { today: '2025-02-01' });

const recommendation = (happened: string, recorded: string, by: Actor, command: RecommendationCommand) => log.recommendation(command, { by, occurredAt: happened, at: at(recorded) });
recommendation('2024-08-27', '2024-08-27', officeStaff, issueFinding(REC_03));
recommendation('2024-09-25', '2024-09-25', officeStaff, { type: 'AcceptRecommendation', recommendationId: id, commitment: 'Train every detective', plannedCompletionDate: '2025-01-31' });
recommendation('2024-10-03', '2024-10-03', officeStaff, { type: 'AssignOwner', recommendationId: id, owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' });
// Asked for on 6 January, recorded on the 9th; approved on the 8th, recorded on the 10th.
recommendation('2025-01-06', '2025-01-09', actionOwner, { type: 'RequestTargetDateChange', recommendationId: id, from: '2025-01-31', to: '2025-04-30', reason: 'Course places' });
recommendation('2025-01-08', '2025-01-10', performanceLead, { type: 'ApproveTargetDateChange', recommendationId: id });

// Raised at the panel on 6 February, recorded the 7th; answered 27 February, recorded 1 March; closed 13 March, recorded the 14th.
const answered = 'pcp-2025-02-06-q1';
const unanswered = 'pcp-2025-02-06-q2';
const challenge = (happened: string, recorded: string, command: Parameters<DecidedLog['challenge']>[0]) => log.challenge(command, { by: officeStaff, occurredAt: happened, at: at(recorded) });
challenge('2025-02-06', '2025-02-07', { type: 'RaiseChallenge', challengeId: answered, forum: 'Police and Crime Panel', meetingDate: '2025-02-06', question: 'Were they trained?', answerDueBy: '2025-03-06', inspectionId: INSPECTION, recommendationId: null });
challenge('2025-02-06', '2025-02-07', { type: 'RaiseChallenge', challengeId: unanswered, forum: 'Police and Crime Panel', meetingDate: '2025-02-06', question: 'Who audits it?', answerDueBy: '2025-03-06', inspectionId: INSPECTION, recommendationId: null });
challenge('2025-02-27', '2025-03-01', { type: 'AnswerChallenge', challengeId: answered, answer: '41 of 43 by the end of January', answeredOn: '2025-02-27' });
challenge('2025-03-13', '2025-03-14', { type: 'CloseChallenge', challengeId: answered, outcome: 'Panel satisfied', closedOn: '2025-03-13' });

const scratch = ScratchReadModels.create([statutoryProjection, slippageProjection, challengesProjection]);
beforeAll(() => log.events.forEach((event) => scratch.apply(event)));
afterAll(() => scratch.close());

const asAt = (date: string, basis: Basis) => ({ date, basis });

describe('the statutory response as at a day', () => {
  const then = (date: string, basis: Basis) => queryStatutoryAsAt(scratch, INSPECTION, asAt(date, basis));

  it('is nothing before the response was opened, in either basis', () => {
    expect(then('2024-08-21', 'occurred')).toBeNull();
    expect(then('2024-08-21', 'recorded')).toBeNull();
  });

  it('shows a step from the day it happened in the occurred basis, and from the day it was recorded in the recorded basis', () => {
    expect(then('2024-10-11', 'occurred')).toMatchObject({ commissionerCommentsMadeOn: '2024-10-10', publishedOn: null, state: 'due', daysRemaining: 5 });
    expect(then('2024-10-11', 'recorded')).toMatchObject({ commissionerCommentsMadeOn: null, publishedOn: null, state: 'due' });
    expect(then('2024-10-12', 'recorded')).toMatchObject({ commissionerCommentsMadeOn: '2024-10-10' });
  });

  it('shows a date corrected after the meeting in the occurred basis, and the date as then recorded in the recorded basis', () => {
    expect(then('2024-10-15', 'occurred')).toMatchObject({ publishedOn: '2024-10-14', state: 'published-on-time', onTime: true, dayNumber: 54 });
    expect(then('2024-10-25', 'occurred')).toMatchObject({ publishedOn: '2024-10-14', state: 'published-on-time' });
    expect(then('2024-10-15', 'recorded')).toMatchObject({ publishedOn: null, state: 'due' });
    expect(then('2024-10-25', 'recorded')).toMatchObject({ publishedOn: '2024-10-20', state: 'published-late', onTime: false, daysLate: 4 });
    expect(then('2025-02-01', 'recorded')).toMatchObject({ publishedOn: '2024-10-14', state: 'published-on-time' });
  });

  it('does not show, in the occurred basis, a step whose corrected date came after the day, though first recorded before it', () => {
    expect(then('2024-09-20', 'occurred')).toMatchObject({ chiefOfficerCommentsReceivedOn: null });
    expect(then('2024-09-25', 'occurred')).toMatchObject({ chiefOfficerCommentsReceivedOn: '2024-09-25' });
    expect(then('2024-09-20', 'recorded')).toMatchObject({ chiefOfficerCommentsReceivedOn: '2024-09-15' });
    expect(then('2025-02-01', 'recorded')).toMatchObject({ chiefOfficerCommentsReceivedOn: '2024-09-25' });
  });

  it('judges lateness on the meeting day, not today', () => {
    expect(then('2024-10-18', 'recorded')).toMatchObject({ publishedOn: null, state: 'overdue', onTime: false, daysLate: 2, dayNumber: 58 });
  });

  it('agrees with the live read model once everything had happened and been recorded', () => {
    const live = queryStatutory(scratch, { inspectionId: INSPECTION }, ALL, '2025-06-01').items[0];
    expect(then('2025-06-01', 'occurred')).toEqual(live);
    expect(then('2025-06-01', 'recorded')).toEqual(live);
  });
});

describe('the changes of target date as at a day', () => {
  const then = (date: string, basis: Basis) => querySlippage(scratch, { recommendationId: id }, ALL, asAt(date, basis)).items[0];
  const revisions = (date: string, basis: Basis) => then(date, basis).revisions.map((revision) => [revision.to, revision.outcome, revision.decidedBy?.id ?? null]);

  it('shows a request from when it was made, or recorded, and awaiting its decision until that was made, or recorded', () => {
    expect(revisions('2025-01-05', 'occurred')).toEqual([]);
    expect(revisions('2025-01-07', 'occurred')).toEqual([['2025-04-30', 'pending', null]]);
    expect(revisions('2025-01-08', 'occurred')).toEqual([['2025-04-30', 'approved', performanceLead.id]]);
    expect(revisions('2025-01-08', 'recorded')).toEqual([]);
    expect(revisions('2025-01-09', 'recorded')).toEqual([['2025-04-30', 'pending', null]]);
    expect(revisions('2025-01-10', 'recorded')).toEqual([['2025-04-30', 'approved', performanceLead.id]]);
  });

  it('moves the current target date only once the change was approved by then', () => {
    expect(then('2025-01-07', 'occurred')).toMatchObject({ originalTargetDate: '2025-01-31', currentTargetDate: '2025-01-31', revisionCount: 0, slippageDays: 0 });
    expect(then('2025-01-08', 'occurred')).toMatchObject({ currentTargetDate: '2025-04-30', revisionCount: 1, slippageDays: 89 });
    expect(then('2025-01-09', 'recorded')).toMatchObject({ currentTargetDate: '2025-01-31', revisionCount: 0 });
  });

  it('agrees with the live read model once everything had been recorded', () => {
    expect(then('2025-06-01', 'recorded')).toEqual(querySlippage(scratch, { recommendationId: id }, ALL).items[0]);
  });
});

describe('the challenges as at a day', () => {
  const open = (date: string, basis: Basis) => queryChallengesAsAt(scratch, { status: 'open', inspectionId: INSPECTION }, ALL, asAt(date, basis)).items;
  const shown = (date: string, basis: Basis) => open(date, basis).map((entry) => [entry.challengeId, entry.answers.map((answer) => answer.answeredOn), entry.answerOverdue]);

  it('shows a challenge from when it was raised, or recorded', () => {
    expect(shown('2025-02-06', 'occurred')).toEqual([
      [answered, [], false],
      [unanswered, [], false],
    ]);
    expect(shown('2025-02-06', 'recorded')).toEqual([]);
  });

  it('shows an answer from when it was given, or recorded, and an unanswered one overdue after its answer date', () => {
    expect(shown('2025-02-28', 'occurred')).toEqual([
      [answered, ['2025-02-27'], false],
      [unanswered, [], false],
    ]);
    expect(shown('2025-02-28', 'recorded')).toEqual([
      [answered, [], false],
      [unanswered, [], false],
    ]);
    expect(shown('2025-03-10', 'recorded')).toEqual([
      [answered, ['2025-02-27'], false],
      [unanswered, [], true],
    ]);
    expect(open('2025-03-10', 'occurred')[1]).toMatchObject({ daysOverdue: 4 });
  });

  it('keeps a challenge open until it was closed, or the closing recorded', () => {
    expect(shown('2025-03-13', 'occurred').map(([challengeId]) => challengeId)).toEqual([unanswered]);
    expect(shown('2025-03-13', 'recorded').map(([challengeId]) => challengeId)).toEqual([answered, unanswered]);
    expect(open('2025-03-13', 'recorded')[0]).toMatchObject({ status: 'open', closedOn: null, outcome: null, closedBy: null });
    const closed = queryChallengesAsAt(scratch, { status: 'closed', inspectionId: INSPECTION }, ALL, asAt('2025-03-14', 'recorded')).items;
    expect(closed).toEqual(queryChallenges(scratch, { status: 'closed', inspectionId: INSPECTION }, ALL, '2025-03-14').items);
  });
});
