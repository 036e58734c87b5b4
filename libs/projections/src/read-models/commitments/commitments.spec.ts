import { actionOwner, issueFinding, officeStaff, performanceLead, REC_03 } from '@ledger/domain/recommendation/sample-recommendations.fixture';
import type { Actor, RecommendationCommand } from '@ledger/domain';
import { ScratchReadModels } from '../shared/scratch-read-models';
import { DecidedLog } from '../testing/decided-log.fixture';
import { commitmentsProjection } from './commitments.projection';
import { queryCommitments, type Commitment } from './commitments.queries';

const id = REC_03.findingId;
const ALL = { limit: 100, offset: 0 };

/** REC 03's commitments after these steps, each `[London date, who, command]`, recorded at 10:00 UTC that day. */
function commitmentsAfter(steps: [string, Actor, RecommendationCommand][], today: string): Commitment[] {
  const log = new DecidedLog();
  log.recommendation(issueFinding(REC_03), { by: officeStaff, at: '2024-08-27T10:00:00Z' });
  for (const [day, by, command] of steps) log.recommendation(command, { by, at: `${day}T10:00:00Z` });
  const scratch = ScratchReadModels.create([commitmentsProjection]);
  try {
    log.events.forEach((event) => scratch.apply(event));
    return queryCommitments(scratch, {}, ALL, today).items;
  } finally {
    scratch.close();
  }
}

const accept = (plannedCompletionDate: string | null): [string, Actor, RecommendationCommand] => [
  '2024-09-25',
  officeStaff,
  { type: 'AcceptRecommendation', recommendationId: id, commitment: 'Train every detective', plannedCompletionDate },
];
const start: [string, Actor, RecommendationCommand] = ['2024-10-03', officeStaff, { type: 'AssignOwner', recommendationId: id, owner: 'Head of L&D', organisation: 'Cumbria Constabulary' }];
const evidence = (day: string): [string, Actor, RecommendationCommand] => [
  day,
  actionOwner,
  { type: 'SubmitEvidence', recommendationId: id, evidenceId: `ev-${day}`, title: 'Register', reference: 'DOC-1', sha256: 'b'.repeat(64), classification: 'OFFICIAL' },
];
const complete = (day: string): [string, Actor, RecommendationCommand] => [day, actionOwner, { type: 'MarkComplete', recommendationId: id, summary: 'Done', evidenceIds: [`ev-${day}`] }];
const outcomes = (commitments: Commitment[]) => commitments.map((c) => [c.kind, c.dueDate, c.outcome, c.daysLate]);

describe('commitments', () => {
  it('is kept when completed on or before its date, and missed when completed after it', () => {
    expect(outcomes(commitmentsAfter([accept('2025-01-31'), start, evidence('2025-01-31'), complete('2025-01-31')], '2025-06-01'))).toEqual([['decision', '2025-01-31', 'kept', null]]);
    expect(outcomes(commitmentsAfter([accept('2025-01-31'), start, evidence('2025-02-03'), complete('2025-02-03')], '2025-06-01'))).toEqual([['decision', '2025-01-31', 'missed', 3]]);
  });

  it('is open until its date passes, then missed while it stays undone', () => {
    const steps = [accept('2025-01-31'), start];
    expect(outcomes(commitmentsAfter(steps, '2025-01-31'))).toEqual([['decision', '2025-01-31', 'open', null]]);
    expect(outcomes(commitmentsAfter(steps, '2025-02-10'))).toEqual([['decision', '2025-01-31', 'missed', 10]]);
  });

  it('takes the first target date set when the acceptance named none', () => {
    const steps = [accept(null), ['2024-10-01', officeStaff, { type: 'SetTargetDate', recommendationId: id, targetDate: '2025-03-31' }] as [string, Actor, RecommendationCommand]];
    expect(outcomes(commitmentsAfter(steps, '2025-01-01'))).toEqual([['decision', '2025-03-31', 'open', null]]);
  });

  it('counts a completion returned for further work as not done', () => {
    const returned: [string, Actor, RecommendationCommand] = ['2025-01-20', performanceLead, { type: 'ReturnForFurtherWork', recommendationId: id, reason: 'Records missing' }];
    expect(outcomes(commitmentsAfter([accept('2025-01-31'), start, evidence('2025-01-15'), complete('2025-01-15'), returned], '2025-02-05'))).toEqual([
      ['decision', '2025-01-31', 'missed', 5],
    ]);
  });

  it('replaces a commitment with an approved new date: revised if approved in time, missed if approved after the date had passed', () => {
    const request = (day: string): [string, Actor, RecommendationCommand] => [day, actionOwner, { type: 'RequestTargetDateChange', recommendationId: id, from: '2025-01-31', to: '2025-04-30', reason: 'Course places' }];
    const approve = (day: string): [string, Actor, RecommendationCommand] => [day, performanceLead, { type: 'ApproveTargetDateChange', recommendationId: id }];
    const inTime = commitmentsAfter([accept('2025-01-31'), start, request('2025-01-06'), approve('2025-01-08')], '2025-03-01');
    expect(outcomes(inTime)).toEqual([
      ['decision', '2025-01-31', 'revised', null],
      ['revised-date', '2025-04-30', 'open', null],
    ]);
    expect(inTime[1]).toMatchObject({ committedBy: { id: actionOwner.id }, approvedBy: { id: performanceLead.id }, reason: 'Course places', committedOn: '2025-01-08' });
    expect(inTime[0].revisedByCommitmentId).toBe(inTime[1].commitmentId);
    const late = commitmentsAfter([accept('2025-01-31'), start, request('2025-02-03'), approve('2025-02-05')], '2025-03-01');
    expect(outcomes(late)).toEqual([
      ['decision', '2025-01-31', 'missed', 5],
      ['revised-date', '2025-04-30', 'open', null],
    ]);
  });

  it('is withdrawn when the finding is superseded before it was done, and open again when it is reopened', () => {
    const supersede: [string, Actor, RecommendationCommand] = ['2024-12-01', officeStaff, { type: 'Supersede', recommendationId: id, supersededBy: 'REC 2 of the 2025 PEEL report', reason: 'Overtaken' }];
    const withdrawn = commitmentsAfter([accept('2025-01-31'), start, supersede], '2025-03-01');
    expect(withdrawn.map((c) => [c.outcome, c.withdrawnOn, c.withdrawnReason])).toEqual([['withdrawn', '2024-12-01', 'Overtaken']]);
    const reopen: [string, Actor, RecommendationCommand] = ['2024-12-10', officeStaff, { type: 'Reopen', recommendationId: id, reason: 'The PEEL report left it out' }];
    expect(outcomes(commitmentsAfter([accept('2025-01-31'), start, supersede, reopen], '2025-01-15'))).toEqual([['decision', '2025-01-31', 'open', null]]);
  });

  it('records each sub-action as a commitment of its owner, by its due date', () => {
    const add: [string, Actor, RecommendationCommand] = ['2024-10-10', actionOwner, { type: 'AddAction', recommendationId: id, actionId: 'a1', description: 'Book course places', owner: 'L&D', dueDate: '2024-11-30' }];
    const done: [string, Actor, RecommendationCommand] = ['2024-12-02', actionOwner, { type: 'CompleteAction', recommendationId: id, actionId: 'a1' }];
    const actions = commitmentsAfter([accept('2025-01-31'), start, add, done], '2025-01-01').filter((c) => c.kind === 'action');
    expect(actions.map((c) => [c.what, c.owner, c.dueDate, c.completedOn, c.outcome, c.daysLate])).toEqual([['Book course places', 'L&D', '2024-11-30', '2024-12-02', 'missed', 2]]);
  });
});
