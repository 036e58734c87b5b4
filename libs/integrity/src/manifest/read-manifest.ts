import * as fs from 'node:fs';
import type { ExpectedContent } from '../verify/verify-events';
import { type ExportManifest, MANIFEST_FORMAT } from './export-manifest';

/** A manifest file's JSON, whatever its format; refuses a file that cannot be read as JSON. */
export function readManifestJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the manifest ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Reads a manifest file; refuses, by name, anything that is not one. */
export function readManifest(file: string): ExportManifest {
  const parsed = readManifestJson(file);
  const manifest = parsed as Partial<ExportManifest>;
  if (typeof parsed !== 'object' || parsed === null || manifest.format !== MANIFEST_FORMAT) {
    throw new Error(`${file} is not an export manifest (format must be "${MANIFEST_FORMAT}")`);
  }
  for (const field of ['events', 'digest', 'streamList', 'files', 'ledgerDigest'] as const) {
    if (manifest[field] === undefined) throw new Error(`${file}: the manifest has no ${field}`);
  }
  if (!Array.isArray(manifest.streamList) || !Array.isArray(manifest.files)) throw new Error(`${file}: streamList and files must be lists`);
  return manifest as ExportManifest;
}

export function expectedContent(manifest: ExpectedContent): ExpectedContent {
  return {
    events: manifest.events,
    digest: manifest.digest,
    firstSequence: manifest.firstSequence,
    lastSequence: manifest.lastSequence,
    streamList: manifest.streamList,
  };
}
