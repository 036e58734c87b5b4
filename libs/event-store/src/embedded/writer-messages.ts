import {
  type AppendResult,
  EventStoreFullError,
  EventStoreUnavailableError,
  type ExpectedRevision,
  WrongExpectedVersionError,
} from '../event-store.port';
import type { AppendRequest } from './group-writer';

/** An error as it crosses from the writer thread: its class is kept by name, so callers can tell refusals apart. */
export type SentError =
  | { kind: 'WrongExpectedVersionError'; streamId: string; expected: ExpectedRevision; actual: bigint | 'no_stream' }
  | { kind: 'EventStoreFullError' | 'EventStoreUnavailableError' | 'TypeError' | 'RangeError' | 'Error'; message: string; code?: string };

export type SentOutcome = { ok: AppendResult; written: boolean } | { error: SentError };

export type ToWriter =
  | { type: 'commit'; id: number; group: AppendRequest[] }
  /** Runs a PRAGMA on the write connection (tests inject a full disk with max_page_count). */
  | { type: 'pragma'; id: number; pragma: string }
  | { type: 'close' };

export type FromWriter =
  | { type: 'committed'; id: number; outcomes: SentOutcome[] }
  /** The whole group failed: nothing of it was written. */
  | { type: 'refused'; id: number; error: SentError }
  | { type: 'pragma'; id: number; value?: unknown; error?: SentError }
  | { type: 'closed' };

export function sendError(error: unknown): SentError {
  if (error instanceof WrongExpectedVersionError) return { kind: 'WrongExpectedVersionError', streamId: error.streamId, expected: error.expected, actual: error.actual };
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const codeOf = typeof code === 'string' ? { code } : {};
  const sqliteCause = (error as { cause?: { code?: unknown } }).cause?.code;
  const causeCode = typeof sqliteCause === 'string' ? { code: sqliteCause } : codeOf;
  if (error instanceof EventStoreFullError) return { kind: 'EventStoreFullError', message, ...causeCode };
  if (error instanceof EventStoreUnavailableError) return { kind: 'EventStoreUnavailableError', message, ...causeCode };
  if (error instanceof TypeError) return { kind: 'TypeError', message };
  if (error instanceof RangeError) return { kind: 'RangeError', message };
  return { kind: 'Error', message, ...codeOf };
}

export function receivedError(sent: SentError): Error {
  switch (sent.kind) {
    case 'WrongExpectedVersionError':
      return new WrongExpectedVersionError(sent.streamId, sent.expected, sent.actual);
    case 'EventStoreFullError':
      return new EventStoreFullError(sent.message, sent.code && { code: sent.code });
    case 'EventStoreUnavailableError':
      return new EventStoreUnavailableError(sent.message, sent.code && { code: sent.code });
    case 'TypeError':
      return new TypeError(sent.message);
    case 'RangeError':
      return new RangeError(sent.message);
    case 'Error':
      return Object.assign(new Error(sent.message), sent.code ? { code: sent.code } : {});
  }
}
