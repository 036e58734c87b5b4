/**
 * The embedded log's schema. The rules that make it a ledger live in the file itself, so they
 * hold for any program that opens it, not only for this adapter:
 * - `position` is the rowid, written explicitly as the last position + 1 inside the appending
 *   transaction, so the global order is gap-free and equals commit order;
 * - each stream's revisions run 0, 1, 2 ... with no gap or repeat;
 * - an event id is stored once;
 * - data and metadata are JSON objects, stored as their RFC 8785 canonical text. A hash-chained
 *   event's `hash` and `prevHash` are kept in their own columns and left out of `metadata`, so that
 *   the stored bytes are exactly the bytes its hash covers: verification and the canonical export
 *   work on them without parsing and re-serialising;
 * - stored events can be neither updated nor deleted. The insert trigger also refuses a row that
 *   would collide with a stored one, so `INSERT OR REPLACE` cannot delete by the back door
 *   (REPLACE deletes without firing delete triggers).
 */
export const APPEND_ONLY_MESSAGE = 'ledger events are append-only';

export const SCHEMA_VERSION = 2n;

/** The events table (under another name while a migration copies into it). */
export function eventsTableSql(name: string): string {
  return `
CREATE TABLE ${name} (
  position  INTEGER PRIMARY KEY CHECK (position > 0),
  stream_id TEXT    NOT NULL CHECK (length(stream_id) > 0),
  revision  INTEGER NOT NULL CHECK (revision >= 0),
  event_id  TEXT    NOT NULL UNIQUE,
  type      TEXT    NOT NULL CHECK (length(type) > 0),
  data      TEXT    NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object'),
  metadata  TEXT    NOT NULL CHECK (json_valid(metadata) AND json_type(metadata) = 'object'),
  hash      TEXT,
  prev_hash TEXT,
  created   TEXT    NOT NULL,
  UNIQUE (stream_id, revision),
  CHECK (hash IS NOT NULL OR prev_hash IS NULL)
) STRICT;`;
}

export const TRIGGERS_SQL = `
CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}');
END;

CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}');
END;

CREATE TRIGGER events_append_in_order BEFORE INSERT ON events
WHEN NEW.position IS NOT (SELECT coalesce(max(position), 0) + 1 FROM events)
  OR NEW.revision IS NOT (SELECT coalesce(max(revision), -1) + 1 FROM events WHERE stream_id = NEW.stream_id)
  OR EXISTS (SELECT 1 FROM events WHERE event_id = NEW.event_id)
BEGIN
  SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}: a new event takes the next position and the next revision of its stream, with an unused id');
END;
`;

export const SCHEMA_SQL = `${eventsTableSql('events')}\n${TRIGGERS_SQL}`;
