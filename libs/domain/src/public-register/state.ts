import type { PublicRegisterEvent } from './events';

export interface PublicRegisterState {
  readonly enabled: boolean;
}

/** A ledger starts with the register off: nothing is public until the office says so. */
export const initialPublicRegisterState: PublicRegisterState = { enabled: false };

export function evolvePublicRegister(_state: PublicRegisterState, event: PublicRegisterEvent): PublicRegisterState {
  return { enabled: event.type === 'PublicRegisterEnabled' };
}
