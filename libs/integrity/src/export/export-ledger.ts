import type { KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { londonDate } from '@ledger/domain';
import { type EventStore, SqliteEventStore } from '@ledger/event-store';
import { type ExportFormat, type ExportManifest, buildManifest, manifestFileFor, writeManifestFile } from '../manifest/export-manifest';
import { signManifest } from '../manifest/signing-keys';
import { csvTexts } from './csv-export';
import { type ExportFilter, NO_FILTER, isWholeLedger } from './export-filter';
import { jsonlTexts, storedJsonlChunks, storedTally } from './jsonl-export';
import { type ExportPlan, ExportTally, planExport } from './select-events';
import { DEFAULT_STATUS_CROSSWALK, type StatusCrosswalk } from './status-crosswalk';
import { HashingPassThrough, type WrittenOutput, writeTexts } from './write-output';
import { writeXlsx } from './xlsx-export';

export interface ExportOptions {
  format: ExportFormat;
  filter?: ExportFilter;
  /** Wording of statuses in CSV and XLSX; the default crosswalk if omitted. */
  crosswalk?: StatusCrosswalk;
  /** The Europe/London day the workbook's register judges RAG and lateness on; today if omitted. */
  today?: string;
}

export interface StreamedExport {
  plan: ExportPlan;
  tally: ExportTally;
  output: WrittenOutput;
}

/**
 * Streams one export into `out` (a file, an HTTP response) and ends it. The log is read page by
 * page with backpressure from `out`, so memory stays flat however large the ledger. The plan and
 * tally returned are what the manifest is built from.
 */
export async function streamExport(store: EventStore, out: Writable, options: ExportOptions): Promise<StreamedExport> {
  const plan = await planExport(store, options.filter ?? NO_FILTER);
  const fromStoredBytes = options.format === 'jsonl' && store instanceof SqliteEventStore && isWholeLedger(plan.filter);
  const tally = fromStoredBytes ? storedTally(store, plan) : new ExportTally();
  const crosswalk = options.crosswalk ?? DEFAULT_STATUS_CROSSWALK;
  let output: WrittenOutput;
  switch (options.format) {
    case 'jsonl':
      if (fromStoredBytes) {
        const hashing = new HashingPassThrough();
        await pipeline(Readable.from(storedJsonlChunks(store, plan, tally)), hashing, out);
        output = hashing.result();
      } else {
        output = await writeTexts(jsonlTexts(store, plan, tally), out);
      }
      break;
    case 'csv':
      output = await writeTexts(csvTexts(store, plan, tally, crosswalk), out);
      break;
    case 'xlsx': {
      const hashing = new HashingPassThrough();
      hashing.pipe(out);
      await writeXlsx(store, plan, tally, crosswalk, options.today ?? londonDate(new Date()), hashing);
      await finished(out);
      output = hashing.result();
      break;
    }
  }
  return { plan, tally, output };
}

export interface ExportToFileOptions extends ExportOptions {
  /** The office's Ed25519 private key; without it the manifest is written unsigned. */
  signingKey?: KeyObject;
  now?: () => Date;
}

export interface FileExport {
  file: string;
  manifestFile: string;
  /**
   * The manifest written. An unsigned whole-ledger JSONL export of the embedded store streams its
   * stream list to the file, to keep memory flat: `streamList` is empty here, and complete in the file.
   */
  manifest: ExportManifest;
}

/**
 * Writes the export to `file` and its manifest to `<file>.manifest.json`. Both are written under a
 * temporary name and renamed once complete, so a file that is there is whole.
 */
export async function exportToFile(store: EventStore, file: string, options: ExportToFileOptions): Promise<FileExport> {
  const partial = `${file}.partial`;
  let streamed: StreamedExport;
  try {
    streamed = await streamExport(store, fs.createWriteStream(partial), options);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.renameSync(partial, file);
  const format = options.format;
  let manifest = buildManifest({
    plan: streamed.plan,
    tally: streamed.tally,
    files: [{ name: path.basename(file), format, ...streamed.output }],
    crosswalk: format === 'jsonl' ? null : (options.crosswalk ?? DEFAULT_STATUS_CROSSWALK),
    created: (options.now ?? (() => new Date()))(),
    wholeLedger: isWholeLedger(streamed.plan.filter),
    omitStreamList: streamed.tally.streamsStored && !options.signingKey,
  });
  const manifestFile = manifestFileFor(file);
  if (streamed.tally.streamsStored && !options.signingKey) {
    await writeManifestFile(`${manifestFile}.partial`, manifest, streamed.tally.streamsInOrder());
  } else {
    // A signature covers the whole manifest's canonical bytes at once: the list is held to sign it.
    if (options.signingKey) manifest = signManifest(manifest, options.signingKey);
    fs.writeFileSync(`${manifestFile}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  fs.renameSync(`${manifestFile}.partial`, manifestFile);
  return { file, manifestFile, manifest };
}
