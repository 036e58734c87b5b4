import { once } from 'node:events';
import * as fs from 'node:fs';
import { finished } from 'node:stream/promises';
import canonicalize from 'canonicalize';
import type { ExportFilter } from '../export/export-filter';
import type { ExportPlan, ExportTally } from '../export/select-events';
import type { StatusCrosswalk } from '../export/status-crosswalk';
import type { ManifestStream } from '../verify/verify-events';

export const MANIFEST_FORMAT = 'pfcc-ledger-export-manifest/1';

export type ExportFormat = 'jsonl' | 'csv' | 'xlsx';

export interface ManifestFile {
  /** File name, relative to the manifest's folder. */
  name: string;
  format: ExportFormat;
  sha256: string;
  bytes: number;
}

export interface ManifestSignature {
  algorithm: 'Ed25519';
  /** SHA-256 (hex) of the public key's DER (SPKI) encoding: which key signed. */
  keyId: string;
  /** Base64 signature over the UTF-8 bytes of the RFC 8785 canonical JSON of the manifest without `signature`. */
  value: string;
}

/**
 * Describes one export so that anyone can check it with the office's public key alone. Positions
 * are the source store's (decimal strings); sequences are places in the ledger's own order.
 */
export interface ExportManifest {
  format: typeof MANIFEST_FORMAT;
  created: string;
  filter: ExportFilter;
  /** True when the export holds the whole ledger up to `asAt`: then `digest` equals `ledgerDigest.digest`. */
  wholeLedger: boolean;
  asAt: { position: string | null };
  events: number;
  streams: number;
  firstSequence: number | null;
  lastSequence: number | null;
  firstPosition: string | null;
  lastPosition: string | null;
  /** Running root (see README) over the exported events in file order. */
  digest: string;
  /** The whole ledger's running root up to the last exported event: the figure the office publishes. */
  ledgerDigest: { digest: string; events: number; position: string | null };
  streamList: ManifestStream[];
  /** The wording the CSV and XLSX files use for statuses; null for the canonical export. */
  statusCrosswalk: StatusCrosswalk | null;
  files: ManifestFile[];
  signature?: ManifestSignature;
}

export function buildManifest(input: {
  plan: ExportPlan;
  tally: ExportTally;
  files: ManifestFile[];
  crosswalk: StatusCrosswalk | null;
  created: Date;
  wholeLedger: boolean;
  /** Leave `streamList` empty: the caller streams it to the file (writeManifestFile). */
  omitStreamList?: boolean;
}): ExportManifest {
  const { plan, tally } = input;
  const position = (value: bigint | null) => (value === null ? null : value.toString());
  return {
    format: MANIFEST_FORMAT,
    created: input.created.toISOString(),
    filter: plan.filter,
    wholeLedger: input.wholeLedger,
    asAt: { position: position(plan.asAt) },
    events: tally.events,
    streams: tally.streamCount(),
    firstSequence: tally.firstSequence,
    lastSequence: tally.lastSequence,
    firstPosition: position(tally.firstPosition),
    lastPosition: position(tally.lastPosition),
    digest: tally.digest,
    ledgerDigest: { digest: tally.ledgerDigest.digest, events: tally.ledgerDigest.events, position: position(tally.ledgerDigest.position) },
    streamList: input.omitStreamList ? [] : tally.streamList(),
    statusCrosswalk: input.crosswalk,
    files: input.files,
  };
}

/**
 * Writes the manifest as JSON.stringify(manifest, null, 2) would, with `streams` as its stream
 * list, one stream at a time: the list is never held whole.
 */
export async function writeManifestFile(file: string, manifest: ExportManifest, streams: Iterable<ManifestStream>): Promise<void> {
  const marker = '\n  "streamList": []';
  const text = JSON.stringify({ ...manifest, streamList: [] }, null, 2);
  const at = text.indexOf(marker);
  const out = fs.createWriteStream(file);
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(text.slice(0, at + marker.length - 1));
  let buffer = '';
  let first = true;
  for (const stream of streams) {
    buffer += `${first ? '\n' : ',\n'}    ${JSON.stringify(stream, null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
    if (buffer.length >= 64 * 1024) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(`${buffer}${first ? '' : '\n  '}]${text.slice(at + marker.length)}\n`);
  out.end();
  await finished(out);
}

/** The bytes a signature covers: the canonical JSON of the manifest without its signature. */
export function signedBytes(manifest: { signature?: ManifestSignature }): Buffer {
  const { signature: _signature, ...unsigned } = manifest;
  return Buffer.from(canonicalize(unsigned) as string, 'utf8');
}

/** The manifest written next to an export: `<export file>.manifest.json`. */
export function manifestFileFor(exportFile: string): string {
  return `${exportFile}.manifest.json`;
}
