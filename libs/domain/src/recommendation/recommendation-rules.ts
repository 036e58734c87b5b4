import { violation, type RuleViolation } from '../shared/decider';

/**
 * Every rule a recommendation command can be refused by: stable names the API returns and
 * clients may match on. The first four come from the shared field checks.
 */
export const RECOMMENDATION_RULES = [
  'FieldRequired',
  'ReasonRequired',
  'InvalidDate',
  'InvalidValue',
  /** The stream was never issued: the application answers 404. */
  'RecommendationNotIssued',
  'RecommendationAlreadyIssued',
  /** The command is not allowed in the current status; the message names both. */
  'IllegalTransition',
  'TargetDateAlreadySet',
  'NoTargetDate',
  'TargetDateMismatch',
  'TargetDateUnchanged',
  'TargetDateChangeAlreadyPending',
  'NoPendingTargetDateChange',
  'ApproverMustDifferFromRequester',
  'ActionAlreadyExists',
  'UnknownAction',
  'ActionAlreadyCompleted',
  'OpenActionsRemain',
  'PercentOutOfRange',
  'DependencyAlreadyFlagged',
  'UnknownDependency',
  'DependencyAlreadyCleared',
  'EvidenceAlreadySubmitted',
  'InvalidSha256',
  'EvidenceRequired',
  'UnknownEvidence',
  'VerifierMustDifferFromCompleter',
  'DischargeOnlyForCauseOfConcern',
  'CorrectedEventNotInStream',
  /** occurredAt is before the finding was issued, with the publication of its report. */
  'OccurredBeforeIssue',
  /** A date correction names an entry that has no date of its own to correct (the issue, a correction). */
  'EntryNotDated',
  /** A date correction gives the date the entry already has. */
  'DateUnchanged',
  /** A corrected date later than today. */
  'DateInFuture',
  /** A corrected date before the finding's issue, or out of order with the entries it depends on or that depend on it. */
  'DateOutOfOrder',
] as const;

export type RecommendationRule = (typeof RECOMMENDATION_RULES)[number];

/** Rules that mean "no such recommendation" rather than "not allowed". */
export const RECOMMENDATION_NOT_FOUND_RULES: ReadonlySet<RecommendationRule> = new Set(['RecommendationNotIssued']);

export function refuse(rule: RecommendationRule, message: string, field?: string): RuleViolation {
  return violation(rule, message, field);
}
