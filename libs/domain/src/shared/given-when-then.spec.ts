import { type DecisionContext, type Decider, violation } from './decider';
import { deciderSpec } from './given-when-then';

type Command = { type: 'Add'; amount: number };
type Event = { type: 'Added'; amount: number; note?: string };
interface Context extends DecisionContext {
  limit: number;
}

const counter: Decider<Command, Event, { total: number }, Context> = {
  initialState: { total: 0 },
  decide: (command, state, context) =>
    state.total + command.amount > context.limit ? violation('LimitExceeded', `the total may not pass ${context.limit}`, 'amount') : [{ type: 'Added', amount: command.amount }],
  evolve: (state, event) => ({ total: state.total + event.amount }),
};
const actor = { id: 'u1', name: 'Tester', role: 'office', organisation: 'OPFCC' };
const spec = deciderSpec(counter, { actor, limit: 10 });

describe('given/when/then over a decider', () => {
  it('folds the given events, decides, and returns the state after the expected events', () => {
    const given = spec.given([{ type: 'Added', amount: 4 }]);
    expect(given.state).toEqual({ total: 4 });
    expect(given.when({ type: 'Add', amount: 5 }).thenEvents([{ type: 'Added', amount: 5 }])).toEqual({ total: 9 });
  });

  it('fails when the events differ or the command was refused', () => {
    expect(() => spec.given().when({ type: 'Add', amount: 5 }).thenEvents([{ type: 'Added', amount: 6 }])).toThrow();
    expect(() => spec.given().when({ type: 'Add', amount: 50 }).thenEvents([])).toThrow(/LimitExceeded \(amount\)/);
  });

  it('asserts the rule and field of a refusal and hands the violation back', () => {
    expect(spec.given().when({ type: 'Add', amount: 50 }).thenRefused('LimitExceeded', 'amount').message).toBe('the total may not pass 10');
    expect(() => spec.given().when({ type: 'Add', amount: 50 }).thenRefused('LimitExceeded')).toThrow();
    expect(() => spec.given().when({ type: 'Add', amount: 5 }).thenRefused('LimitExceeded', 'amount')).toThrow(/produced/);
  });

  it('merges a context given with the command over the default one', () => {
    spec.given().when({ type: 'Add', amount: 50 }, { limit: 100 }).thenEvents([{ type: 'Added', amount: 50 }]);
  });

  it('catches a decider that mutates its state or emits something that is not plain JSON', () => {
    const mutating = deciderSpec({ ...counter, decide: (_c, state: { total: number }) => ((state.total = 99), []) }, { actor, limit: 10 });
    expect(() => mutating.given().when({ type: 'Add', amount: 1 })).toThrow(TypeError);
    const sloppy = deciderSpec({ ...counter, decide: (command: Command) => [{ type: 'Added' as const, amount: command.amount, note: undefined }] }, { actor, limit: 10 });
    expect(() => sloppy.given().when({ type: 'Add', amount: 1 }).thenEvents([{ type: 'Added', amount: 1, note: undefined }])).toThrow();
  });
});
