import { Inject, Injectable, Optional } from '@nestjs/common';
import { isRuleViolation, type Decider, type DecisionContext } from '@ledger/domain';
import { WrongExpectedVersionError, currentSchemaVersion, type AppendResult, type EventStore, type EventToAppend, type RecordedEvent } from '@ledger/event-store';
import type { CommandMeta, CommandResult } from '../command-meta';
import { AggregateNotFoundError, CommandRefusedError, ConcurrencyConflictError } from '../errors';
import { CLOCK, EVENT_STORE, type Clock } from '../tokens';
import { deterministicUuid } from './deterministic-id';
import { envelopeFor } from './event-envelope';
import { readStreamFully, toEventToAppend, type DomainEvent } from './stored-event';
import { StreamLock } from './stream-lock';
import { StreamState, type StreamSummary } from './stream-state';
import { STREAM_STATE_CACHE_LIMITS, StreamStateCache, type StreamStateCacheLimits } from './stream-state-cache';

/** What the pipeline needs to know about one aggregate type. */
export interface AggregateDefinition<Command, Event extends DomainEvent, State, Context extends DecisionContext> {
  readonly decider: Decider<Command, Event, State, Context>;
  streamId(command: Command): string;
  /** Rules by which the domain says the aggregate has never been recorded: answered as not found. */
  readonly notFoundRules: ReadonlySet<string>;
  /** Facts the decision depends on beyond the folded state: other streams, policies, the envelopes read. */
  facts(input: FactsInput<Command, State>): Promise<Omit<Context, 'actor'>>;
}

export interface FactsInput<Command, State> {
  command: Command;
  state: State;
  /** The aggregate's stream as it was read: its event ids, its latest event of each type. */
  stream: StreamSummary;
  now: Date;
  /** When the command says it happened, only when it says so (checked against what it concerns). */
  occurredAt?: string;
}

export interface Executed {
  result: CommandResult;
  /** The events the command wrote (or, for a repeated command, had written). */
  events: EventToAppend[];
}

/** Conflicts without If-Match are decided again on fresh state up to this many times in all. */
export const MAX_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 10;

/**
 * The one write path: read the stream, fold, decide, append with the revision that was read.
 * A command whose id the stream already holds is answered from the log instead of being decided
 * again, so a retried command appends once and gets its first answer. A conflict is decided
 * again on fresh state, unless the caller named the revision it expects (If-Match).
 *
 * Folds are kept per stream: a command reads only the events after the kept revision (the store
 * stays the truth, and another process may have appended) and folds them on. The append is still
 * checked against the revision read, so a kept fold can never decide on state the store has left.
 */
@Injectable()
export class CommandPipeline {
  private readonly lock = new StreamLock();
  private readonly cache: StreamStateCache;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(STREAM_STATE_CACHE_LIMITS) cacheLimits?: StreamStateCacheLimits,
  ) {
    this.cache = new StreamStateCache(cacheLimits);
  }

  async execute<Command, Event extends DomainEvent, State, Context extends DecisionContext>(
    aggregate: AggregateDefinition<Command, Event, State, Context>,
    command: Command,
    meta: CommandMeta,
  ): Promise<Executed> {
    const streamId = aggregate.streamId(command);
    return this.lock.run(streamId, async () => {
      for (let attempt = 1; ; attempt++) {
        const stream = await this.read(aggregate.decider, streamId);
        const { revision } = stream;

        if (stream.commandIds.has(meta.commandId)) return this.repeated(streamId, meta.commandId);

        if (meta.expectedRevision !== undefined && meta.expectedRevision !== revision) {
          throw new ConcurrencyConflictError(streamId, meta.expectedRevision, revision ?? 'no_stream');
        }

        const now = this.clock();
        const toAppend = await this.decide(aggregate, command, meta, streamId, stream, now);
        if (toAppend.length === 0) {
          if (revision === undefined || stream.position === undefined) throw new AggregateNotFoundError(streamId);
          return { result: { streamId, revision, position: stream.position, eventIds: [] }, events: [] };
        }

        try {
          const appended = await this.store.append(streamId, toAppend, revision ?? 'no_stream');
          this.remember(streamId, stream, toAppend, appended);
          return {
            result: { streamId, revision: appended.nextRevision, position: appended.position, eventIds: toAppend.map((e) => e.id) },
            events: toAppend,
          };
        } catch (error) {
          this.cache.delete(streamId);
          if (!(error instanceof WrongExpectedVersionError)) throw error;
          if (meta.expectedRevision !== undefined || attempt >= MAX_ATTEMPTS) {
            throw new ConcurrencyConflictError(streamId, revision ?? 'no_stream', error.actual);
          }
          await backoff(attempt);
        }
      }
    });
  }

  /** The stream folded up to its last event: the kept fold and the events after it, or the whole stream. */
  private async read<State>(decider: StreamState<State>['decider'], streamId: string): Promise<StreamState<State>> {
    const kept = this.cache.take(streamId, decider);
    let stream: StreamState<State>;
    if (kept?.revision !== undefined) {
      for await (const event of this.store.readStream(streamId, { fromRevision: kept.revision + 1n })) kept.add(event, event.revision, event.position);
      stream = kept;
    } else {
      stream = StreamState.of(decider, await readStreamFully(this.store.readStream(streamId)));
    }
    if (stream.revision !== undefined) this.cache.put(streamId, stream);
    return stream;
  }

  /** The fold carried on over the events just appended, when they landed where the fold ends. */
  private remember(streamId: string, stream: StreamState<unknown>, appended: EventToAppend[], result: AppendResult): void {
    this.cache.delete(streamId);
    const first = (stream.revision ?? -1n) + 1n;
    // A retry answered with an earlier append's result (see ExpectedRevision) wrote nothing here.
    if (result.nextRevision !== first + BigInt(appended.length) - 1n) return;
    appended.forEach((event, index) => stream.add(event, first + BigInt(index), result.position));
    this.cache.put(streamId, stream);
  }

  /** A command the stream already holds: answered with what it wrote then. */
  private async repeated(streamId: string, commandId: string): Promise<Executed> {
    const history = await readStreamFully(this.store.readStream(streamId));
    const earlier = history.filter((event) => event.metadata['commandId'] === commandId);
    return { result: resultOf(streamId, earlier), events: earlier };
  }

  private async decide<Command, Event extends DomainEvent, State, Context extends DecisionContext>(
    aggregate: AggregateDefinition<Command, Event, State, Context>,
    command: Command,
    meta: CommandMeta,
    streamId: string,
    stream: StreamState<State>,
    now: Date,
  ): Promise<EventToAppend[]> {
    // The envelope is checked before anything is read from other streams: bad input changes nothing.
    const metadata = envelopeFor(meta, now);
    const occurredAt = meta.occurredAt === undefined ? {} : { occurredAt: metadata.occurredAt };
    const { state } = stream;
    const facts = await aggregate.facts({ command, state, stream, now, ...occurredAt });
    const decision = aggregate.decider.decide(command, state, { ...facts, actor: meta.actor, ...occurredAt } as Context);
    if (isRuleViolation(decision)) {
      if (aggregate.notFoundRules.has(decision.rule)) throw new AggregateNotFoundError(streamId, decision);
      throw new CommandRefusedError(decision);
    }
    return decision.map((event, index) =>
      toEventToAppend(deterministicUuid(streamId, meta.commandId, String(index)), event, {
        ...metadata,
        schemaVersion: currentSchemaVersion(event.type),
      }),
    );
  }
}

function resultOf(streamId: string, events: RecordedEvent[]): CommandResult {
  const last = events[events.length - 1];
  return { streamId, revision: last.revision, position: last.position, eventIds: events.map((e) => e.id) };
}

/** Jittered so that writers who collided do not collide again in step. */
function backoff(attempt: number): Promise<void> {
  const ms = BACKOFF_BASE_MS * 2 ** (attempt - 1) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
