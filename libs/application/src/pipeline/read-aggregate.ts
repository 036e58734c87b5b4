import { fold, type Decider } from '@ledger/domain';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { readStreamFully, toDomainEvent, type DomainEvent } from './stored-event';

export interface ReadAggregate<State> {
  state: State;
  history: RecordedEvent[];
}

/** An aggregate's state as its stream holds it now; a missing stream is the initial state. */
export async function readAggregate<Event extends DomainEvent, State>(
  store: EventStore,
  decider: Pick<Decider<unknown, Event, State, never>, 'initialState' | 'evolve'>,
  streamId: string,
): Promise<ReadAggregate<State>> {
  const history = await readStreamFully(store.readStream(streamId));
  return { state: foldHistory(decider, history), history };
}

export function foldHistory<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State, never>, 'initialState' | 'evolve'>,
  history: readonly RecordedEvent[],
): State {
  return fold(decider.evolve, decider.initialState, history.map((event) => toDomainEvent<Event>(event)));
}
