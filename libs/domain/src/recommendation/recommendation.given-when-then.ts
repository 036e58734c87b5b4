import type { RuleViolation } from '../shared/decider';
import type { Actor } from '../shared/envelope';
import { deciderSpec } from '../shared/given-when-then';
import type { RecommendationCommand } from './recommendation-commands';
import type { RecommendationDecisionContext } from './recommendation-decide';
import { recommendationDecider } from './recommendation-decider';
import type { RecommendationEvent } from './recommendation-events';
import type { RecommendationRule } from './recommendation-rules';
import type { IssuedRecommendationState } from './recommendation-state';
import type { RecommendationStatus } from './recommendation-status';
import { officeStaff } from './sample-recommendations.fixture';

/**
 * Recommendation specs read as requirements:
 *
 *   given(issued(REC_03)).when(accept, by(officeStaff)).then(accepted).andStatusIs('Accepted');
 *   given(...history).when(approve).then(approved).andStateHas({ targetDate: '2025-03-31' });
 *   given(issued(REC_03)).when(reject).thenRefused('ReasonRequired', 'reason');
 *
 * Built on the shared deciderSpec, which also checks that decide leaves state and command alone
 * and that the events are plain JSON that evolve accepts. Office staff act unless `by` says otherwise.
 */
const spec = deciderSpec(recommendationDecider, { actor: officeStaff, streamEventIds: new Set<string>() });

/** Who acts, and the stream's event ids for a correction; the rest of the context is the default. */
export type WhenOptions = Partial<RecommendationDecisionContext>;

export function by(actor: Actor): WhenOptions {
  return { actor };
}

export function given(...history: readonly RecommendationEvent[]) {
  return {
    when(command: RecommendationCommand, options: WhenOptions = {}) {
      const outcome = spec.given(history).when(command, options);
      return {
        then(...expected: readonly RecommendationEvent[]) {
          const state = outcome.thenEvents(expected);
          return {
            andStatusIs(status: RecommendationStatus): void {
              expect(state.status).toBe(status);
            },
            andStateHas(expected: Partial<IssuedRecommendationState>): void {
              expect(state).toMatchObject(expected);
            },
          };
        },
        /** Returns the refusal, for a check on its message. */
        thenRefused(rule: RecommendationRule, field?: string): RuleViolation {
          return outcome.thenRefused(rule, field);
        },
      };
    },
  };
}
