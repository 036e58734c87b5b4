import type Database from 'better-sqlite3';
import { storedForm } from './event-row';
import { SCHEMA_SQL, SCHEMA_VERSION, TRIGGERS_SQL, eventsTableSql } from './schema';

const COPY_PAGE = 5000;

interface Version1Row {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  created: string;
}

/**
 * Creates the schema, or brings an older file to this program's, or refuses a newer one. All in
 * one transaction: a migration interrupted by a crash leaves the file as it was.
 */
export function migrateSchema(db: Database.Database, file: string): void {
  db.transaction(() => {
    const version = BigInt(db.pragma('user_version', { simple: true }) as bigint | number);
    if (version > SCHEMA_VERSION) {
      throw new Error(`${file} has event store schema version ${version}, newer than this program's (${SCHEMA_VERSION})`);
    }
    if (version === SCHEMA_VERSION) return;
    if (version === 0n) db.exec(SCHEMA_SQL);
    else if (version === 1n) toCanonicalStorage(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/**
 * Version 1 kept data and metadata as JSON.stringify wrote them, the chain's hashes inside the
 * metadata. Version 2 keeps the canonical text the hash covers, the hashes in their own columns.
 * The events are copied into a new table in log order, unchanged as JSON values (`ledger verify`
 * gives the same digest before and after), and the new table takes the old one's place with the
 * same append-only triggers. Nothing is updated or deleted in place.
 */
function toCanonicalStorage(db: Database.Database): void {
  db.exec(eventsTableSql('events_canonical'));
  const page = db.prepare<[bigint], Version1Row>(
    `SELECT position, stream_id, revision, event_id, type, data, metadata, created FROM events WHERE position > ? ORDER BY position LIMIT ${COPY_PAGE}`,
  );
  const insert = db.prepare(
    'INSERT INTO events_canonical (position, stream_id, revision, event_id, type, data, metadata, hash, prev_hash, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let after = 0n;
  for (let rows = page.all(after); rows.length > 0; rows = page.all(after)) {
    for (const row of rows) {
      const stored = storedForm({ data: JSON.parse(row.data), metadata: JSON.parse(row.metadata) });
      insert.run(row.position, row.stream_id, row.revision, row.event_id, row.type, stored.data, stored.metadata, stored.hash, stored.prevHash, row.created);
    }
    after = rows[rows.length - 1].position;
  }
  // DROP TABLE fires no delete trigger; the triggers go with the old table and are made again.
  db.exec('DROP TABLE events; ALTER TABLE events_canonical RENAME TO events;');
  db.exec(TRIGGERS_SQL);
}
