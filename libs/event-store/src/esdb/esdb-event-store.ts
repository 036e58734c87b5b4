/**
 * The EventStore port on EventStoreDB, through @eventstore/db-client. Every call to the client
 * is in this folder, so that moving to its successor (@kurrent/kurrentdb-client) touches nothing
 * else.
 *
 * Cluster: appends and stream reads require the leader, so a command never decides on a
 * follower's stale copy. After a leader change the old leader answers not-leader naming the new
 * one; the client reconnects there and the call is made once more. That retry is safe: a node
 * that answers not-leader has written nothing.
 *
 * Faults: `connect` fails fast, naming the address, when the server cannot be reached. Later,
 * while the server is unreachable, every operation throws the port's EventStoreUnavailableError
 * and `health()` reports it; the client opens a new connection on the next call once the server
 * is back. Subscriptions resubscribe by themselves (see EsdbSubscription).
 */
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  jsonEvent,
  type AppendExpectedRevision,
} from '@eventstore/db-client';
import { checkAppendInput, checkCountLimit, checkMaxCount, checkPosition, checkStreamPrefixes } from '../embedded/input-checks';
import {
  type AppendResult,
  type CountAfterOptions,
  type EventCount,
  EventStoreAccessDeniedError,
  type EventStore,
  type EventStoreHealth,
  EventStoreUnauthenticatedError,
  EventStoreUnavailableError,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
} from '../event-store.port';
import { connectionAddress } from './connection-address';
import { NoAnswerError, describeError, isConnectionFailure, isNotLeader, isStreamNotFound, translateError } from './esdb-errors';
import { type EsdbLogger, EsdbSubscription, type ReconnectBackoff } from './esdb-subscription';
import { isSystemEvent, toRecordedEvent } from './recorded-event';
import { iterateRead } from './streaming-read';

export interface EsdbEventStoreOptions {
  /** How long `connect` waits for the server's first answer (default 5 s). */
  connectTimeoutMs?: number;
  /** How long `health` waits (default 2 s). */
  healthTimeoutMs?: number;
  /** Checkpoint every `checkpointInterval × 32` events the server looks at (default 1). */
  checkpointInterval?: number;
  /** Resubscription delays after a lost connection, doubling from `initialMs` up to `maxMs`. */
  reconnectBackoff?: ReconnectBackoff;
  logger?: EsdbLogger;
}

/**
 * $all is read in pages of at most this many events, each a call of its own: large enough that
 * the cost of a call is small beside reading its events (the benchmark's adapter/client ratio),
 * while memory stays bounded by the pause in iterateRead, not by the page.
 */
const PAGE_SIZE = 20_000;

/** Calls made after a not-leader answer, each to the leader the previous answer named. */
const NOT_LEADER_RETRIES = 2;

export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbSubscription>();
  /** Whether the last call got an answer; a change either way is logged once. */
  private reachable = true;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly address: string,
    private readonly options: Required<EsdbEventStoreOptions>,
  ) {}

  static async connect(connectionString: string, options: EsdbEventStoreOptions = {}): Promise<EsdbEventStore> {
    const address = connectionAddress(connectionString);
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(connectionString);
    } catch (error) {
      throw new Error(`Invalid EventStoreDB connection string for ${address}: ${describeError(error)}`, { cause: error });
    }
    const store = new EsdbEventStore(client, address, {
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      healthTimeoutMs: options.healthTimeoutMs ?? 2_000,
      checkpointInterval: options.checkpointInterval ?? 1,
      reconnectBackoff: options.reconnectBackoff ?? { initialMs: 100, maxMs: 5_000 },
      logger: options.logger ?? console,
    });
    try {
      await store.probe(store.options.connectTimeoutMs);
    } catch (error) {
      await client.dispose();
      // Refused credentials or a missing right are said as such: retrying will not help.
      const translated = translateError(error, address, 'connect');
      if (translated instanceof EventStoreUnauthenticatedError || translated instanceof EventStoreAccessDeniedError) throw translated;
      throw new EventStoreUnavailableError(`Cannot reach EventStoreDB at ${address}: ${describeError(error)}`, error);
    }
    return store;
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const checked = checkAppendInput(streamId, events, expected);
    const proposed = checked.map((event) => jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata }));
    try {
      const result = await this.onLeader(() =>
        this.client.appendToStream(streamId, proposed, { expectedRevision: clientRevision(expected), requiresLeader: true }),
      );
      // An idempotent retry may be acknowledged without a position: the original write has it.
      const position = result.position?.commit ?? (await this.positionOf(streamId, result.nextExpectedRevision));
      this.answered();
      return { nextRevision: result.nextExpectedRevision, position };
    } catch (error) {
      throw this.failed(error, `append to ${streamId}`, { streamId, expected });
    }
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    checkMaxCount(options.maxCount);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    for (let attempt = 0; ; attempt++) {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: from === 'start' ? START : from === 'end' ? END : from,
        requiresLeader: true,
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      let yielded = false;
      try {
        for await (const received of iterateRead(read)) {
          for (const resolved of received) {
            if (!resolved.event) continue;
            yielded = true;
            yield toRecordedEvent(resolved.event);
          }
        }
        this.answered();
        return;
      } catch (error) {
        // A follower refuses before sending anything, and the client now points at the leader; a
        // read started on the channel the client was just closing for that never began. Both are
        // safe to read again while nothing has been yielded.
        if (!yielded && (isNotLeader(error) || isConnectionFailure(error)) && attempt < NOT_LEADER_RETRIES) continue;
        if (!isStreamNotFound(error)) throw this.failed(error, `read ${streamId}`);
        this.answered();
        return;
      }
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    checkMaxCount(options.maxCount);
    checkPosition('after', options.after);
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    // Exclusive in both directions: forwards reads start at the position (inclusive), so the event
    // there is skipped; backwards reads already start before it.
    let boundary = options.after;
    while (remaining > 0) {
      // A forwards page starts with the boundary event itself, which is then skipped.
      const pageSize = Math.min(remaining + (!backwards && boundary !== undefined ? 1 : 0), PAGE_SIZE);
      const read = this.client.readAll({
        direction: backwards ? BACKWARDS : FORWARDS,
        fromPosition: boundary === undefined ? (backwards ? END : START) : { commit: boundary, prepare: boundary },
        maxCount: pageSize,
      });
      let received = 0;
      try {
        for await (const chunk of iterateRead(read)) {
          for (const resolved of chunk) {
            received += 1;
            const event = resolved.event;
            const position = event?.position?.commit ?? resolved.commitPosition;
            if (!event || position === undefined) continue;
            if (!backwards && boundary !== undefined && position <= boundary) continue;
            boundary = position;
            if (isSystemEvent(event)) continue;
            yield toRecordedEvent(event, position);
            remaining -= 1;
            if (remaining === 0) return;
          }
        }
      } catch (error) {
        throw this.failed(error, 'read $all');
      }
      this.answered();
      if (received < pageSize) return;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    checkPosition('after', options.after);
    const subscription = new EsdbSubscription({
      client: this.client,
      address: this.address,
      after: options.after,
      streamPrefixes: options.streamPrefixes,
      checkpointInterval: this.options.checkpointInterval,
      backoff: this.options.reconnectBackoff,
      logger: this.options.logger,
      onClosed: (closed) => this.subscriptions.delete(closed),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint | null> {
    for await (const event of this.readAll({ direction: 'backwards', maxCount: 1 })) return event.position;
    return null;
  }

  /** Positions here are byte offsets, not counts: the events are read and counted, `limit` of them at most. */
  async countAfter(after: bigint | null, options: CountAfterOptions = {}): Promise<EventCount> {
    checkPosition('after', after ?? undefined);
    checkStreamPrefixes(options.streamPrefixes);
    const limit = checkCountLimit(options.limit);
    const prefixes = options.streamPrefixes;
    let read = 0;
    let events = 0;
    for await (const event of this.readAll({ after: after ?? undefined, maxCount: limit })) {
      read += 1;
      if (prefixes === undefined || prefixes.some((prefix) => event.streamId.startsWith(prefix))) events += 1;
    }
    return { events, atLeast: read === limit };
  }

  async health(): Promise<EventStoreHealth> {
    try {
      await this.probe(this.options.healthTimeoutMs);
      this.answered();
      return { ok: true, kind: 'esdb', detail: `EventStoreDB at ${this.address} answers` };
    } catch (error) {
      const failure = this.failed(error, 'health check');
      const reason =
        failure instanceof EventStoreUnauthenticatedError ? 'unauthenticated' : failure instanceof EventStoreAccessDeniedError ? 'access-denied' : 'unreachable';
      return { ok: false, kind: 'esdb', detail: failure.message, reason };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** Runs a call that requires the leader, again after each not-leader answer (the client has moved to the leader named). */
  private async onLeader<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!isNotLeader(error) || attempt >= NOT_LEADER_RETRIES) throw error;
      }
    }
  }

  private failed(error: unknown, operation: string, append?: { streamId: string; expected: ExpectedRevision }): Error {
    const translated = translateError(error, this.address, operation, append);
    if (translated instanceof EventStoreUnavailableError && this.reachable) {
      this.reachable = false;
      this.options.logger.warn(`${translated.message}. Calls fail until it answers; each new call tries to reconnect.`);
    }
    return translated;
  }

  private answered(): void {
    if (this.reachable) return;
    this.reachable = true;
    this.options.logger.log(`EventStoreDB at ${this.address} answers again.`);
  }

  /** The cheapest call that proves the server answers: the last record of $all, within a deadline. */
  private async probe(timeoutMs: number): Promise<void> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new NoAnswerError(`no answer within ${timeoutMs} ms`)), timeoutMs);
        read.on('data', () => undefined);
        read.once('end', () => {
          clearTimeout(timer);
          resolve();
        });
        read.on('error', (error: Error) => {
          clearTimeout(timer);
          reject(error);
        });
      });
    } catch (error) {
      // Still flowing, so the cancelled call runs out and the client can release it.
      void read.cancel().catch(() => undefined);
      throw error;
    }
  }

  /** Position of one event of a stream, for an append acknowledged without one. */
  private async positionOf(streamId: string, revision: bigint): Promise<bigint> {
    for await (const event of this.readStream(streamId, { fromRevision: revision, maxCount: 1 })) return event.position;
    throw new Error(`EventStoreDB acknowledged an append to ${streamId} at revision ${revision}, which cannot be read`);
  }
}

function clientRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return expected;
  }
}
