/** Injection token of the EventStore port the application writes to. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** Injection token of the server clock (`() => Date`) that stamps recordedAt. */
export const CLOCK = Symbol('CLOCK');

/** Injection token of the policies the deciders need ({@link LedgerPolicies}). */
export const POLICIES = Symbol('POLICIES');

export type Clock = () => Date;

export interface LedgerPolicies {
  statutory: { fireResponseDays: number };
}

/** Injection token of the FindingIssuer's checkpoint (a ReactorCheckpoint); without one it starts from the log's beginning at each boot. */
export const FINDING_ISSUER_CHECKPOINT = Symbol('FINDING_ISSUER_CHECKPOINT');
