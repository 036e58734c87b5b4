import type { RecommendationStatus } from './recommendation-status';
import type { FindingType } from '../inspection/vocabulary';

export type RecommendationDecision = 'accepted' | 'partially-accepted' | 'rejected';
export type RecommendationApplicability = 'not-assessed' | 'applicable' | 'not-applicable';

export interface PendingTargetDateChange {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly requestedBy: string;
}

export interface RecommendationActionState {
  readonly owner: string;
  readonly dueDate: string;
  readonly completed: boolean;
}

/** What decisions on a finding depend on; plain JSON so that it can be snapshotted. */
export interface IssuedRecommendationState {
  readonly status: RecommendationStatus;
  readonly recommendationId: string;
  readonly inspectionId: string;
  readonly reference: string;
  readonly findingType: FindingType;
  readonly dueDate: string | null;
  readonly applicability: RecommendationApplicability;
  /** The office's decision; kept through a reopen, since the decision was still made. */
  readonly decision: RecommendationDecision | null;
  readonly owner: string | null;
  readonly targetDate: string | null;
  readonly pendingTargetDateChange: PendingTargetDateChange | null;
  readonly actions: Readonly<Record<string, RecommendationActionState>>;
  /** Dependency id -> cleared yet. */
  readonly dependencies: Readonly<Record<string, boolean>>;
  readonly evidenceIds: readonly string[];
  /** Actor id of whoever marked the current completion; null when no completion awaits or holds. */
  readonly markedCompleteBy: string | null;
}

export interface UnissuedRecommendationState {
  readonly status: null;
}

export type RecommendationState = UnissuedRecommendationState | IssuedRecommendationState;

export const initialRecommendationState: RecommendationState = { status: null };

export function isIssued(state: RecommendationState): state is IssuedRecommendationState {
  return state.status !== null;
}
