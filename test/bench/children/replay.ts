/**
 * Every read model rebuilt from the start of the log into fresh generation files, as
 * `ledger projections rebuild` does it. Stops at the time budget and reports the share it got
 * through. Also reports the bytes this process wrote (write amplification: every file, the
 * generation files, their journals and WALs and the registry) and the size of the read-model
 * files it produced.
 * Usage: replay.ts LEDGER_FILE READ_MODELS_FILE BUDGET_SECONDS
 */
import * as fs from 'node:fs';
import { SqliteEventStore } from '@ledger/event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { ProjectionRunner, ReadModels, readModelFiles } from '@ledger/projections';
import { ALL_PROJECTIONS } from '@ledger/projections/read-models';
import { bytesWritten, reportFigures } from '../support/child-job';

const SILENT = { log: () => undefined, warn: () => undefined };

function filesSize(file: string): number {
  return readModelFiles(file).reduce((sum, name) => sum + fs.statSync(name).size, 0);
}

async function main(): Promise<void> {
  const [ledgerFile, readModelsFile, budget] = process.argv.slice(2);
  const store = ledgerEventStore(SqliteEventStore.open(ledgerFile));
  const head = (await store.headPosition()) ?? 0n;
  const writtenBefore = bytesWritten();
  const readModels = ReadModels.open(readModelsFile, ALL_PROJECTIONS);
  const runner = new ProjectionRunner({ store, readModels, logger: SILENT });
  const done = new Map<string, number>(ALL_PROJECTIONS.map((projection) => [projection.name, 0]));
  const started = performance.now();
  // Asked for in the same turn, the rebuilds share one reader of the log.
  const rebuilds = Promise.all(
    ALL_PROJECTIONS.map((projection) => runner.rebuild(projection.name, { onProgress: (progress) => done.set(projection.name, progress.eventsDone) })),
  );
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    rebuilds.then(() => true),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Number(budget) * 1000))),
  ]);
  clearTimeout(timer);
  const ms = performance.now() - started;
  // The slowest read model sets the pace: the least count is how far all of them got.
  const reached = finished ? Number(head) : Math.min(...done.values());
  await runner.stop();
  rebuilds.catch(() => undefined);
  readModels.close();
  await store.close();
  const written = bytesWritten() - writtenBefore;
  reportFigures({ events: reached, ms, complete: finished ? 1 : 0, writtenMiB: written / 2 ** 20, fileMiB: filesSize(readModelsFile) / 2 ** 20 });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
