export type { RecommendationCommand, RecommendationCommandOf, RecommendationCommandType } from './recommendation-commands';
export { RECOMMENDATION_EVENT_TYPES, type RecommendationEvent, type RecommendationEventOf, type RecommendationEventType } from './recommendation-events';
export * from './recommendation-status';
export * from './vocabulary';
export {
  initialRecommendationState,
  isIssued as isRecommendationIssued,
  type IssuedRecommendationState,
  type PendingTargetDateChange,
  type RecommendationActionState,
  type RecommendationApplicability,
  type RecommendationDecision,
  type RecommendationState,
  type UnissuedRecommendationState,
} from './recommendation-state';
export { RECOMMENDATION_NOT_FOUND_RULES, RECOMMENDATION_RULES, type RecommendationRule } from './recommendation-rules';
export { ALLOWED_FROM as RECOMMENDATION_ALLOWED_FROM } from './recommendation-transitions';
export type { RecommendationDecisionContext } from './recommendation-decide';
export { recommendationDecider, recommendationStream } from './recommendation-decider';
export { recommendationFactsAfter, recommendationStatusAfter, type RecommendationFacts } from './recommendation-evolve';
export { hasDecision, isApplicableForStatutoryResponse } from './statutory-decision';
export { entriesAsCorrected, type RecommendationStreamEntry } from './correct-entry-date';
