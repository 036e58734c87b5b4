/** What the projection thread is given when it starts. */
export interface ThreadSettings {
  /** The environment naming the event store (LEDGER_EVENT_STORE, LEDGER_DATA_DIR...). */
  env: Record<string, string | undefined>;
  readModelsFile: string;
  /** A module exporting the projections, and the name of that export (a list of Projection). Default: the ledger's ALL_PROJECTIONS. */
  projectionsModule?: string;
  projectionsExport?: string;
  streamPrefixes?: readonly string[];
  batchSize?: number;
  /** See ProjectionRunnerOptions.firstLoad. */
  firstLoad?: 'rebuild' | 'live';
}

export type ToThread = { type: 'appended' } | { type: 'stop' };

export type FromThread =
  | { type: 'started' }
  /** A batch committed: waiters for a position look again. */
  | { type: 'committed' }
  | { type: 'log'; level: 'log' | 'warn'; message: string }
  | { type: 'failed'; message: string }
  | { type: 'stopped' };
