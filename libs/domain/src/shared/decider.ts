import type { Actor } from './envelope';

/** A command refused by a business rule. `rule` is a stable, machine-readable name. */
export interface RuleViolation {
  readonly kind: 'rule-violation';
  readonly rule: string;
  readonly message: string;
  /** The command field the rule is about, when there is one. */
  readonly field?: string;
}

export function violation(rule: string, message: string, field?: string): RuleViolation {
  return field === undefined ? { kind: 'rule-violation', rule, message } : { kind: 'rule-violation', rule, message, field };
}

export function isRuleViolation(value: unknown): value is RuleViolation {
  return typeof value === 'object' && value !== null && (value as RuleViolation).kind === 'rule-violation';
}

/** Facts a decision may depend on that are not in the aggregate's own events. */
export interface DecisionContext {
  /** The authenticated principal issuing the command. */
  actor: Actor;
  /**
   * When the command says it happened (its envelope's occurredAt, a day or an instant), only when
   * it says so: a command without one happens as it is recorded, and is never too early.
   */
  occurredAt?: string;
}

export interface Decider<Command, Event, State, Context extends DecisionContext = DecisionContext> {
  readonly initialState: State;
  decide(command: Command, state: State, context: Context): readonly Event[] | RuleViolation;
  evolve(state: State, event: Event): State;
}

export function fold<Event, State>(evolve: (s: State, e: Event) => State, initial: State, events: Iterable<Event>): State {
  let state = initial;
  for (const event of events) state = evolve(state, event);
  return state;
}
