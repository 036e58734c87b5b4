import type { JsonObject, RecordedEvent } from '@ledger/event-store';

/** An event as verification and exports see it, from a live store or from an export file. */
export interface LedgerEvent {
  streamId: string;
  revision: bigint;
  eventId: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  /** 1-based place in the ledger's global order (export files). */
  sequence?: number;
  /** The store's own position (live stores). */
  position?: bigint;
  /** Line of the export file it was read from. */
  line?: number;
}

export function fromRecorded(event: RecordedEvent): LedgerEvent {
  return {
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    position: event.position,
  };
}

export async function* fromRecordedEvents(events: AsyncIterable<RecordedEvent>): AsyncGenerator<LedgerEvent> {
  for await (const event of events) yield fromRecorded(event);
}
