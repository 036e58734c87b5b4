import type { RebuildResult } from '../runner/projection-runner';
import type { ProjectionsSource } from './projections-module';

/** What the projection thread is given when it starts. */
export interface ThreadSettings extends ProjectionsSource {
  /** The environment naming the event store (LEDGER_EVENT_STORE, LEDGER_DATA_DIR...). */
  env: Record<string, string | undefined>;
  readModelsFile: string;
  streamPrefixes?: readonly string[];
  batchSize?: number;
  /** See ProjectionRunnerOptions.firstLoad. */
  firstLoad?: 'rebuild' | 'live';
}

export type ToThread =
  | { type: 'appended' }
  | { type: 'stop' }
  /** Rebuild a read model with the thread's runner (answered by `rebuilt` or `rebuild-failed` with the same id). */
  | { type: 'rebuild'; id: number; name: string };

export type FromThread =
  | { type: 'started' }
  /** A batch committed: waiters for a position look again. */
  | { type: 'committed' }
  | { type: 'log'; level: 'log' | 'warn'; message: string }
  | { type: 'failed'; message: string }
  | { type: 'stopped' }
  | { type: 'rebuilt'; id: number; result: RebuildResult }
  | { type: 'rebuild-failed'; id: number; message: string };
