import type { Decider } from '../shared/decider';
import type { RecommendationCommand } from './recommendation-commands';
import { decideRecommendation, type RecommendationDecisionContext } from './recommendation-decide';
import type { RecommendationEvent } from './recommendation-events';
import { evolveRecommendation } from './recommendation-evolve';
import { initialRecommendationState, type RecommendationState } from './recommendation-state';

export const recommendationDecider: Decider<RecommendationCommand, RecommendationEvent, RecommendationState, RecommendationDecisionContext> = {
  initialState: initialRecommendationState,
  decide: decideRecommendation,
  evolve: evolveRecommendation,
};

/** One stream per finding, whatever its type. */
export function recommendationStream(recommendationId: string): string {
  return `recommendation-${recommendationId}`;
}
