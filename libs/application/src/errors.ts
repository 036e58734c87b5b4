import type { RuleViolation } from '@ledger/domain';

/** A business rule refused the command; nothing was appended. */
export class CommandRefusedError extends Error {
  readonly rule: string;
  readonly field?: string;

  constructor(readonly violation: RuleViolation) {
    super(violation.message);
    this.name = 'CommandRefusedError';
    this.rule = violation.rule;
    if (violation.field !== undefined) this.field = violation.field;
  }
}

/** The command is about an aggregate that has never been recorded. */
export class AggregateNotFoundError extends Error {
  constructor(readonly streamId: string, readonly violation?: RuleViolation) {
    super(violation ? `${streamId} does not exist: ${violation.message}` : `${streamId} does not exist`);
    this.name = 'AggregateNotFoundError';
  }
}

/**
 * The stream moved on: either the caller's If-Match revision is stale, or concurrent writers kept
 * winning until the retries ran out. `actual` is the stream's revision as last seen.
 */
export class ConcurrencyConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: bigint | 'no_stream',
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Revision conflict on ${streamId}: expected ${String(expected)}, actual ${String(actual)}`);
    this.name = 'ConcurrencyConflictError';
  }
}
