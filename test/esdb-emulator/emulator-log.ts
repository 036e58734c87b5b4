/**
 * The emulator's transaction log, kept in memory: streams, the $all order and the rules an
 * EventStoreDB node applies when it commits a write. It knows nothing of gRPC.
 *
 * Positions imitate byte offsets in a transaction file: large, growing with the size of each
 * record, and never contiguous. Each event is its own record, so its commit position equals its
 * prepare position.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';

export type ExpectedState =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: bigint };

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  streamId: string;
  revision: bigint;
  position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server reports `created`. */
  createdTicks: bigint;
}

/** `null` as current revision: the stream does not exist (never written, or soft-deleted); a negative position: none reported. */
export type WriteOutcome =
  | { kind: 'success'; currentRevision: bigint; position: bigint }
  | { kind: 'wrong-expected-version'; currentRevision: bigint | null }
  | { kind: 'stream-deleted' };

export type StreamReadOutcome =
  | { kind: 'events'; events: StoredEvent[] }
  | { kind: 'not-found' }
  | { kind: 'deleted' };

interface StreamState {
  events: StoredEvent[];
  /** Revisions below this are hidden from stream reads: what a soft delete leaves. */
  truncateBefore: bigint;
  tombstoned: boolean;
}

/** The revision EventStoreDB gives the `$streamDeleted` record a tombstone writes. */
export const TOMBSTONE_REVISION = 2n ** 63n - 1n;

/** Bytes of record framing added to every event, so that positions grow like real offsets. */
const RECORD_OVERHEAD = 167n;

const TICKS_PER_MILLISECOND = 10_000n;

export interface EmulatorLogOptions {
  /** Position of the first record. */
  initialPosition?: bigint;
  /** Write the system events a freshly started node holds (default true). */
  seedSystemEvents?: boolean;
  /**
   * Answer an idempotent retry with the original write's position (default true). Off, it is
   * acknowledged without one, as a server does when its idempotency check goes through the index
   * rather than its cache.
   */
  positionOnIdempotentRetry?: boolean;
  /**
   * How many recently written event ids the node remembers for the idempotency check of writes
   * expecting `any` or `stream_exists` (default 1,000). A real node keeps them in a bounded
   * in-memory cache, so such a retry is recognised only while its first write is recent, and not
   * at all after a restart; writes at an exact revision (or `no_stream`) are checked against the
   * stream itself and are recognised for ever.
   */
  idempotencyWindow?: number;
}

/** Where a recently written event went, for the idempotency check of `any` and `stream_exists`. */
interface RecentWrite {
  streamId: string;
  revision: bigint;
}

export class EmulatorLog extends EventEmitter {
  private readonly streams = new Map<string, StreamState>();
  private readonly all: StoredEvent[] = [];
  private nextPosition: bigint;
  private readonly positionOnIdempotentRetry: boolean;
  /** Oldest first; a Map keeps insertion order, so eviction drops the oldest. */
  private readonly recentWrites = new Map<string, RecentWrite>();
  private readonly idempotencyWindow: number;

  constructor(options: EmulatorLogOptions = {}) {
    super();
    this.setMaxListeners(0);
    this.nextPosition = options.initialPosition ?? 4_096n;
    this.positionOnIdempotentRetry = options.positionOnIdempotentRetry ?? true;
    this.idempotencyWindow = options.idempotencyWindow ?? 1_000;
    if (options.seedSystemEvents ?? true) this.seedSystemEvents();
  }

  /** What a node restart loses: the cache of recent writes. The log itself is on disk. */
  forgetRecentWrites(): void {
    this.recentWrites.clear();
  }

  get length(): number {
    return this.all.length;
  }

  at(index: number): StoredEvent {
    return this.all[index];
  }

  /** Index of the first event whose position is at least `position`. */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.all[middle].position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  append(streamId: string, expected: ExpectedState, proposed: ProposedEvent[]): WriteOutcome {
    const stream = this.streams.get(streamId);
    if (stream?.tombstoned) return { kind: 'stream-deleted' };
    const last = stream ? lastRevision(stream) : -1n;
    const visibleLast = stream && last >= stream.truncateBefore ? last : null;

    const idempotent = this.idempotentMatch(stream, expected, visibleLast, proposed);
    if (idempotent === 'conflict') return { kind: 'wrong-expected-version', currentRevision: visibleLast };
    if (idempotent) return idempotent;

    const acceptable =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && visibleLast === null) ||
      (expected.kind === 'stream_exists' && visibleLast !== null) ||
      (expected.kind === 'revision' && visibleLast === expected.revision);
    if (!acceptable) return { kind: 'wrong-expected-version', currentRevision: visibleLast };
    if (proposed.length === 0) {
      return { kind: 'success', currentRevision: last, position: this.all.at(-1)?.position ?? -1n };
    }

    const target = stream ?? this.createStream(streamId);
    let revision = last;
    let position = 0n;
    for (const event of proposed) {
      revision += 1n;
      position = this.write(target, { ...event, streamId, revision });
    }
    this.emit('appended');
    return { kind: 'success', currentRevision: revision, position };
  }

  /**
   * EventStoreDB's idempotency check: a write whose event ids are already the events that
   * follow its expected revision (or, with `any`, anywhere in the stream) is acknowledged with
   * the original result and stores nothing. A write that matches only in part is a conflict.
   */
  private idempotentMatch(
    stream: StreamState | undefined,
    expected: ExpectedState,
    visibleLast: bigint | null,
    proposed: ProposedEvent[],
  ): WriteOutcome | 'conflict' | null {
    if (!stream || proposed.length === 0) return null;
    const events = stream.events.filter((event) => event.revision >= stream.truncateBefore);
    let start: number;
    if (expected.kind === 'any' || expected.kind === 'stream_exists') {
      // Only the cache of recent writes is consulted: an older write is not recognised.
      const recent = this.recentWrites.get(proposed[0].id);
      if (!recent || recent.streamId !== stream.events[0]?.streamId) return null;
      start = events.findIndex((event) => event.revision === recent.revision);
      if (start < 0) return null;
    } else {
      const after = expected.kind === 'no_stream' ? -1n : expected.revision;
      if (visibleLast === null || after >= visibleLast) return null;
      start = events.findIndex((event) => event.revision === after + 1n);
      if (start < 0 || events[start].id !== proposed[0].id) return null;
    }
    for (let offset = 0; offset < proposed.length; offset++) {
      if (events[start + offset]?.id !== proposed[offset].id) return 'conflict';
    }
    const original = events[start + proposed.length - 1];
    return { kind: 'success', currentRevision: original.revision, position: this.positionOnIdempotentRetry ? original.position : -1n };
  }

  /** Soft delete: the stream reads as not found and may be written again, its revisions going on. */
  softDelete(streamId: string, expected: ExpectedState): WriteOutcome {
    const stream = this.streams.get(streamId);
    if (stream?.tombstoned) return { kind: 'stream-deleted' };
    const last = stream ? lastRevision(stream) : -1n;
    const visibleLast = stream && last >= stream.truncateBefore ? last : null;
    if (!acceptsDeletion(expected, visibleLast)) return { kind: 'wrong-expected-version', currentRevision: visibleLast };

    const target = stream ?? this.createStream(streamId);
    target.truncateBefore = last + 1n;
    const metadataStream = this.streams.get(`$$${streamId}`) ?? this.createStream(`$$${streamId}`);
    const position = this.write(metadataStream, {
      ...systemEvent('$metadata', { $tb: Number(target.truncateBefore) }),
      streamId: `$$${streamId}`,
      revision: lastRevision(metadataStream) + 1n,
    });
    this.emit('appended');
    return { kind: 'success', currentRevision: last, position };
  }

  /** Hard delete: the stream can never be read or written again. */
  tombstone(streamId: string, expected: ExpectedState): WriteOutcome {
    const stream = this.streams.get(streamId);
    if (stream?.tombstoned) return { kind: 'stream-deleted' };
    const last = stream ? lastRevision(stream) : -1n;
    const visibleLast = stream && last >= stream.truncateBefore ? last : null;
    if (!acceptsDeletion(expected, visibleLast)) return { kind: 'wrong-expected-version', currentRevision: visibleLast };

    const target = stream ?? this.createStream(streamId);
    const position = this.write(target, {
      ...systemEvent('$streamDeleted', {}),
      streamId,
      revision: TOMBSTONE_REVISION,
    });
    target.tombstoned = true;
    this.emit('appended');
    return { kind: 'success', currentRevision: last, position };
  }

  readStream(streamId: string): StreamReadOutcome {
    const stream = this.streams.get(streamId);
    if (stream?.tombstoned) return { kind: 'deleted' };
    const events = stream?.events.filter((event) => event.revision >= stream.truncateBefore) ?? [];
    return events.length === 0 ? { kind: 'not-found' } : { kind: 'events', events };
  }

  private createStream(streamId: string): StreamState {
    const stream: StreamState = { events: [], truncateBefore: 0n, tombstoned: false };
    this.streams.set(streamId, stream);
    return stream;
  }

  private write(stream: StreamState, event: Omit<StoredEvent, 'position' | 'createdTicks'>): bigint {
    const size =
      RECORD_OVERHEAD +
      BigInt(Buffer.byteLength(event.streamId) + Buffer.byteLength(event.type)) +
      BigInt(event.data.length + event.metadata.length);
    const stored: StoredEvent = {
      ...event,
      position: this.nextPosition,
      createdTicks: BigInt(Date.now()) * TICKS_PER_MILLISECOND,
    };
    this.nextPosition += size;
    stream.events.push(stored);
    this.all.push(stored);
    this.remember(stored);
    return stored.position;
  }

  private remember(event: StoredEvent): void {
    if (this.idempotencyWindow <= 0) return;
    this.recentWrites.delete(event.id);
    this.recentWrites.set(event.id, { streamId: event.streamId, revision: event.revision });
    if (this.recentWrites.size > this.idempotencyWindow) {
      const oldest = this.recentWrites.keys().next().value as string;
      this.recentWrites.delete(oldest);
    }
  }

  private seedSystemEvents(): void {
    for (const [streamId, type, data] of [
      ['$users', '$UserCreated', { LoginName: 'admin' }],
      ['$user-admin', '$user', { LoginName: 'admin', FullName: 'Event Store Administrator', Groups: ['$admins'] }],
    ] as const) {
      const stream = this.createStream(streamId);
      this.write(stream, { ...systemEvent(type, data), streamId, revision: 0n });
    }
  }
}

function lastRevision(stream: StreamState): bigint {
  return stream.events.at(-1)?.revision ?? -1n;
}

function acceptsDeletion(expected: ExpectedState, visibleLast: bigint | null): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no_stream':
      return visibleLast === null;
    case 'stream_exists':
      return visibleLast !== null;
    case 'revision':
      return visibleLast === expected.revision;
  }
}

function systemEvent(type: string, data: object): ProposedEvent {
  return {
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from(JSON.stringify(data)),
    metadata: new Uint8Array(),
  };
}
