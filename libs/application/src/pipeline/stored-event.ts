import type { EventMetadata } from '@ledger/domain';
import type { EventToAppend, JsonObject, RecordedEvent } from '@ledger/event-store';

/** Domain events are flat JSON objects discriminated by `type`. */
export interface DomainEvent {
  readonly type: string;
}

/** Stored form: the store's type is the event's type, its data is the rest of the object. */
export function toEventToAppend(id: string, event: DomainEvent, metadata: EventMetadata): EventToAppend {
  const { type, ...data } = event as DomainEvent & Record<string, unknown>;
  return { id, type, data: data as JsonObject, metadata: metadata as unknown as JsonObject };
}

export function toDomainEvent<Event extends DomainEvent>(recorded: Pick<RecordedEvent, 'type' | 'data'>): Event {
  return { ...recorded.data, type: recorded.type } as unknown as Event;
}

export async function readStreamFully(read: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of read) events.push(event);
  return events;
}
