import {
  RECOMMENDATION_NOT_FOUND_RULES,
  recommendationDecider,
  recommendationStream,
  type RecommendationCommand,
  type RecommendationDecisionContext,
  type RecommendationEvent,
  type RecommendationState,
} from '@ledger/domain';
import type { AggregateDefinition } from '../pipeline/command-pipeline';

export const recommendationAggregate: AggregateDefinition<RecommendationCommand, RecommendationEvent, RecommendationState, RecommendationDecisionContext> = {
  decider: recommendationDecider,
  streamId: (command) => recommendationStream(command.recommendationId),
  notFoundRules: RECOMMENDATION_NOT_FOUND_RULES,
  // A correction may only point at an event of its own stream; ids live in the envelope, not in evolve.
  facts: async ({ history }) => ({ streamEventIds: new Set(history.map((event) => event.id)) }),
};
