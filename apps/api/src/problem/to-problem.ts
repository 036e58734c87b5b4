import { HttpException } from '@nestjs/common';
import { AccessDeniedError, AggregateNotFoundError, CommandRefusedError, ConcurrencyConflictError, DuplicateInspectionError } from '@ledger/application';
import {
  AppendTooLargeError,
  EventStoreAccessDeniedError,
  EventStoreFullError,
  EventStoreUnauthenticatedError,
  EventStoreUnavailableError,
  WrongExpectedVersionError,
} from '@ledger/event-store';
import { ProblemError, invalidInput, ruleViolation } from './problem';

/**
 * Which problem an error is. Anything not recognised is a 500 whose detail says nothing about
 * the cause: the cause is logged, not sent.
 */
export function toProblem(error: unknown): ProblemError | HttpException {
  if (error instanceof ProblemError) return error;
  if (error instanceof AccessDeniedError) return new ProblemError('forbidden', error.message, { rule: error.rule });
  if (error instanceof DuplicateInspectionError) {
    const id = error.existingInspectionId;
    return new ProblemError('duplicate-inspection', `${error.message}. Nothing was recorded.`, {
      rule: error.rule,
      field: error.key.field,
      existingInspectionId: id,
      existingInspection: `/inspections/${encodeURIComponent(id)}`,
      existingInspectionHistory: `/api/inspections/${encodeURIComponent(id)}/history`,
    });
  }
  if (error instanceof CommandRefusedError) return ruleViolation(error.rule, error.message, error.field);
  if (error instanceof AggregateNotFoundError) return new ProblemError('not-found', `Nothing has been recorded under ${error.streamId}`, { streamId: error.streamId });
  if (error instanceof ConcurrencyConflictError || error instanceof WrongExpectedVersionError) {
    return new ProblemError('revision-conflict', `${error.message}. Nothing was recorded: read the stream again and retry with its current revision.`, {
      streamId: error.streamId,
      currentRevision: error.actual === 'no_stream' ? null : String(error.actual),
    });
  }
  if (error instanceof AppendTooLargeError) {
    return new ProblemError(
      'payload-too-large',
      `What this request would record is larger than the event store accepts in one append (${error.maxAppendSize} bytes); nothing was recorded. Send less at once, for example fewer findings per registration.`,
      { maxAppendSize: error.maxAppendSize },
    );
  }
  if (error instanceof EventStoreAccessDeniedError) {
    return new ProblemError('store-access-denied', `The event store's access rules do not let the ledger ${error.operation}; nothing was recorded. An administrator must grant the ledger's user this right (infra/README.md).`);
  }
  if (error instanceof EventStoreUnauthenticatedError) {
    return new ProblemError('store-unavailable', "The event store refused the ledger's credentials; nothing was recorded. An administrator must correct them.");
  }
  if (error instanceof EventStoreFullError) {
    return new ProblemError('store-unavailable', "The ledger's disk is full; nothing was recorded. Try again once an administrator has freed space.");
  }
  if (error instanceof EventStoreUnavailableError) {
    return new ProblemError('store-unavailable', 'The event store cannot be reached right now; nothing was recorded. Try again shortly.');
  }
  if (error instanceof HttpException) return fromHttpException(error);
  return new ProblemError('internal-error', 'An unexpected error occurred. It has been logged; no details are given here.');
}

function fromHttpException(error: HttpException): ProblemError | HttpException {
  switch (error.getStatus()) {
    case 400:
      return invalidInput([{ field: 'request', message: error.message }]);
    case 404:
      return new ProblemError('not-found', error.message);
    case 413:
      return new ProblemError('payload-too-large', error.message);
    default:
      return error;
  }
}
