import type { SqliteEventStore } from '@ledger/event-store';
import type { EventStore } from '@ledger/event-store';
import { EMPTY_LEDGER_DIGEST, isSha256Hex, nextLedgerDigest } from '../hash-chain/event-hash';
import { exportLineOfStored } from '../hash-chain/stored-text';
import { toExportLine } from './canonical-jsonl';
import { type ExportPlan, ExportTally, selectEvents } from './select-events';

/** The canonical export's lines, in log order. */
export async function* jsonlTexts(store: EventStore, plan: ExportPlan, tally: ExportTally): AsyncGenerator<string> {
  for await (const { event, sequence } of selectEvents(store, plan, tally)) yield toExportLine(event, sequence);
}

const CHUNK_CHARS = 64 * 1024;

/**
 * The whole embedded log's canonical export, made from the stored bytes: each line is put
 * together from the canonical text as stored, and the digest (the ledger's own, for a whole
 * ledger) is taken once per event. Yields chunks of about 64 KiB. In the embedded store positions
 * run 1, 2, 3 ... so an event's sequence is its position, which the stream list relies on.
 */
export function* storedJsonlChunks(store: SqliteEventStore, plan: ExportPlan, tally: ExportTally): Generator<string> {
  if (plan.asAt === null) return;
  let sequence = 0;
  let root = EMPTY_LEDGER_DIGEST;
  let chunk = '';
  for (const row of store.storedRows(plan.asAt)) {
    sequence += 1;
    if (row.position !== BigInt(sequence)) throw new Error(`the log has a gap before position ${row.position}: run \`ledger verify\``);
    if (row.hash === null || !isSha256Hex(row.hash)) {
      throw new Error(`${row.stream_id} revision ${row.revision} (position ${row.position}) carries no hash: run \`ledger verify\``);
    }
    root = nextLedgerDigest(root, row.hash);
    tally.addWhole(row.position, row.revision, sequence, root);
    chunk += exportLineOfStored({ streamId: row.stream_id, revision: row.revision, eventId: row.event_id, type: row.type, data: row.data, metadata: row.metadata }, row.hash, row.prev_hash, sequence);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** A tally whose stream list is read from the store's (stream, revision) index when the manifest is written. */
export function storedTally(store: SqliteEventStore, plan: ExportPlan): ExportTally {
  return new ExportTally(function* () {
    if (plan.asAt === null) return;
    for (const head of store.streamHeads(plan.asAt)) {
      yield {
        streamId: head.stream_id,
        lastRevision: Number(head.last_revision),
        lastHash: head.last_hash ?? '',
        firstSequence: Number(head.first_position),
        lastSequence: Number(head.last_position),
      };
    }
  });
}
