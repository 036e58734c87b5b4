import { type RuleViolation, violation } from '../shared/decider';

/** Every rule a challenge command can be refused by. NotRegistered means no such challenge (404). */
export const CHALLENGE_RULES = ['FieldRequired', 'InvalidDate', 'InvalidValue', 'DateOutOfOrder', 'NotRegistered', 'AlreadyRegistered', 'IllegalTransition'] as const;
export type ChallengeRule = (typeof CHALLENGE_RULES)[number];

export function refuseChallenge(rule: ChallengeRule, message: string, field?: string): RuleViolation {
  return violation(rule, message, field);
}
