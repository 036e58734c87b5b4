import type { DecisionContext } from '../shared/decider';

/** What one finding's recommendation stream says, as the application reads it for publication. */
export interface FindingDecisionFact {
  findingId: string;
  reference: string;
  /** `isApplicableForStatutoryResponse(state)`: not an area for improvement, and not assessed as not applicable. */
  applicable: boolean;
  /** `hasDecision(state)`: accepted, partially accepted, or an explained "no action". */
  decided: boolean;
}

export interface StatutoryResponseContext extends DecisionContext {
  /** Every finding of the inspection. Required to publish (PublishStatutoryResponse, PublishActionPlan); other commands do not read it. */
  findings?: readonly FindingDecisionFact[];
  /** Today in London. Required to correct a date (CorrectStatutoryDate), which may not be in the future. */
  today?: string;
}
