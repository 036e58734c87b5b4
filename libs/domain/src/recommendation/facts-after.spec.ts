import type { RecommendationEvent } from './recommendation-events';
import { evolveRecommendation, recommendationFactsAfter, type RecommendationFacts } from './recommendation-evolve';
import { initialRecommendationState, type IssuedRecommendationState, type RecommendationState } from './recommendation-state';
import { REC_03_CLOSED, REC_03_IN_PROGRESS, rec03 } from './sample-histories.fixture';
import { actionOwner, issued, REC_03, REC_05 } from './sample-recommendations.fixture';

const recommendationId = REC_03.findingId;

/** The facts a finding's whole state gives, the open actions sorted: their order is not a fact. */
function factsOfState(state: IssuedRecommendationState): RecommendationFacts {
  return {
    status: state.status,
    decision: state.decision,
    applicability: state.applicability,
    owner: state.owner,
    targetDate: state.targetDate,
    pendingTargetDateChange: state.pendingTargetDateChange,
    openActionIds: Object.entries(state.actions)
      .filter(([, action]) => !action.completed)
      .map(([actionId]) => actionId)
      .sort(),
  };
}

/** Folds the history both ways and returns the facts after every event, checking at each that the two agree. */
function foldBothWays(history: readonly RecommendationEvent[]): RecommendationFacts[] {
  let state: RecommendationState = initialRecommendationState;
  let facts: RecommendationFacts | null = null;
  return history.map((event) => {
    state = evolveRecommendation(state, event);
    facts = recommendationFactsAfter(facts, event);
    expect({ ...facts, openActionIds: [...facts.openActionIds].sort() }).toEqual(factsOfState(state as IssuedRecommendationState));
    return facts;
  });
}

const action = (actionId: string): RecommendationEvent => ({ type: 'RecommendationActionAdded', recommendationId, actionId, description: 'Book the course', owner: 'L&D', dueDate: '2024-12-01' });
const actionDone = (actionId: string): RecommendationEvent => ({ type: 'RecommendationActionCompleted', recommendationId, actionId });
const requested: RecommendationEvent = { type: 'RecommendationTargetDateChangeRequested', recommendationId, from: '2025-01-31', to: '2025-03-31', reason: 'Course postponed', requestedBy: actionOwner.id };
const approved: RecommendationEvent = {
  type: 'RecommendationTargetDateChangeApproved',
  recommendationId,
  from: '2025-01-31',
  to: '2025-03-31',
  reason: 'Course postponed',
  requestedBy: actionOwner.id,
  approvedBy: 'opfcc-performance-lead',
  comment: null,
};
const refused: RecommendationEvent = { type: 'RecommendationTargetDateChangeRefused', recommendationId, from: '2025-03-31', to: '2025-06-30', reason: 'No', requestedBy: actionOwner.id, refusedBy: 'opfcc-performance-lead' };

describe('a finding\'s facts from its facts alone, as read models keep them', () => {
  it('given REC 03 from issue to closure, after every event, are the fields the whole state reaches', () => {
    const facts = foldBothWays(REC_03_CLOSED);
    expect(facts.map((f) => f.status)).toEqual(['Issued', 'Accepted', 'Accepted', 'Accepted', 'InProgress', 'InProgress', 'AwaitingVerification', 'Verified', 'Closed']);
    expect(facts[facts.length - 1]).toMatchObject({ decision: 'accepted', owner: 'Head of Public Protection Unit', targetDate: '2025-01-31', openActionIds: [] });
  });

  it('given REC 03 in progress, when actions are added and completed and target-date changes are approved and refused, then they agree after every event', () => {
    const facts = foldBothWays([...REC_03_IN_PROGRESS, action('a'), action('b'), actionDone('a'), action('a'), requested, approved, { ...requested, from: '2025-03-31', to: '2025-06-30' }, refused, actionDone('b')]);
    expect(facts.map((f) => [...f.openActionIds].sort())).toEqual([[], [], [], [], [], ['a'], ['a', 'b'], ['b'], ['a', 'b'], ['a', 'b'], ['a', 'b'], ['a', 'b'], ['a', 'b'], ['a']]);
    expect(facts[facts.length - 1]).toMatchObject({ targetDate: '2025-03-31', pendingTargetDateChange: null });
    expect(facts[facts.length - 3]).toMatchObject({ pendingTargetDateChange: { from: '2025-03-31', to: '2025-06-30' } });
  });

  it('given findings rejected, not applicable, reopened and superseded, then they agree after every event', () => {
    const rec05 = REC_05.findingId;
    foldBothWays([rec03.issued, { type: 'RecommendationRejected', recommendationId, reason: 'Not for this force' }]);
    foldBothWays([issued(REC_05), { type: 'RecommendationApplicabilityAssessed', recommendationId: rec05, applicable: false, reason: 'No custody suite' }]);
    const reopened = foldBothWays([...REC_03_CLOSED, { type: 'RecommendationReopened', recommendationId, reason: 'Inspectorate not satisfied', previousStatus: 'Closed' }]);
    expect(reopened[reopened.length - 1]).toMatchObject({ status: 'InProgress', decision: 'accepted' });
    foldBothWays([...REC_03_IN_PROGRESS, { type: 'RecommendationSuperseded', recommendationId, supersededBy: 'REC 12', reason: 'Replaced' }]);
  });

  it('refuses an event for a finding never issued, as evolve does', () => {
    expect(() => recommendationFactsAfter(null, rec03.accepted)).toThrow('it was never issued');
  });
});
