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
  return commitmentsOf(log, today);
}

function commitmentsOf(log: DecidedLog, today: string): Commitment[] {
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

describe('commitments after a date correction', () => {
  const add: [string, Actor, RecommendationCommand] = ['2024-10-10', actionOwner, { type: 'AddAction', recommendationId: id, actionId: 'a1', description: 'Book course places', owner: 'L&D', dueDate: '2025-03-01' }];

  /** REC 03 accepted by 5 March 2025 with an action due 1 March (listed first, by due date), then these steps; each step's first event id, in order. */
  function logOf(steps: [string, Actor, RecommendationCommand][]): { log: DecidedLog; ids: string[] } {
    const log = new DecidedLog();
    log.recommendation(issueFinding(REC_03), { by: officeStaff, at: '2024-08-27T10:00:00Z' });
    const ids = [accept('2025-03-05'), start, add, ...steps].map(([day, by, command]) => log.recommendation(command, { by, at: `${day}T10:00:00Z` })[0].id);
    return { log, ids: ids.slice(3) };
  }
  const correct = (log: DecidedLog, day: string, correctsEventId: string, correctOccurredAt: string) =>
    log.recommendation({ type: 'CorrectEntryDate', recommendationId: id, correctsEventId, correctOccurredAt, reason: 'The force did it on that day' }, { by: officeStaff, at: `${day}T10:00:00Z` });
  const doneAction: [string, Actor, RecommendationCommand] = ['2025-03-02', actionOwner, { type: 'CompleteAction', recommendationId: id, actionId: 'a1' }];
  const lateCompletion = [doneAction, evidence('2025-03-10'), complete('2025-03-10')];
  const dated = (commitments: Commitment[]) => commitments.map((c) => [c.kind, c.committedOn, c.completedOn, c.outcome]);

  it('given a completion reported on 10 March re-dated to 3 March, counts the commitment kept on 3 March; the action and the commitment\'s own day keep theirs', () => {
    const { log, ids } = logOf(lateCompletion);
    expect(dated(commitmentsOf(log, '2025-06-01'))).toEqual([
      ['action', '2024-10-10', '2025-03-02', 'missed'],
      ['decision', '2024-09-25', '2025-03-10', 'missed'],
    ]);
    correct(log, '2025-03-20', ids[2], '2025-03-03');
    expect(dated(commitmentsOf(log, '2025-06-01'))).toEqual([
      ['action', '2024-10-10', '2025-03-02', 'missed'],
      ['decision', '2024-09-25', '2025-03-03', 'kept'],
    ]);
  });

  it('given the same completion corrected twice, dates it by the latest correction', () => {
    const { log, ids } = logOf(lateCompletion);
    correct(log, '2025-03-20', ids[2], '2025-03-03');
    correct(log, '2025-03-21', ids[2], '2025-03-06');
    expect(commitmentsOf(log, '2025-06-01').map((c) => [c.kind, c.completedOn, c.outcome, c.daysLate])).toEqual([
      ['action', '2025-03-02', 'missed', 1],
      ['decision', '2025-03-06', 'missed', 1],
    ]);
  });

  it('given an action\'s completion re-dated, moves that action\'s day alone', () => {
    const { log, ids } = logOf(lateCompletion);
    correct(log, '2025-03-20', ids[0], '2025-02-27');
    expect(dated(commitmentsOf(log, '2025-06-01'))).toEqual([
      ['action', '2024-10-10', '2025-02-27', 'kept'],
      ['decision', '2024-09-25', '2025-03-10', 'missed'],
    ]);
  });

  it('given a completion handed back for further work and then re-dated, leaves the commitment undone', () => {
    const returned: [string, Actor, RecommendationCommand] = ['2025-03-12', performanceLead, { type: 'ReturnForFurtherWork', recommendationId: id, reason: 'Records missing' }];
    const { log, ids } = logOf([...lateCompletion, returned]);
    correct(log, '2025-03-20', ids[2], '2025-03-03');
    expect(dated(commitmentsOf(log, '2025-06-01'))[1]).toEqual(['decision', '2024-09-25', null, 'missed']);
  });

  it('given an approval of a new date re-dated to before the old date passed, counts the old commitment revised, not missed, and the new one made that day', () => {
    const request: [string, Actor, RecommendationCommand] = ['2025-03-01', actionOwner, { type: 'RequestTargetDateChange', recommendationId: id, from: '2025-03-05', to: '2025-04-30', reason: 'Course places' }];
    const approve: [string, Actor, RecommendationCommand] = ['2025-03-07', performanceLead, { type: 'ApproveTargetDateChange', recommendationId: id }];
    const { log, ids } = logOf([request, approve]);
    const decisionOf = (commitments: Commitment[]) => commitments.filter((c) => c.kind !== 'action').map((c) => [c.kind, c.committedOn, c.revisedOn, c.outcome]);
    expect(decisionOf(commitmentsOf(log, '2025-04-01'))).toEqual([
      ['decision', '2024-09-25', '2025-03-07', 'missed'],
      ['revised-date', '2025-03-07', null, 'open'],
    ]);
    correct(log, '2025-03-20', ids[1], '2025-03-04');
    expect(decisionOf(commitmentsOf(log, '2025-04-01'))).toEqual([
      ['decision', '2024-09-25', '2025-03-04', 'revised'],
      ['revised-date', '2025-03-04', null, 'open'],
    ]);
  });

  it('given a supersession re-dated, dates the withdrawal by the corrected day', () => {
    const supersede: [string, Actor, RecommendationCommand] = ['2024-12-01', officeStaff, { type: 'Supersede', recommendationId: id, supersededBy: 'REC 2 of the 2025 PEEL report', reason: 'Overtaken' }];
    const { log, ids } = logOf([supersede]);
    correct(log, '2024-12-05', ids[0], '2024-11-20');
    expect(commitmentsOf(log, '2025-06-01').map((c) => [c.kind, c.outcome, c.withdrawnOn])).toEqual([
      ['action', 'withdrawn', '2024-11-20'],
      ['decision', 'withdrawn', '2024-11-20'],
    ]);
  });
});
