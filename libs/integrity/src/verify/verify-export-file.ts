import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readExportFile } from '../export/canonical-jsonl';
import type { ExportManifest } from '../manifest/export-manifest';
import { expectedContent } from '../manifest/read-manifest';
import type { ChainBreak, VerificationReport } from './chain-break';
import { verifyEvents } from './verify-events';

/**
 * Verifies a canonical export file: the chain line by line and, with its manifest, completeness,
 * the digest, and last the file's SHA-256 (which catches any change the checks above cannot place,
 * such as a rewritten sequence number).
 */
export async function verifyExportFile(file: string, manifest?: ExportManifest | null): Promise<VerificationReport> {
  const report = await verifyEvents(readExportFile(file), manifest ? { expected: expectedContent(manifest) } : {});
  if (!report.ok || !manifest) return report;
  const found = manifestConsistency(manifest) ?? (await fileHashMismatch(file, manifest.files));
  return found ? { ...report, ok: false, break: found } : report;
}

function manifestConsistency(manifest: ExportManifest): ChainBreak | null {
  if (!manifest.wholeLedger) return null;
  const consistent = manifest.digest === manifest.ledgerDigest.digest && (manifest.events === 0 || manifest.firstSequence === 1) && manifest.lastSequence === (manifest.events === 0 ? null : manifest.events);
  return consistent
    ? null
    : { problem: 'manifest-mismatch', streamId: null, revision: null, eventId: null, detail: 'the manifest says it holds the whole ledger, but its sequences or digests say otherwise' };
}

/** Null when the file's SHA-256 is the one its manifest lists (or it lists none for it). */
export async function fileHashMismatch(file: string, files: readonly { name: string; sha256: string }[]): Promise<ChainBreak | null> {
  const listed = files.find((entry) => entry.name === path.basename(file));
  if (!listed) return null;
  const actual = await sha256OfFile(file);
  return actual === listed.sha256
    ? null
    : { problem: 'manifest-mismatch', streamId: null, revision: null, eventId: null, detail: `${listed.name} has SHA-256 ${actual}; the manifest records ${listed.sha256}` };
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
