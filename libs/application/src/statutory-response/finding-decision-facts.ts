import {
  hasDecision,
  inspectionDecider,
  inspectionStream,
  isApplicableForStatutoryResponse,
  isRecommendationIssued,
  recommendationDecider,
  recommendationStream,
  type FindingDecisionFact,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { AggregateNotFoundError } from '../errors';
import { readAggregate } from '../pipeline/read-aggregate';

/**
 * Whether each finding of the inspection must be answered and has been, read from the findings'
 * own streams. The inspection's events list the findings, including those added later.
 */
export async function findingDecisionFacts(store: EventStore, inspectionId: string): Promise<FindingDecisionFact[]> {
  const streamId = inspectionStream(inspectionId);
  const { state: inspection } = await readAggregate(store, inspectionDecider, streamId);
  if (!inspection.registered) throw new AggregateNotFoundError(streamId);
  return Promise.all(
    inspection.findings.map(async ({ findingId, reference }): Promise<FindingDecisionFact> => {
      const { state } = await readAggregate(store, recommendationDecider, recommendationStream(findingId));
      // Not issued yet (the FindingIssuer will finish it): it cannot have been decided, and
      // holding publication back until it is issued is the safe answer.
      if (!isRecommendationIssued(state)) return { findingId, reference, applicable: true, decided: false };
      return { findingId, reference, applicable: isApplicableForStatutoryResponse(state), decided: hasDecision(state) };
    }),
  );
}
