import type { KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import canonicalize from 'canonicalize';
import { inspectionStream, recommendationStream, statutoryResponseStream } from '@ledger/domain';
import { readExportFile } from '../export/canonical-jsonl';
import type { LedgerEvent } from '../log/ledger-event';
import { expectedContent } from '../manifest/read-manifest';
import { signatureProblem } from '../manifest/signing-keys';
import type { ChainBreak, VerificationReport } from '../verify/chain-break';
import { verifyEvents } from '../verify/verify-events';
import { fileHashMismatch } from '../verify/verify-export-file';
import { findingsNamedBy } from './export-public';
import { type PublicExportRecord, parsePublicLine, toPublicRecord } from './public-line';
import { type PublicExportManifest, readPublicManifest } from './public-manifest';

/** What binding the public file to a full export found. */
export interface FullExportBinding {
  file: string;
  /** Events of the full export whose hash was recomputed. */
  fullEvents: number;
  /** Public lines found equal to the full export's events. */
  matched: number;
  /** Events of the inspection's streams the full export holds that were recorded after the public export was made. */
  recordedLater: number;
}

export interface PublicExportCheck {
  ok: boolean;
  break: ChainBreak | null;
  manifest: PublicExportManifest;
  report: VerificationReport | null;
  against: FullExportBinding | null;
}

const NOWHERE = { streamId: null, revision: null, eventId: null };

/**
 * Checks a public export with the office's public key alone: the signature, the file's SHA-256,
 * each line's form (nothing the public export withholds), the chains as far as the listed hashes
 * allow, whole streams, the counts and the digest. With `againstFull` (a full canonical export,
 * whose own hashes are recomputed) it also proves that every line is the ledger's event as
 * recorded and that no event of those streams was left out.
 */
export async function verifyPublicExport(manifestFile: string, publicKey: KeyObject, againstFull?: string): Promise<PublicExportCheck> {
  const manifest = readPublicManifest(manifestFile);
  let report: VerificationReport | null = null;
  const fail = (found: ChainBreak): PublicExportCheck => ({ ok: false, break: found, manifest, report, against: null });

  const badSignature = signatureProblem(manifest, publicKey);
  if (badSignature !== null) return fail({ problem: 'signature-invalid', ...NOWHERE, detail: badSignature });
  const entry = manifest.files[0];
  if (manifest.files.length !== 1 || entry.format !== 'public-jsonl') return fail({ problem: 'manifest-mismatch', ...NOWHERE, detail: 'a public export manifest lists exactly one public-jsonl file' });
  const file = path.join(path.dirname(manifestFile), path.basename(entry.name));
  if (!fs.existsSync(file)) return fail({ problem: 'file-missing', ...NOWHERE, detail: `${entry.name} is listed in the manifest but is not next to it` });

  report = await verifyEvents(readExportFile(file, parsePublicLine), { expected: expectedContent(manifest), hashes: 'listed' });
  if (report.break) return fail(report.break);
  const shaMismatch = await fileHashMismatch(file, manifest.files);
  if (shaMismatch) return fail(shaMismatch);
  if (againstFull === undefined) return { ok: true, break: null, manifest, report, against: null };

  const bound = await bindToFullExport(file, manifest, againstFull);
  return 'problem' in bound ? fail(bound) : { ok: true, break: null, manifest, report, against: bound };
}

/**
 * Compares the public file with a full canonical export. The full export's chains are verified
 * first (every hash recomputed); then each public line must be exactly what the public export
 * makes of the full event at its place (hashes, dates, disclosed fields and the names withheld),
 * and every event of the inspection's streams up to the public export's head must be listed.
 */
export async function bindToFullExport(publicFile: string, manifest: PublicExportManifest, fullFile: string): Promise<FullExportBinding | ChainBreak> {
  const wanted = new Set([inspectionStream(manifest.inspection), statutoryResponseStream(manifest.inspection)]);
  const full = new Map<string, LedgerEvent>();
  async function* collecting(): AsyncGenerator<LedgerEvent> {
    for await (const event of readExportFile(fullFile)) {
      if (event.streamId === inspectionStream(manifest.inspection)) for (const findingId of findingsNamedBy(event)) wanted.add(recommendationStream(findingId));
      if (wanted.has(event.streamId)) full.set(key(event.streamId, event.revision), event);
      yield event;
    }
  }
  const fullReport = await verifyEvents(collecting());
  if (fullReport.break) return { ...fullReport.break, detail: `the full export ${path.basename(fullFile)} does not verify: ${fullReport.break.detail}` };

  const mismatch = (at: Pick<ChainBreak, 'streamId' | 'revision' | 'eventId' | 'line'>, detail: string): ChainBreak => ({ problem: 'full-export-mismatch', ...at, detail });
  const listed = new Set<string>();
  let matched = 0;
  for await (const event of readExportFile(publicFile, parsePublicLine)) {
    const at = { streamId: event.streamId, revision: event.revision, eventId: event.eventId, line: event.line };
    const fullEvent = full.get(key(event.streamId, event.revision));
    if (!fullEvent) return mismatch(at, `the full export holds no revision ${event.revision} of ${event.streamId}${wanted.has(event.streamId) ? '' : ' (not a stream of this inspection there)'}: use a full export made at or after the public one`);
    const expected = toPublicRecord({ ...fullEvent, id: fullEvent.eventId }, fullEvent.sequence ?? 0);
    const differs = (Object.keys(expected) as (keyof PublicExportRecord)[]).find((field) => canonicalize(expected[field]) !== canonicalize(event.record[field]));
    if (differs !== undefined) {
      return mismatch(at, `${differs} is ${canonicalize(event.record[differs])} in the public export but ${canonicalize(expected[differs])} in the full export`);
    }
    listed.add(key(event.streamId, event.revision));
    matched += 1;
  }
  let recordedLater = 0;
  for (const [place, event] of full) {
    if (listed.has(place)) continue;
    if ((event.sequence ?? 0) > manifest.asAt.events) {
      recordedLater += 1;
      continue;
    }
    return mismatch(
      { streamId: event.streamId, revision: event.revision, eventId: event.eventId, line: event.line },
      `the full export holds ${event.type} (sequence ${event.sequence}), recorded before the public export was made (as at event ${manifest.asAt.events}), and the public export leaves it out`,
    );
  }
  return { file: fullFile, fullEvents: fullReport.events, matched, recordedLater };
}

function key(streamId: string, revision: bigint): string {
  return `${streamId}\u0000${revision}`;
}
