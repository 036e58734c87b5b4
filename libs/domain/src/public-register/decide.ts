import { type DecisionContext, type Decider, type RuleViolation, violation } from '../shared/decider';
import type { PublicRegisterCommand } from './commands';
import type { PublicRegisterEvent } from './events';
import { evolvePublicRegister, initialPublicRegisterState, type PublicRegisterState } from './state';

export const PUBLIC_REGISTER_RULES = ['InvalidValue', 'IllegalTransition'] as const;

export function decidePublicRegister(command: PublicRegisterCommand, state: PublicRegisterState, _context: DecisionContext): readonly PublicRegisterEvent[] | RuleViolation {
  if (typeof command.enabled !== 'boolean') return violation('InvalidValue', 'enabled must be true or false', 'enabled');
  if (command.enabled === state.enabled) {
    return violation('IllegalTransition', `The public register is already ${state.enabled ? 'on' : 'off'}: nothing was recorded`, 'enabled');
  }
  return [{ type: command.enabled ? 'PublicRegisterEnabled' : 'PublicRegisterDisabled' }];
}

export const publicRegisterDecider: Decider<PublicRegisterCommand, PublicRegisterEvent, PublicRegisterState> = {
  initialState: initialPublicRegisterState,
  decide: decidePublicRegister,
  evolve: evolvePublicRegister,
};
