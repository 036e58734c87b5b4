/**
 * The one port to the log. Its semantics are EventStoreDB's, so that the embedded store and
 * EventStoreDB are interchangeable: revisions are 0-based per stream, positions are global and
 * only ever grow (gap-free in the embedded store, byte offsets in EventStoreDB).
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * `no_stream`: the stream must not exist; `stream_exists`: it must; `any`: no check; bigint: the revision of its last event.
 *
 * Idempotency follows EventStoreDB's: a retry of an append at an exact revision (or `no_stream`)
 * with the same event ids is recognised for ever, because the server compares the ids with the
 * events at those revisions. A retry expecting `any` or `stream_exists` is recognised only while
 * the first write is in the server's bounded cache of recent writes, which a restart empties;
 * after that the same ids are stored again. The ledger relies only on the first kind: the hash
 * chain appends every event at the exact revision it read.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

/** Whether a stream whose last revision is `current` (null: no stream) meets an expectation. */
export function expectationHolds(expected: ExpectedRevision, current: bigint | null): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === null;
    case 'stream_exists':
      return current !== null;
    default:
      return current === expected;
  }
}

export interface EventToAppend {
  /** A UUID. A retry at the same exact revision with the same ids is stored once (see ExpectedRevision). */
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

/**
 * An event as read back. Its data and metadata are the JSON values appended; the order of an
 * object's keys is not kept (the embedded store keeps RFC 8785 canonical text, keys sorted).
 */
export interface RecordedEvent {
  streamId: string;
  revision: bigint;
  position: bigint;
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  /** When the store recorded it (server time). */
  created: Date;
}

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  nextRevision: bigint;
  /** Log position of the last event written (or of the original write, for an idempotent retry). */
  position: bigint;
}

/** `no_stream` as actual means the stream does not exist. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Wrong expected version on ${streamId}: expected ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** The store cannot be reached right now (EventStoreDB down, connection lost). */
export class EventStoreUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}

/** The store refused the caller's credentials: a configuration fault, not the request's (the API answers 503). */
export class EventStoreUnauthenticatedError extends EventStoreUnavailableError {
  constructor(message: string, cause?: unknown) {
    super(message, cause);
    this.name = 'EventStoreUnauthenticatedError';
  }
}

/** The store's access rules do not let the ledger's user do this (the API answers 403). */
export class EventStoreAccessDeniedError extends Error {
  constructor(
    message: string,
    readonly operation: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'EventStoreAccessDeniedError';
  }
}

/** One append's events are larger than the store accepts at once (EventStoreDB's MaxAppendSize); nothing was written. */
export class AppendTooLargeError extends Error {
  constructor(
    readonly streamId: string,
    readonly maxAppendSize: number,
    override readonly cause?: unknown,
  ) {
    super(`The events for ${streamId} are larger than the event store accepts in one append (${maxAppendSize} bytes); nothing was recorded`);
    this.name = 'AppendTooLargeError';
  }
}

/** The store's disk is full: nothing of the refused write was stored; writes work again once space is freed. */
export class EventStoreFullError extends EventStoreUnavailableError {
  constructor(message: string, cause?: unknown) {
    super(message, cause);
    this.name = 'EventStoreFullError';
  }
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint | 'start' | 'end';
  maxCount?: number;
}

export interface ReadAllOptions {
  direction?: 'forwards' | 'backwards';
  /** Exclusive forwards: events after this position. Defaults to the start (forwards) or end (backwards). */
  after?: bigint;
  maxCount?: number;
}

export type SubscriptionMessage =
  | { kind: 'event'; event: RecordedEvent }
  /** Everything written before the subscription started has been delivered. */
  | { kind: 'caught-up'; position: bigint | null }
  /** Nothing matching the filter up to here: a quiet subscription can still advance its checkpoint. */
  | { kind: 'checkpoint'; position: bigint };

export interface SubscribeToAllOptions {
  /** Exclusive: deliver events with a position greater than this. Omitted: from the start of the log. */
  after?: bigint;
  /** Only streams whose id starts with one of these prefixes. Omitted: every non-system stream. */
  streamPrefixes?: string[];
}

export interface CountAfterOptions {
  /** Only streams whose id starts with one of these prefixes. Omitted: every event. */
  streamPrefixes?: readonly string[];
  /** How many events of the log the count may look at (default COUNT_LIMIT); beyond them it says "at least". */
  limit?: number;
}

export interface EventCount {
  events: number;
  /** The count stopped at its limit: there are at least this many. */
  atLeast: boolean;
}

/** Counting looks at this many events of the log at most, so that asking how far behind a reader is stays cheap. */
export const COUNT_LIMIT = 10_000;

export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

export interface EventStoreHealth {
  ok: boolean;
  kind: 'embedded' | 'esdb';
  detail: string;
  /** Why it is not ok: the server does not answer, refuses the credentials, or denies the ledger's user a right it needs. */
  reason?: 'unreachable' | 'unauthenticated' | 'access-denied';
}

export interface EventStore {
  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** A stream that does not exist reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Position of the last event in the log, or null when it is empty. */
  headPosition(): Promise<bigint | null>;
  /** The events after `after` (null: the whole log): how far behind a reader checkpointed there is. */
  countAfter(after: bigint | null, options?: CountAfterOptions): Promise<EventCount>;
  health(): Promise<EventStoreHealth>;
  close(): Promise<void>;
}
