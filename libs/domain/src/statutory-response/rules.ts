import { type RuleViolation, violation } from '../shared/decider';

/** Every rule a statutory response command can be refused by. NotRegistered means no response is open: the inspection is unknown (404). */
export const STATUTORY_RESPONSE_RULES = [
  'FieldRequired',
  'ReasonRequired',
  'InvalidDate',
  'InvalidValue',
  'InvalidUrl',
  'DateOutOfOrder',
  'NotRegistered',
  'AlreadyRegistered',
  'AlreadyRecorded',
  'NothingToAmend',
  'PeriodFixedByLaw',
  'WrongService',
  'IllegalTransition',
  'CommissionerCommentsRequired',
  'UndecidedRecommendations',
  /** occurredAt is before the report was published. */
  'OccurredBeforePublication',
  /** A date correction names a step that has not been recorded. */
  'NothingToCorrect',
  /** A date later than today. */
  'DateInFuture',
] as const;
export type StatutoryResponseRule = (typeof STATUTORY_RESPONSE_RULES)[number];

export function refuseStatutoryResponse(rule: StatutoryResponseRule, message: string, field?: string): RuleViolation {
  return violation(rule, message, field);
}
