import type { DecisionContext } from '../shared/decider';
import { decidePublicRegister } from './decide';
import { evolvePublicRegister, initialPublicRegisterState } from './state';

const context: DecisionContext = { actor: { id: 'p1', name: 'Office', role: 'office', organisation: 'OPFCC' } };

describe('the public register switch', () => {
  it('given a new ledger, when the office switches the register on, then it is enabled', () => {
    const events = decidePublicRegister({ type: 'SetPublicRegister', enabled: true }, initialPublicRegisterState, context);
    expect(events).toEqual([{ type: 'PublicRegisterEnabled' }]);
  });

  it('given the register is on, when it is switched off, then it is disabled', () => {
    const on = evolvePublicRegister(initialPublicRegisterState, { type: 'PublicRegisterEnabled' });
    expect(decidePublicRegister({ type: 'SetPublicRegister', enabled: false }, on, context)).toEqual([{ type: 'PublicRegisterDisabled' }]);
    expect(evolvePublicRegister(on, { type: 'PublicRegisterDisabled' })).toEqual({ enabled: false });
  });

  it('given the register is off, when it is switched off again, then nothing is recorded and the rule says why', () => {
    expect(decidePublicRegister({ type: 'SetPublicRegister', enabled: false }, initialPublicRegisterState, context)).toMatchObject({ rule: 'IllegalTransition' });
  });

  it('refuses anything but true or false, naming the field', () => {
    expect(decidePublicRegister({ type: 'SetPublicRegister', enabled: 'yes' as unknown as boolean }, initialPublicRegisterState, context)).toMatchObject({ rule: 'InvalidValue', field: 'enabled' });
  });
});
