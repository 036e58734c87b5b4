import { Inject, Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { londonDate } from '@ledger/domain';
import { type ExportFilter, type ExportFormat, type ExportManifest, exportToFile, manifestFileFor, readManifest } from '@ledger/integrity';
import { ProblemError } from '../problem/problem';
import { EXPORTS_SETTINGS, type ExportsSettings } from './exports.settings';

/** One signed export as kept on disk: the file and, next to it, its manifest. */
export interface StoredExport {
  id: string;
  file: string;
  manifestFile: string;
  manifest: ExportManifest;
}

const MANIFEST_SUFFIX = manifestFileFor('');

/**
 * The signed exports, each in `<data dir>/exports/<id>/`. The manifest is written last, so a
 * folder without one holds no finished export.
 */
@Injectable()
export class ExportArchive {
  constructor(@Inject(EXPORTS_SETTINGS) private readonly settings: ExportsSettings) {}

  async create(format: ExportFormat, filter: ExportFilter, signingKey: KeyObject, now: Date): Promise<StoredExport> {
    const id = randomUUID();
    const folder = path.join(this.settings.exportsFolder, id);
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `pfcc-ledger-${londonDate(now)}-${id.slice(0, 8)}.${format}`);
    try {
      const written = await exportToFile(this.settings.store, file, { format, filter, crosswalk: this.settings.crosswalk, signingKey, now: () => now });
      return { id, ...written };
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** A finished export; 404 when there is none under `id`. */
  find(id: string): StoredExport {
    const folder = path.join(this.settings.exportsFolder, id);
    const manifestName = fs.existsSync(folder) ? fs.readdirSync(folder).find((name) => name.endsWith(MANIFEST_SUFFIX)) : undefined;
    if (manifestName === undefined) throw new ProblemError('not-found', `There is no export ${id}`, { exportId: id });
    const manifestFile = path.join(folder, manifestName);
    return { id, file: manifestFile.slice(0, -MANIFEST_SUFFIX.length), manifestFile, manifest: readManifest(manifestFile) };
  }
}
