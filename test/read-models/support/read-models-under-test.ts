import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { ProjectionRunner, READ_MODELS_FILE, ReadModels } from '@ledger/projections';
import { ALL_PROJECTIONS } from '@ledger/projections/read-models';

export const SILENT = { log: () => undefined, warn: () => undefined };

/** An embedded store and the read models fed from it by the real runner, in a temporary folder. */
export interface ReadSide {
  dir: string;
  store: SqliteEventStore;
  readModels: ReadModels;
  runner: ProjectionRunner;
  /** Resolves once every read model has applied the log up to `position`. */
  caughtUp(position: bigint): Promise<void>;
  close(): Promise<void>;
}

export async function openReadSide(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'))): Promise<ReadSide> {
  const store = await SqliteEventStore.open(path.join(dir, 'events.sqlite'));
  const readModels = ReadModels.open(path.join(dir, READ_MODELS_FILE), ALL_PROJECTIONS);
  const runner = new ProjectionRunner({ store, readModels, logger: SILENT });
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
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
