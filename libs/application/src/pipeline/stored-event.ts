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
  // Not `{ ...data, type }`: in Node 20's V8, objects copied by a spread and then given one more
  // property survive young-generation collections: loading streams had each collection copy and
  // promote about 750 KB of garbage (--trace-gc-nvp). Object.assign copies the same own
  // properties; only an own `__proto__` key would set the prototype instead, so that shape is spread.
  if (Object.hasOwn(recorded.data, '__proto__')) return { ...recorded.data, type: recorded.type } as unknown as Event;
  return Object.assign({}, recorded.data, { type: recorded.type }) as unknown as Event;
}

export async function readStreamFully(read: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of read) events.push(event);
  return events;
}
