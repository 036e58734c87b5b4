import type { KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChainBreak, VerificationReport } from '../verify/chain-break';
import { sha256OfFile, verifyExportFile } from '../verify/verify-export-file';
import { readManifest } from './read-manifest';
import type { ExportManifest } from './export-manifest';
import { signatureProblem } from './signing-keys';

export interface ExportCheck {
  ok: boolean;
  break: ChainBreak | null;
  manifest: ExportManifest;
  /** Each canonical file's chain report. */
  chains: { file: string; report: VerificationReport }[];
}

/**
 * Checks an export with the office's public key alone: the manifest's signature, then every file
 * it lists (the chain of each canonical file against the manifest, and every file's SHA-256).
 */
export async function verifyExport(manifestFile: string, publicKey: KeyObject): Promise<ExportCheck> {
  const manifest = readManifest(manifestFile);
  const chains: ExportCheck['chains'] = [];
  const fail = (found: ChainBreak): ExportCheck => ({ ok: false, break: found, manifest, chains });
  const nowhere = { streamId: null, revision: null, eventId: null };

  const badSignature = signatureProblem(manifest, publicKey);
  if (badSignature !== null) return fail({ problem: 'signature-invalid', ...nowhere, detail: badSignature });

  const folder = path.dirname(manifestFile);
  for (const entry of manifest.files) {
    const file = path.join(folder, path.basename(entry.name));
    if (!fs.existsSync(file)) return fail({ problem: 'file-missing', ...nowhere, detail: `${entry.name} is listed in the manifest but is not next to it` });
    if (entry.format === 'jsonl') {
      const report = await verifyExportFile(file, manifest);
      chains.push({ file, report });
      if (report.break) return fail(report.break);
    } else {
      const actual = await sha256OfFile(file);
      if (actual !== entry.sha256) {
        return fail({ problem: 'manifest-mismatch', ...nowhere, detail: `${entry.name} has SHA-256 ${actual}; the manifest records ${entry.sha256}` });
      }
    }
  }
  return { ok: true, break: null, manifest, chains };
}
