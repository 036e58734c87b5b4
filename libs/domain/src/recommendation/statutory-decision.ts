import { isIssued, type RecommendationState } from './recommendation-state';

/**
 * Whether the office has answered this finding, for the statutory response: accepted, partially
 * accepted, rejected, assessed not applicable, or superseded / no longer relevant (both of which
 * always carry a reason). An accept, reject or not-applicable answer stays given through a reopen.
 */
export function hasDecision(state: RecommendationState): boolean {
  if (!isIssued(state)) return false;
  return (
    state.decision !== null ||
    state.applicability === 'not-applicable' ||
    state.status === 'Superseded' ||
    state.status === 'NoLongerRelevant'
  );
}

/**
 * Whether the statutory response must answer this finding: recommendations and causes of concern
 * do; areas for improvement need no statutory answer, nor does a finding assessed not applicable.
 */
export function isApplicableForStatutoryResponse(state: RecommendationState): boolean {
  return isIssued(state) && state.findingType !== 'area-for-improvement' && state.applicability !== 'not-applicable';
}
