import { recommendationDecider, type IssuedRecommendationState, type RecommendationEvent, type RecommendationStatus } from '@ledger/domain';

/**
 * A finding's status after one more event, by the domain's own evolve, so the public register can
 * never disagree with the deciders. The status depends only on the status before and the event:
 * the rest of the state it is folded with is a blank (this row keeps no copy of it).
 */
export function statusAfter(status: string | null, event: RecommendationEvent): RecommendationStatus {
  if (event.type === 'FindingIssued') return recommendationDecider.evolve(recommendationDecider.initialState, event).status as RecommendationStatus;
  if (status === null) throw new Error(`${event.type} cannot be applied to recommendation ${event.recommendationId}: it was never issued`);
  const blank: IssuedRecommendationState = {
    status: status as RecommendationStatus,
    recommendationId: event.recommendationId,
    inspectionId: '',
    reference: '',
    findingType: 'recommendation',
    dueDate: null,
    applicability: 'not-assessed',
    decision: null,
    owner: null,
    targetDate: null,
    pendingTargetDateChange: null,
    actions: {},
    dependencies: {},
    evidenceIds: [],
    markedCompleteBy: null,
  };
  return (recommendationDecider.evolve(blank, event) as IssuedRecommendationState).status;
}
