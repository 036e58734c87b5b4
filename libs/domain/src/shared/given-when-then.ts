import { type DecisionContext, type Decider, type RuleViolation, fold, isRuleViolation } from './decider';

/**
 * Given/when/then for any Decider, for use in jest specs (it asserts with jest's `expect`):
 *
 *   const spec = deciderSpec(inspectionDecider, { actor });
 *   spec.given([registered]).when(command).thenEvents([amended]);
 *   spec.given([]).when(command, { someContextFact }).thenRefused('ReasonRequired', 'reason');
 *
 * Besides comparing the outcome it checks what every decider must honour: decide does not
 * mutate the state or the command, the events are plain JSON, and evolve accepts them.
 */
export interface DeciderSpec<Command, Event, State, Context extends DecisionContext> {
  given(events?: readonly Event[]): Given<Command, Event, State, Context>;
}

export interface Given<Command, Event, State, Context extends DecisionContext> {
  /** The state folded from the given events. */
  readonly state: State;
  /** `context` is merged over the spec's default context. */
  when(command: Command, context?: Partial<Context>): When<Event, State>;
}

export interface When<Event, State> {
  readonly outcome: readonly Event[] | RuleViolation;
  /** Asserts exactly these events; returns the state after them. */
  thenEvents(expected: readonly Event[]): State;
  /** Asserts a refusal by this rule (and field, when given); returns it for checks on its message. */
  thenRefused(rule: string, field?: string): RuleViolation;
}

export function deciderSpec<Command, Event, State, Context extends DecisionContext>(
  decider: Decider<Command, Event, State, Context>,
  defaultContext: Context,
): DeciderSpec<Command, Event, State, Context> {
  return {
    given(events = []) {
      const state = fold(decider.evolve, decider.initialState, events);
      return {
        state,
        when(command, context) {
          const frozenState = deepFreeze(structuredClone(state));
          const outcome = decider.decide(deepFreeze(structuredClone(command)), frozenState, { ...defaultContext, ...context });
          return {
            outcome,
            thenEvents(expected) {
              if (isRuleViolation(outcome)) throw new Error(`Expected events, but the command was refused: ${outcome.rule} (${outcome.field ?? 'no field'}): ${outcome.message}`);
              expect(outcome).toStrictEqual(expected);
              expect(JSON.parse(JSON.stringify(outcome))).toStrictEqual(outcome);
              return fold(decider.evolve, state, outcome);
            },
            thenRefused(rule, field) {
              if (!isRuleViolation(outcome)) throw new Error(`Expected the rule ${rule} to refuse the command, but it produced ${JSON.stringify(outcome)}`);
              expect({ rule: outcome.rule, field: outcome.field }).toEqual({ rule, field });
              expect(outcome.message).not.toHaveLength(0);
              return outcome;
            },
          };
        },
      };
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
