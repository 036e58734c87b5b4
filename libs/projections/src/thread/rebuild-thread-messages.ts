import type { RebuildResult } from '../runner/projection-runner';
import type { RebuildProgress } from '../runner/rebuild-progress';
import type { ProjectionsSource } from './projections-module';

/** What the rebuild thread is given when it starts. */
export interface RebuildThreadSettings extends ProjectionsSource {
  /** The environment naming the event store and the data folder, as `openProjectionHost` reads it. */
  env: Record<string, string | undefined>;
  /** Default: read-models.sqlite in the environment's data folder. */
  readModelsFile?: string;
  /** The projections to rebuild, together: they share one reader of the log. */
  names: readonly string[];
}

export type FromRebuildThread =
  /** The thread has loaded its code and opened the log and the read models: the rebuilds start. */
  | { type: 'opened' }
  | { type: 'progress'; name: string; progress: RebuildProgress }
  | { type: 'rebuilt'; name: string; result: RebuildResult }
  | { type: 'rebuild-failed'; name: string; message: string }
  | { type: 'warn'; message: string }
  /** The thread could not open the log or the read models. */
  | { type: 'failed'; message: string };
