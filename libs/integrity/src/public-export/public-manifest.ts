import type { ManifestSignature } from '../manifest/export-manifest';
import { readManifestJson } from '../manifest/read-manifest';
import type { ManifestStream } from '../verify/verify-events';

export const PUBLIC_EXPORT_FORMAT = 'pfcc-ledger-public-export/1';

/** What the public export withholds, and why, in words and field lists. */
export interface PublicWithholds {
  summary: string;
  why: string;
  /** Every metadata field left out of some line: who recorded each event, on whose behalf, and the command's bookkeeping. */
  metadata: string[];
  /** By event type, the data fields left out of its lines (types that withhold nothing are not listed). */
  data: Record<string, string[]>;
}

/** What follows from the withholding: what a holder of this file alone can and cannot check. */
export interface PublicChecks {
  canCheck: string[];
  cannotCheck: string[];
}

/**
 * The public export's manifest. It shares the full export's figures (counts, sequences, stream
 * heads, the digest over the listed hashes, the ledger digest) and its Ed25519 signature, and says
 * what the file withholds and what can therefore be checked.
 */
export interface PublicExportManifest {
  format: typeof PUBLIC_EXPORT_FORMAT;
  created: string;
  /** The published inspection whose streams the file holds. */
  inspection: string;
  /** The head of the log when the export began: its position, and how many events the ledger then held. */
  asAt: { position: string | null; events: number };
  events: number;
  streams: number;
  firstSequence: number | null;
  lastSequence: number | null;
  /** Running root over the listed hashes in file order (the same rule as the ledger digest). */
  digest: string;
  ledgerDigest: { digest: string; events: number; position: string | null };
  streamList: ManifestStream[];
  withholds: PublicWithholds;
  checks: PublicChecks;
  files: { name: string; format: 'public-jsonl'; sha256: string; bytes: number }[];
  signature?: ManifestSignature;
}

export const PUBLIC_WITHHOLDS_SUMMARY =
  'Every event of these streams is listed, in ledger order, with its hash, its link to the previous event, when it happened and when it was recorded. ' +
  "Of each event's content, only the data fields the public register publishes for that kind of event are given (disclosed); the rest is left out, and each line names what it leaves out (withheld). " +
  'Left out of every line: who recorded it (name, role and organisation), on whose behalf, and the command bookkeeping. ' +
  'Left out where present: owners, requesters, approvers and verifiers, progress narratives, evidence, actions, dependencies, internal comments and any other field the register does not publish.';

export const PUBLIC_WITHHOLDS_WHY =
  "The public register names no one except the office-holders (the commissioner and the chief officer) in their published statements, and shows only what the office has published. The export holds no more than the register shows.";

export const PUBLIC_CHECKS: PublicChecks = {
  canCheck: [
    "the manifest's Ed25519 signature, with the office's public key",
    "the file's SHA-256 and size, against the signed manifest",
    'every line is a canonical public record that discloses only fields the public register publishes for its type',
    "the chain links: each event's prevHash equals the hash of the stream's previous line, and revision 0 has none",
    'whole streams: revisions run 0, 1, 2 ... without a gap, and every stream ends at the head the manifest records',
    'the order: sequences only grow, and match the counts and first and last sequences the manifest records',
    'the digest over the listed hashes, in file order, against the manifest',
  ],
  cannotCheck: [
    "that each event's hash is the SHA-256 of its content: the hash covers the withheld fields too, so it cannot be recomputed from this file",
    'that the disclosed fields are those the hash covers: this is what `ledger verify-export ... --against FULL_EXPORT.jsonl` proves, given the full export held by the office and by HMICFRS, which recomputes every listed hash',
  ],
};

/** A manifest's format, without trusting the rest: which verifier applies. */
export function manifestFormat(file: string): string | null {
  const parsed = readManifestJson(file);
  return typeof parsed === 'object' && parsed !== null && typeof (parsed as { format?: unknown }).format === 'string' ? (parsed as { format: string }).format : null;
}

/** Reads a public export manifest; refuses, by name, anything that is not one. */
export function readPublicManifest(file: string): PublicExportManifest {
  const parsed = readManifestJson(file);
  const manifest = parsed as Partial<PublicExportManifest>;
  if (typeof parsed !== 'object' || parsed === null || manifest.format !== PUBLIC_EXPORT_FORMAT) {
    throw new Error(`${file} is not a public export manifest (format must be "${PUBLIC_EXPORT_FORMAT}")`);
  }
  for (const field of ['events', 'digest', 'streamList', 'files', 'asAt', 'withholds'] as const) {
    if (manifest[field] === undefined) throw new Error(`${file}: the manifest has no ${field}`);
  }
  if (!Array.isArray(manifest.streamList) || !Array.isArray(manifest.files)) throw new Error(`${file}: streamList and files must be lists`);
  return manifest as PublicExportManifest;
}
