import type { EventStore, EventToAppend } from '@ledger/event-store';
import { readExportFile } from '../export/canonical-jsonl';
import { type LedgerDigest, ledgerDigest } from '../hash-chain/ledger-digest';
import type { LedgerEvent } from '../log/ledger-event';
import type { ExportManifest } from '../manifest/export-manifest';
import { type ChainBreak, describeBreak } from '../verify/chain-break';
import { verifyExportFile } from '../verify/verify-export-file';

/** The import was refused before anything was written. */
export class ImportRefusedError extends Error {
  constructor(
    message: string,
    readonly chainBreak: ChainBreak | null = null,
  ) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

export interface ImportResult {
  events: number;
  streams: number;
  /** The target's ledger digest after the import; equal to the file's. */
  digest: LedgerDigest;
}

/** Events of one stream that follow each other in the file go in one append. */
const MAX_BATCH = 500;

/**
 * Loads a canonical export into an empty store, keeping ids, streams, revisions, metadata and
 * hashes as they are: events go straight to the store given, which must be the raw store, not a
 * HashChainedEventStore (that would hash them again). Before anything is written the target must
 * be empty and the whole file must verify (against its manifest, when one is given). Events are
 * appended in the file's order, so the target's log has the same order and the same digest.
 * `onProgress` is called with the number of events written so far.
 */
export async function importLedger(
  target: EventStore,
  file: string,
  options: { manifest?: ExportManifest | null; onProgress?: (events: number) => void } = {},
): Promise<ImportResult> {
  await refuseNonEmpty(target);
  const report = await verifyExportFile(file, options.manifest);
  if (report.break) throw new ImportRefusedError(`${file} does not verify, nothing was imported: ${describeBreak(report.break)}`, report.break);
  await refuseNonEmpty(target);

  let batch: LedgerEvent[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const first = batch[0];
    const events: EventToAppend[] = batch.map((event) => ({ id: event.eventId, type: event.type, data: event.data, metadata: event.metadata }));
    await target.append(first.streamId, events, first.revision === 0n ? 'no_stream' : first.revision - 1n);
    written += batch.length;
    options.onProgress?.(written);
    batch = [];
  };
  for await (const event of readExportFile(file)) {
    if (batch.length > 0 && (batch[0].streamId !== event.streamId || batch.length >= MAX_BATCH)) await flush();
    batch.push(event);
  }
  await flush();

  const digest = await ledgerDigest(target);
  if (digest.digest !== report.digest || digest.events !== report.events) {
    throw new Error(`after the import the store's ledger digest is ${digest.digest} over ${digest.events} events; the file's is ${report.digest} over ${report.events}`);
  }
  return { events: report.events, streams: report.streams, digest };
}

async function refuseNonEmpty(target: EventStore): Promise<void> {
  const head = await target.headPosition();
  if (head !== null) throw new ImportRefusedError(`the target store is not empty (its log runs to position ${head}): import only into an empty store`);
}
