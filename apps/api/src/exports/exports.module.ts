import { Module, type DynamicModule } from '@nestjs/common';
import path from 'node:path';
import type { EventStore } from '@ledger/event-store';
import { DEFAULT_STATUS_CROSSWALK, loadStatusCrosswalk } from '@ledger/integrity';
import type { ApiConfig } from '../config/api-config';
import { ExportArchive } from './export-archive';
import { ExportDownloadController } from './export-download.controller';
import { EXPORTS_SETTINGS, type ExportsSettings } from './exports.settings';
import { LedgerIntegrityController } from './ledger-integrity.controller';
import { OfficeKey } from './office-key';
import { SignedExportsController } from './signed-exports.controller';

export interface ExportsModuleOptions {
  config: ApiConfig;
  /** The raw store, not the ledger's upcasting one: exports and verification read exactly what was hashed. The caller keeps ownership of it. */
  store: EventStore;
}

/**
 * Exports over HTTP (streamed downloads, signed exports with their manifests, the office's public
 * key) and the ledger's digest and verification; routes in README.md. The status crosswalk is
 * LEDGER_STATUS_CROSSWALK's file, as for `ledger export`, read once at start: a bad one stops the
 * API from starting, naming the status.
 */
@Module({})
export class ExportsModule {
  static forRoot(options: ExportsModuleOptions): DynamicModule {
    const crosswalkFile = options.config.eventStoreEnv.LEDGER_STATUS_CROSSWALK?.trim();
    const settings: ExportsSettings = {
      store: options.store,
      exportsFolder: path.join(options.config.dataDir, 'exports'),
      keysFolder: path.join(options.config.dataDir, 'keys'),
      crosswalk: crosswalkFile ? loadStatusCrosswalk(crosswalkFile) : DEFAULT_STATUS_CROSSWALK,
    };
    return {
      module: ExportsModule,
      // The web pages make signed exports with the same archive and key (web/exports).
      global: true,
      exports: [ExportArchive, OfficeKey],
      controllers: [ExportDownloadController, SignedExportsController, LedgerIntegrityController],
      providers: [{ provide: EXPORTS_SETTINGS, useValue: settings }, ExportArchive, OfficeKey],
    };
  }
}
