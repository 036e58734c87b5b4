import {
  type AppendResult,
  type EventStore,
  EventStoreDecorator,
  type EventToAppend,
  type ExpectedRevision,
  expectationHolds,
  type JsonObject,
  mapAsyncIterable,
  type ReadStreamOptions,
  type RecordedEvent,
  WrongExpectedVersionError,
} from '@ledger/event-store';
import canonicalize from 'canonicalize';
import { eventHash, metadataWithoutChain, sha256Hex } from './event-hash';
import { hashTextOfStored } from './stored-text';

const DEFAULT_MAX_ATTEMPTS = 10;
/** Streams whose last known hash is remembered. */
const KNOWN_HEADS = 10_000;

/** A stored event's revision and hash: enough to chain the next one. */
interface ChainHead {
  revision: bigint;
  hash: string;
}

/**
 * The one place where events are hashed, for every store: wrap the store the application appends
 * through, and each event gets `metadata.prevHash` (the hash of the stream's previous event, null
 * for revision 0) and `metadata.hash` (see event-hash.ts). The revision is part of the hash, so
 * the decorator appends with the exact revision it read: it checks the caller's expectation
 * itself, and for `any` / `stream_exists` retries internally when another writer got in between.
 * Reads pass through untouched.
 *
 * A command reads its stream before it appends, with the revision it read: the decorator remembers
 * the hash of the last event each read or append saw, and when the expected revision is that
 * event's, chains from it without reading the stream again. A stored event never changes, and the
 * store refuses the append if the stream has moved on, so a remembered head is never wrong.
 */
export class HashChainedEventStore extends EventStoreDecorator {
  private readonly heads = new Map<string, ChainHead>();

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
    const known = expected === 'no_stream' ? null : typeof expected === 'bigint' ? this.heads.get(streamId) : undefined;
    if (known === null || (known !== undefined && known.revision === expected)) {
      try {
        return await this.appendChained(streamId, normalised, known ?? undefined, expected);
      } catch (error) {
        // Refused (or a retry of a stored append): the full path below reads the stream and says which.
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
    for (let attempt = 1; ; attempt += 1) {
      const lastEvent = await this.lastEvent(streamId);
      const last = lastEvent && headOf(lastEvent);
      const current = lastEvent?.revision ?? null;
      if (!expectationHolds(expected, current)) {
        const original = current === null ? null : await this.originalAppend(streamId, normalised);
        if (original) return original;
        throw new WrongExpectedVersionError(streamId, expected, current ?? 'no_stream');
      }
      if ((expected === 'any' || expected === 'stream_exists') && current !== null) {
        const original = await this.originalAppend(streamId, normalised);
        if (original) return original;
      }
      if (lastEvent && !last) {
        throw new Error(`${streamId} revision ${lastEvent.revision} carries no hash: this stream was written without the hash chain and cannot be extended`);
      }
      try {
        return await this.appendChained(streamId, normalised, last, current ?? 'no_stream');
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // Another writer appended between our read and our write: look again. For an exact
        // expectation the next round reports the conflict (or finds our own earlier write).
        if (attempt >= this.maxAttempts) throw new WrongExpectedVersionError(streamId, expected, error.actual);
      }
    }
  }

  override readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return {
      [Symbol.asyncIterator]: () => {
        let latest: RecordedEvent | undefined;
        const remembered = mapAsyncIterable(
          this.inner.readStream(streamId, options),
          (event) => {
            if (latest === undefined || event.revision > latest.revision) latest = event;
            return event;
          },
          () => {
            const head = latest && headOf(latest);
            if (head) this.remember(streamId, head);
          },
        );
        return remembered[Symbol.asyncIterator]();
      },
    };
  }

  private remember(streamId: string, head: ChainHead): void {
    const known = this.heads.get(streamId);
    if (known && known.revision >= head.revision) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > KNOWN_HEADS) this.heads.delete(this.heads.keys().next().value as string);
  }

  private async appendChained(streamId: string, events: StoredEvent[], last: ChainHead | undefined, expected: ExpectedRevision): Promise<AppendResult> {
    const chained = chain(streamId, events, last);
    const result = await this.inner.append(streamId, chained, expected);
    const lastChained = chained[chained.length - 1];
    const revision = (last ? last.revision : -1n) + BigInt(chained.length);
    // A retry answered with the original append's result wrote nothing at this revision.
    if (result.nextRevision === revision) this.remember(streamId, { revision, hash: lastChained.metadata.hash as string });
    return result;
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

/** An event as it will be stored, with the canonical text its hash covers when it has one. */
interface StoredEvent extends EventToAppend {
  /** Canonical data and metadata (without the chain's fields), when both are JSON objects. */
  text?: { data: string; metadata: string };
}

/**
 * Ids lower-cased and JSON passed through a round trip with its keys in canonical (RFC 8785)
 * order, so that the hashed content is exactly what the store keeps and returns, and every store
 * (the embedded one keeps canonical text; EventStoreDB keeps what it is given) returns the same
 * keys in the same order. The canonical text is kept: the hash is taken over it, not over a
 * second serialisation.
 */
function asStored(event: EventToAppend): StoredEvent {
  const id = typeof event.id === 'string' ? event.id.toLowerCase() : event.id;
  if (typeof id === 'string' && typeof event.type === 'string' && isPlainObject(event.data) && isPlainObject(event.metadata)) {
    const data = canonicalize(event.data);
    const metadata = canonicalize(metadataWithoutChain(event.metadata));
    if (data !== undefined && metadata !== undefined) {
      return { id, type: event.type, data: JSON.parse(data) as JsonObject, metadata: JSON.parse(metadata) as JsonObject, text: { data, metadata } };
    }
  }
  return { id, type: event.type, data: jsonCopy(event.data), metadata: jsonCopy(event.metadata) };
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonCopy(value: JsonObject): JsonObject {
  if (!isPlainObject(value)) return value;
  return JSON.parse(canonicalize(value) as string) as JsonObject;
}

/** The chain head an event leaves; undefined for an event stored without a hash. */
function headOf(event: RecordedEvent): ChainHead | undefined {
  const hash = event.metadata.hash;
  return typeof hash === 'string' ? { revision: event.revision, hash } : undefined;
}

function chain(streamId: string, events: StoredEvent[], last: ChainHead | undefined): EventToAppend[] {
  let prevHash: string | null = null;
  let revision = 0n;
  if (last) {
    prevHash = last.hash;
    revision = last.revision + 1n;
  }
  return events.map((event) => {
    const { hash: _hash, prevHash: _prevHash, ...metadata } = event.metadata;
    const hash = event.text
      ? sha256Hex(hashTextOfStored({ streamId, revision, eventId: event.id, type: event.type, ...event.text }, prevHash))
      : eventHash({ streamId, revision, eventId: event.id, type: event.type, data: event.data, metadata, prevHash });
    const chained = { id: event.id, type: event.type, data: event.data, metadata: { ...metadata, prevHash, hash } };
    prevHash = hash;
    revision += 1n;
    return chained;
  });
}

function isExpectedRevision(expected: unknown): expected is ExpectedRevision {
  return expected === 'no_stream' || expected === 'stream_exists' || expected === 'any' || (typeof expected === 'bigint' && expected >= 0n);
}
