import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { AggregateNotFoundError } from '../errors';
import { readStreamFully } from '../pipeline/stored-event';
import { EVENT_STORE } from '../tokens';
import { StreamHistoryQuery } from './stream-history.query';

@QueryHandler(StreamHistoryQuery)
export class StreamHistoryHandler implements IQueryHandler<StreamHistoryQuery, RecordedEvent[]> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ streamId }: StreamHistoryQuery): Promise<RecordedEvent[]> {
    const events = await readStreamFully(this.store.readStream(streamId));
    if (events.length === 0) throw new AggregateNotFoundError(streamId);
    return events;
  }
}
