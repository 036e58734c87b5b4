import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PUBLIC_EXPORT_FORMAT, exportPublicToFile, manifestFileFor, manifestFormat } from '@ledger/integrity';
import type { PublishingSettings } from '../publishing.settings';

export interface PublicExport {
  folder: string;
  fileName: string;
  manifestName: string;
}

/** Names safe in a path segment: inspection ids are the ledger's, but a folder name is built from them. */
function safe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * The signed public export of one published inspection (`pfcc-ledger-public-export/1`): its whole
 * streams (the inspection's, its findings', its statutory response's), each event with its hashes
 * and dates and only the fields the register publishes, so that it verifies on its own with
 * `ledger verify-export` and names no one. Made once per ledger position and kept in
 * `<data dir>/public-exports/<inspection>/<position>/`; older ones of the inspection are removed.
 */
export async function publicExport(settings: PublishingSettings, inspectionId: string, position: bigint | null, signingKey: KeyObject): Promise<PublicExport> {
  const base = path.join(settings.publicExportsFolder, safe(inspectionId));
  const folder = path.join(base, String(position ?? 'empty'));
  const fileName = `public-${safe(inspectionId)}-at-${position ?? 'empty'}.jsonl`;
  const file = path.join(folder, fileName);
  const manifestName = path.basename(manifestFileFor(file));
  // An export made before the public format (the whole envelopes) is made again, never served.
  const made = path.join(folder, manifestName);
  if (!fs.existsSync(made) || manifestFormat(made) !== PUBLIC_EXPORT_FORMAT) {
    fs.mkdirSync(folder, { recursive: true });
    await exportPublicToFile(settings.rawStore, file, { inspectionId, signingKey });
    for (const old of fs.readdirSync(base)) if (old !== path.basename(folder)) fs.rmSync(path.join(base, old), { recursive: true, force: true });
  }
  return { folder, fileName, manifestName };
}
