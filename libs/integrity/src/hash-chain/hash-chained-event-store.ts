import {
  type AppendResult,
  type EventStore,
  EventStoreDecorator,
  type EventToAppend,
  type ExpectedRevision,
  expectationHolds,
  type JsonObject,
  type RecordedEvent,
  WrongExpectedVersionError,
} from '@ledger/event-store';
import { eventHash } from './event-hash';

const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * The one place where events are hashed, for every store: wrap the store the application appends
 * through, and each event gets `metadata.prevHash` (the hash of the stream's previous event, null
 * for revision 0) and `metadata.hash` (see event-hash.ts). The revision is part of the hash, so
 * the decorator appends with the exact revision it read: it checks the caller's expectation
 * itself, and for `any` / `stream_exists` retries internally when another writer got in between.
 * Reads pass through untouched.
 */
export class HashChainedEventStore extends EventStoreDecorator {
  constructor(
    inner: EventStore,
    private readonly maxAttempts = DEFAULT_MAX_ATTEMPTS,
  ) {
    super(inner);
  }

  override async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    // Nothing to hash: the inner store gives its own answer (or refusal) for an empty append.
    if (!Array.isArray(events) || events.length === 0) return this.inner.append(streamId, events, expected);
    if (!isExpectedRevision(expected)) {
      throw new TypeError(`append to ${streamId}: expected must be 'no_stream', 'stream_exists', 'any' or a revision >= 0n`);
    }
    const normalised = events.map(asStored);
    for (let attempt = 1; ; attempt += 1) {
      const last = await this.lastEvent(streamId);
      const current = last?.revision ?? null;
      if (!expectationHolds(expected, current)) {
        const original = current === null ? null : await this.originalAppend(streamId, normalised);
        if (original) return original;
        throw new WrongExpectedVersionError(streamId, expected, current ?? 'no_stream');
      }
      if ((expected === 'any' || expected === 'stream_exists') && current !== null) {
        const original = await this.originalAppend(streamId, normalised);
        if (original) return original;
      }
      const chained = chain(streamId, normalised, last);
      try {
        return await this.inner.append(streamId, chained, current ?? 'no_stream');
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // Another writer appended between our read and our write: look again. For an exact
        // expectation the next round reports the conflict (or finds our own earlier write).
        if (attempt >= this.maxAttempts) throw new WrongExpectedVersionError(streamId, expected, error.actual);
      }
    }
  }

  private async lastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    for await (const event of this.inner.readStream(streamId, { direction: 'backwards', fromRevision: 'end', maxCount: 1 })) return event;
    return undefined;
  }

  /**
   * A retry of an append that was stored already (same ids, one after the other in this stream)
   * gets the original result; its events are not hashed again at a new revision.
   */
  private async originalAppend(streamId: string, events: EventToAppend[]): Promise<AppendResult | null> {
    const ids = events.map((event) => event.id);
    let first: bigint | undefined;
    for await (const stored of this.inner.readStream(streamId, { direction: 'backwards', fromRevision: 'end' })) {
      const index = ids.indexOf(stored.id);
      if (index !== -1) {
        first = stored.revision - BigInt(index);
        break;
      }
    }
    if (first === undefined) return null;
    const original: RecordedEvent[] = [];
    if (first >= 0n) {
      for await (const stored of this.inner.readStream(streamId, { fromRevision: first, maxCount: ids.length })) original.push(stored);
    }
    const isRetry = original.length === ids.length && original.every((stored, index) => stored.id === ids[index]);
    if (!isRetry) {
      throw new Error(`append to ${streamId}: some of these event ids are already stored in the stream, and this append is not a retry of the one that stored them`);
    }
    const last = original[original.length - 1];
    return { nextRevision: last.revision, position: last.position };
  }
}

/** Ids lower-cased and JSON passed through a round trip, so that the hashed content is exactly what the store keeps and returns. */
function asStored(event: EventToAppend): EventToAppend {
  return {
    id: typeof event.id === 'string' ? event.id.toLowerCase() : event.id,
    type: event.type,
    data: jsonCopy(event.data),
    metadata: jsonCopy(event.metadata),
  };
}

function jsonCopy(value: JsonObject): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

function chain(streamId: string, events: EventToAppend[], last: RecordedEvent | undefined): EventToAppend[] {
  let prevHash: string | null = null;
  let revision = 0n;
  if (last) {
    const lastHash = last.metadata.hash;
    if (typeof lastHash !== 'string') {
      throw new Error(`${streamId} revision ${last.revision} carries no hash: this stream was written without the hash chain and cannot be extended`);
    }
    prevHash = lastHash;
    revision = last.revision + 1n;
  }
  return events.map((event) => {
    const { hash: _hash, prevHash: _prevHash, ...metadata } = event.metadata;
    const hash = eventHash({ streamId, revision, eventId: event.id, type: event.type, data: event.data, metadata, prevHash });
    const chained = { ...event, metadata: { ...metadata, prevHash, hash } };
    prevHash = hash;
    revision += 1n;
    return chained;
  });
}

function isExpectedRevision(expected: unknown): expected is ExpectedRevision {
  return expected === 'no_stream' || expected === 'stream_exists' || expected === 'any' || (typeof expected === 'bigint' && expected >= 0n);
}
