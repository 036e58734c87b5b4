import canonicalize from 'canonicalize';
import type { EventToAppend, JsonObject, RecordedEvent } from '../event-store.port';

/** A stored event as SQLite returns it (integers as bigint: the store reads with safe integers). */
export interface EventRow {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  /** RFC 8785 canonical JSON. */
  data: string;
  /** RFC 8785 canonical JSON, without `hash` and `prevHash` when the columns below hold them. */
  metadata: string;
  hash: string | null;
  prev_hash: string | null;
  created: string;
}

export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, hash, prev_hash, created';

/** The columns an event is stored in, apart from where it goes in the log. */
export interface StoredForm {
  data: string;
  metadata: string;
  hash: string | null;
  prevHash: string | null;
}

/**
 * How an event is stored: data and metadata as canonical text; a hash chain's `hash` (a string)
 * and `prevHash` (a string, or null at revision 0) in their own columns. Metadata whose chain
 * fields are anything else is stored whole, so that it reads back exactly as it was given.
 */
export function storedForm(event: Pick<EventToAppend, 'data' | 'metadata'>): StoredForm {
  const { hash, prevHash, ...rest } = event.metadata;
  const chained = typeof hash === 'string' && 'prevHash' in event.metadata && (prevHash === null || typeof prevHash === 'string');
  return {
    data: canonicalText(event.data),
    metadata: canonicalText(chained ? rest : event.metadata),
    hash: chained ? hash : null,
    prevHash: chained ? (prevHash as string | null) : null,
  };
}

function canonicalText(value: JsonObject): string {
  try {
    return canonicalize(value) as string;
  } catch (error) {
    throw new TypeError(`event data and metadata must be JSON: ${(error as Error).message}`, { cause: error });
  }
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const metadata = JSON.parse(row.metadata) as JsonObject;
  if (row.hash !== null) {
    metadata.prevHash = row.prev_hash;
    metadata.hash = row.hash;
  }
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as JsonObject,
    metadata,
    created: new Date(row.created),
  };
}
