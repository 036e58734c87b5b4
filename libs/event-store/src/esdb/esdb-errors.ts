/**
 * How the client's failures become the port's: a lost or unusable connection is
 * EventStoreUnavailableError (the API answers 503), a conflict is the port's
 * WrongExpectedVersionError, anything else an Error that says what was being done.
 */
import { type CommandError, ErrorType, isCommandError } from '@eventstore/db-client';
import { EventStoreUnavailableError, type ExpectedRevision, WrongExpectedVersionError } from '../event-store.port';

/** gRPC status codes that mean the server could not be reached or dropped the call. */
const CANCELLED = 1;
const DEADLINE_EXCEEDED = 4;
const UNAVAILABLE = 14;

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
  if (error instanceof EventStoreUnavailableError || error instanceof WrongExpectedVersionError) return error;
  if (isConnectionFailure(error)) {
    return new EventStoreUnavailableError(`EventStoreDB at ${address} is unavailable (${operation}): ${describeError(error)}`, error);
  }
  const known = commandError(error);
  if (append && known?.type === ErrorType.WRONG_EXPECTED_VERSION) {
    return new WrongExpectedVersionError(append.streamId, append.expected, known.actualVersion);
  }
  if (known?.type === ErrorType.STREAM_DELETED) {
    return new Error(`EventStoreDB ${operation}: stream ${known.streamName} has been deleted`, { cause: error });
  }
  return new Error(`EventStoreDB ${operation} failed: ${describeError(error)}`, { cause: error });
}
