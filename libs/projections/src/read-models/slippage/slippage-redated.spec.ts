import { actionOwner, issueFinding, officeStaff, performanceLead, REC_03 } from '@ledger/domain/recommendation/sample-recommendations.fixture';
import type { Actor, RecommendationCommand } from '@ledger/domain';
import type { AsAt } from '../history/history-keys';
import { ScratchReadModels } from '../shared/scratch-read-models';
import { DecidedLog } from '../testing/decided-log.fixture';
import { slippageProjection } from './slippage.projection';
import { querySlippage, type TargetDateRevision } from './slippage.queries';

const id = REC_03.findingId;
type Step = [string, Actor, RecommendationCommand];

/** REC 03 accepted by 31 January 2025, its owner asking on 6 January for 30 April and the office approving on 8 January: the request's and the approval's ids. */
function slippedLog(): { log: DecidedLog; request: string; approval: string } {
  const log = new DecidedLog();
  log.recommendation(issueFinding(REC_03), { by: officeStaff, at: '2024-08-27T10:00:00Z' });
  const steps: Step[] = [
    ['2024-09-25', officeStaff, { type: 'AcceptRecommendation', recommendationId: id, commitment: 'Train every detective', plannedCompletionDate: '2025-01-31' }],
    ['2024-10-03', officeStaff, { type: 'AssignOwner', recommendationId: id, owner: 'Head of L&D', organisation: 'Cumbria Constabulary' }],
    ['2025-01-06', actionOwner, { type: 'RequestTargetDateChange', recommendationId: id, from: '2025-01-31', to: '2025-04-30', reason: 'Course places' }],
    ['2025-01-08', performanceLead, { type: 'ApproveTargetDateChange', recommendationId: id }],
  ];
  const [, , request, approval] = steps.map(([day, by, command]) => log.recommendation(command, { by, at: `${day}T10:00:00Z` })[0].id);
  return { log, request, approval };
}

const correct = (log: DecidedLog, day: string, correctsEventId: string, correctOccurredAt: string) =>
  log.recommendation({ type: 'CorrectEntryDate', recommendationId: id, correctsEventId, correctOccurredAt, reason: 'The request was made that day' }, { by: officeStaff, at: `${day}T10:00:00Z` });

function revisionsOf(log: DecidedLog, asAt?: AsAt): TargetDateRevision[] {
  const scratch = ScratchReadModels.create([slippageProjection]);
  try {
    log.events.forEach((event) => scratch.apply(event));
    return querySlippage(scratch, { recommendationId: id }, { limit: 10, offset: 0 }, asAt).items.flatMap((entry) => entry.revisions);
  } finally {
    scratch.close();
  }
}

const times = (revisions: TargetDateRevision[]) => revisions.map((r) => [r.requestedAt, r.outcome, r.decidedAt]);

describe('target-date slippage after a date correction', () => {
  it('given the request re-dated from 6 to 3 January, shows it asked on 3 January; the approval keeps its day', () => {
    const { log, request } = slippedLog();
    correct(log, '2025-01-20', request, '2025-01-03');
    expect(times(revisionsOf(log))).toEqual([['2025-01-03', 'approved', '2025-01-08T10:00:00Z']]);
    expect(times(revisionsOf(log, { date: '2025-01-04', basis: 'occurred' }))).toEqual([['2025-01-03', 'pending', null]]);
  });

  it('given the approval re-dated, shows it approved on the corrected day, and as it stood that day, approved', () => {
    const { log, approval } = slippedLog();
    expect(times(revisionsOf(log, { date: '2025-01-07', basis: 'occurred' }))).toEqual([['2025-01-06T10:00:00Z', 'pending', null]]);
    correct(log, '2025-01-20', approval, '2025-01-07');
    expect(times(revisionsOf(log))).toEqual([['2025-01-06T10:00:00Z', 'approved', '2025-01-07']]);
    expect(times(revisionsOf(log, { date: '2025-01-07', basis: 'occurred' }))).toEqual([['2025-01-06T10:00:00Z', 'approved', '2025-01-07']]);
    // As the ledger showed it on 7 January, nothing had been approved yet.
    expect(times(revisionsOf(log, { date: '2025-01-07', basis: 'recorded' }))).toEqual([['2025-01-06T10:00:00Z', 'pending', null]]);
  });

  it('given the same request corrected twice, shows the latest correction\'s day', () => {
    const { log, request } = slippedLog();
    correct(log, '2025-01-20', request, '2025-01-03');
    correct(log, '2025-01-21', request, '2025-01-05');
    expect(times(revisionsOf(log))).toEqual([['2025-01-05', 'approved', '2025-01-08T10:00:00Z']]);
  });
});
