import { type RuleViolation, violation } from '../shared/decider';

/** Every rule an inspection command can be refused by: stable names the API returns. NotRegistered means no such inspection (404). */
export const INSPECTION_RULES = [
  'FieldRequired',
  'ReasonRequired',
  'InvalidDate',
  'InvalidValue',
  'InvalidUrl',
  'UnknownField',
  'NotRegistered',
  'AlreadyRegistered',
  'NothingToAmend',
  'DuplicateFindingId',
  'DuplicateFindingReference',
  'CauseOfConcernWithoutRecommendation',
  'UnknownRelatedRecommendation',
  /** occurredAt is before the report was published. */
  'OccurredBeforePublication',
  /** The same inspection (title and publication date, or report address) is already registered. */
  'DuplicateInspection',
] as const;
export type InspectionRule = (typeof INSPECTION_RULES)[number];

export function refuseInspection(rule: InspectionRule, message: string, field?: string): RuleViolation {
  return violation(rule, message, field);
}
