import type { JsonObject, RecordedEvent } from '../event-store.port';

/** A stored event as SQLite returns it (integers as bigint: the store reads with safe integers). */
export interface EventRow {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  created: string;
}

export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, created';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as JsonObject,
    created: new Date(row.created),
  };
}
