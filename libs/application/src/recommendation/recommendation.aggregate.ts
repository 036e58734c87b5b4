import {
  RECOMMENDATION_NOT_FOUND_RULES,
  inspectionDecider,
  inspectionStream,
  isRecommendationIssued,
  recommendationDecider,
  recommendationStream,
  type RecommendationCommand,
  type RecommendationDecisionContext,
  type RecommendationEvent,
  type RecommendationState,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { AggregateDefinition } from '../pipeline/command-pipeline';
import { readAggregate } from '../pipeline/read-aggregate';

export function recommendationAggregate(
  store: EventStore,
): AggregateDefinition<RecommendationCommand, RecommendationEvent, RecommendationState, RecommendationDecisionContext> {
  return {
    decider: recommendationDecider,
    streamId: (command) => recommendationStream(command.recommendationId),
    notFoundRules: RECOMMENDATION_NOT_FOUND_RULES,
    // A correction may only point at an event of its own stream; ids live in the envelope, not in evolve.
    // A command that says when it happened is checked against the report's publication, read only then.
    facts: async ({ stream, state, occurredAt }) => ({
      streamEventIds: stream.eventIds,
      ...(occurredAt !== undefined && isRecommendationIssued(state) ? await issuedOn(store, state.inspectionId) : {}),
    }),
  };
}

async function issuedOn(store: EventStore, inspectionId: string): Promise<{ issuedOn?: string }> {
  const { state: inspection } = await readAggregate(store, inspectionDecider, inspectionStream(inspectionId));
  return inspection.registered ? { issuedOn: inspection.details.publishedOn } : {};
}
