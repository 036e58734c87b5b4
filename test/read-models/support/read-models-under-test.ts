import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type EventStore, SqliteEventStore } from '@ledger/event-store';
import { ProjectionRunner, READ_MODELS_FILE, ReadModels } from '@ledger/projections';
import { ALL_PROJECTIONS } from '@ledger/projections/read-models';

export const SILENT = { log: () => undefined, warn: () => undefined };

/** A store (embedded unless given) and the read models fed from it by the real runner, in a temporary folder. */
export interface ReadSide {
  dir: string;
  store: EventStore;
  readModels: ReadModels;
  runner: ProjectionRunner;
  /** Resolves once every read model has applied the log up to `position`. */
  caughtUp(position: bigint): Promise<void>;
  close(): Promise<void>;
}

/**
 * `store`: run on this store instead of a new embedded one; the caller keeps it and closes it.
 * `streamPrefixes`: what the runner subscribes to (default: every non-system stream).
 */
export async function openReadSide(
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-')),
  options: { store?: EventStore; streamPrefixes?: readonly string[] } = {},
): Promise<ReadSide> {
  const store = options.store ?? (await SqliteEventStore.open(path.join(dir, 'events.sqlite')));
  const readModels = ReadModels.open(path.join(dir, READ_MODELS_FILE), ALL_PROJECTIONS);
  const runner = new ProjectionRunner({ store, readModels, streamPrefixes: options.streamPrefixes, logger: SILENT });
  await runner.start();
  return {
    dir,
    store,
    readModels,
    runner,
    async caughtUp(position) {
      if (!(await runner.waitForPosition(position, 10_000))) {
        throw new Error(`The read models did not reach position ${position}: ${JSON.stringify(await runner.status(), (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
      }
    },
    async close() {
      await runner.stop();
      readModels.close();
      if (!options.store) await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
