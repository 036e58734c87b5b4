/** The client's recorded events, as the port's RecordedEvent. */
import type { JsonObject, RecordedEvent } from '../event-store.port';

/** The fields the adapter reads from the client's (JSON or binary) recorded event. */
export interface ClientRecordedEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  created: Date;
  position?: { commit: bigint };
}

/** Events the ledger never reads: system streams ($…) and system event types, e.g. a tombstone's $streamDeleted. */
export function isSystemEvent(event: ClientRecordedEvent): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** `commitPosition` is the position a $all read reports; stream reads carry it on the event. */
export function toRecordedEvent(event: ClientRecordedEvent, commitPosition?: bigint): RecordedEvent {
  const position = event.position?.commit ?? commitPosition;
  if (position === undefined) throw new Error(`EventStoreDB returned event ${event.id} of ${event.streamId} without a position`);
  if (!event.isJson || !isJsonObject(event.data)) {
    throw new Error(`Event ${event.id} at ${event.streamId}@${event.revision} is not a JSON object; the ledger stores only JSON events`);
  }
  return {
    streamId: event.streamId,
    revision: event.revision,
    position,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: isJsonObject(event.metadata) ? event.metadata : {},
    created: event.created,
  };
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
