/**
 * How the client's failures become the port's: a lost or unusable connection is
 * EventStoreUnavailableError (the API answers 503), refused credentials its
 * EventStoreUnauthenticatedError (503 too), a missing right EventStoreAccessDeniedError (403),
 * an append over the server's MaxAppendSize AppendTooLargeError (413), a conflict the port's
 * WrongExpectedVersionError, anything else an Error that says what was being done.
 *
 * The client reports UNAUTHENTICATED and PERMISSION_DENIED alike as an access-denied error; the
 * gRPC status code it keeps tells them apart.
 */
import { type CommandError, ErrorType, isCommandError } from '@eventstore/db-client';
import {
  AppendTooLargeError,
  EventStoreAccessDeniedError,
  EventStoreUnauthenticatedError,
  EventStoreUnavailableError,
  type ExpectedRevision,
  WrongExpectedVersionError,
} from '../event-store.port';

/** gRPC status codes that mean the server could not be reached or dropped the call. */
const CANCELLED = 1;
const DEADLINE_EXCEEDED = 4;
const UNAVAILABLE = 14;
const UNAUTHENTICATED = 16;

function commandError(error: unknown): CommandError | null {
  return error instanceof Error && isCommandError(error) ? error : null;
}

const CONNECTION_ERROR_TYPES: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.CANCELLED,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
]);

/** The server did not answer in time, or went away without saying why: a connection failure too. */
export class NoAnswerError extends Error {
  override readonly name = 'NoAnswerError';
}

/** True when the failure is the connection's (server down, connection cut, node not leader), not the request's. */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof NoAnswerError) return true;
  const known = commandError(error);
  if (known) return CONNECTION_ERROR_TYPES.has(known.type);
  const code = (error as { code?: unknown } | null)?.code;
  return code === UNAVAILABLE || code === DEADLINE_EXCEEDED || code === CANCELLED;
}

/** A follower answered a call that requires the leader; the client reconnects to the leader it named. */
export function isNotLeader(error: unknown): boolean {
  return commandError(error)?.type === ErrorType.NOT_LEADER;
}

export function isStreamNotFound(error: unknown): boolean {
  return commandError(error)?.type === ErrorType.STREAM_NOT_FOUND;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Maps a failed client call; `append` context lets a conflict carry the expectation exactly as given. */
export function translateError(
  error: unknown,
  address: string,
  operation: string,
  append?: { streamId: string; expected: ExpectedRevision },
): Error {
  if (
    error instanceof EventStoreUnavailableError ||
    error instanceof WrongExpectedVersionError ||
    error instanceof EventStoreAccessDeniedError ||
    error instanceof AppendTooLargeError
  ) {
    return error;
  }
  const known = commandError(error);
  if (known?.type === ErrorType.ACCESS_DENIED || (error as { code?: unknown } | null)?.code === UNAUTHENTICATED) {
    if ((error as { code?: unknown }).code === UNAUTHENTICATED) {
      return new EventStoreUnauthenticatedError(
        `EventStoreDB at ${address} refused the ledger's credentials (${operation}): check the user and password in ESDB_CONNECTION_STRING`,
        error,
      );
    }
    return new EventStoreAccessDeniedError(
      `EventStoreDB at ${address} denied the ledger's user access (${operation}): see the access rules in infra/README.md`,
      operation,
      error,
    );
  }
  if (append && known?.type === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED) {
    return new AppendTooLargeError(append.streamId, (known as { maxAppendSize?: number }).maxAppendSize ?? 0, error);
  }
  if (isConnectionFailure(error)) {
    return new EventStoreUnavailableError(`EventStoreDB at ${address} is unavailable (${operation}): ${describeError(error)}`, error);
  }
  if (append && known?.type === ErrorType.WRONG_EXPECTED_VERSION) {
    return new WrongExpectedVersionError(append.streamId, append.expected, known.actualVersion);
  }
  if (known?.type === ErrorType.STREAM_DELETED) {
    return new Error(`EventStoreDB ${operation}: stream ${known.streamName} has been deleted`, { cause: error });
  }
  return new Error(`EventStoreDB ${operation} failed: ${describeError(error)}`, { cause: error });
}
