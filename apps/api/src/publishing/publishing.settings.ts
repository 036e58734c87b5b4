import type { EventStore } from '@ledger/event-store';

export const PUBLISHING_SETTINGS = Symbol('PUBLISHING_SETTINGS');

export interface PublishingSettings {
  /** The ledger's own store (upcast reads): what documents and the catalogue read. */
  store: EventStore;
  /** The log exactly as stored: what a public export carries, so that it verifies. */
  rawStore: EventStore;
  /** `<data dir>/public-exports`: one signed export per published inspection and ledger position. */
  publicExportsFolder: string;
  /** `<data dir>/keys`: the office's signing key. */
  keysFolder: string;
  /** Where browsers reach the ledger: calendar entries link to its pages. */
  publicUrl: string;
}
