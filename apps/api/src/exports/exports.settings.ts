import type { EventStore } from '@ledger/event-store';
import type { StatusCrosswalk } from '@ledger/integrity';

/** Injection token of the {@link ExportsSettings}. */
export const EXPORTS_SETTINGS = Symbol('EXPORTS_SETTINGS');

export interface ExportsSettings {
  /** The log exactly as stored, without upcasting: an export must carry what was hashed. */
  store: EventStore;
  /** `<data dir>/exports`: one folder per signed export. */
  exportsFolder: string;
  /** `<data dir>/keys`: where `ledger keys create` puts the office's key pair. */
  keysFolder: string;
  /** The wording of statuses in CSV and XLSX exports. */
  crosswalk: StatusCrosswalk;
}
