import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_UPCASTERS, type EventStore, LEDGER_STREAM_PREFIXES, UpcastingEventStore, createEventStore, eventStoreConfigFromEnv } from '@ledger/event-store';
import type { Projection } from '../projection';
import { READ_MODELS_FILE, ReadModels } from '../read-model-database';

/** The log (seen through the upcasters) and the read models of one data folder. */
export interface ProjectionHost {
  store: EventStore;
  readModels: ReadModels;
  /** The ledger's own streams: what every projection of this host reads, live, rebuilt or verified. */
  streamPrefixes: readonly string[];
  close(): Promise<void>;
}

/** `<LEDGER_DATA_DIR>/read-models.sqlite` (default data folder ./data), whichever store holds the log. */
export function readModelsFileFromEnv(env: Record<string, string | undefined>): string {
  return path.join(env.LEDGER_DATA_DIR?.trim() || './data', READ_MODELS_FILE);
}

/** Opens the store chosen by the environment (LEDGER_EVENT_STORE ...) and the read models next to it (or in `file`). */
export async function openProjectionHost(env: Record<string, string | undefined>, projections: readonly Projection[], file = readModelsFileFromEnv(env)): Promise<ProjectionHost> {
  const store = new UpcastingEventStore(await createEventStore(eventStoreConfigFromEnv(env)), DEFAULT_UPCASTERS);
  let readModels: ReadModels;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    readModels = ReadModels.open(file, projections);
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    store,
    readModels,
    streamPrefixes: LEDGER_STREAM_PREFIXES,
    close: async () => {
      readModels.close();
      await store.close();
    },
  };
}
