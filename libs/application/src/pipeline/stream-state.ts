import type { Decider } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { toDomainEvent, type DomainEvent } from './stored-event';

/** An event as the pipeline folds it: as read back, or as just appended. */
export type KeptEvent = Pick<RecordedEvent, 'id' | 'type' | 'data' | 'metadata'>;

/** What a fold keeps of the latest event of a type: not its envelope, which no decision reads. */
export type LatestEvent = Pick<RecordedEvent, 'id' | 'type' | 'data'>;

/** What decisions may ask of an aggregate's stream beyond its folded state. */
export interface StreamSummary {
  /** The id of every event in the stream. */
  readonly eventIds: ReadonlySet<string>;
  /** The stream's latest event of this type, if it has one. */
  latest(type: string): LatestEvent | undefined;
}

type FoldingDecider<State> = Pick<Decider<unknown, DomainEvent, State, never>, 'initialState' | 'evolve'>;

/**
 * An aggregate's stream folded up to a revision: its state, where its last event is, and what
 * idempotency and the facts need of the events (their ids, the command ids that wrote them, the
 * latest event of each type). It is extended one event at a time, so that a cached fold and a
 * fold of the whole stream are the same work in the same order.
 */
export class StreamState<State> implements StreamSummary {
  state: State;
  /** Revision and log position of the last event folded; undefined while the stream has none. */
  revision: bigint | undefined;
  position: bigint | undefined;
  readonly eventIds = new Set<string>();
  readonly commandIds = new Set<string>();
  private readonly latestByType = new Map<string, LatestEvent>();

  constructor(readonly decider: FoldingDecider<State>) {
    this.state = decider.initialState;
  }

  static of<State>(decider: FoldingDecider<State>, history: readonly RecordedEvent[]): StreamState<State> {
    const stream = new StreamState(decider);
    for (const event of history) stream.add(event, event.revision, event.position);
    return stream;
  }

  add(event: KeptEvent, revision: bigint, position: bigint): void {
    this.state = this.decider.evolve(this.state, toDomainEvent(event));
    this.revision = revision;
    this.position = position;
    this.eventIds.add(event.id);
    const commandId = event.metadata['commandId'];
    if (typeof commandId === 'string') this.commandIds.add(commandId);
    this.latestByType.set(event.type, { id: event.id, type: event.type, data: event.data });
  }

  latest(type: string): LatestEvent | undefined {
    return this.latestByType.get(type);
  }
}
