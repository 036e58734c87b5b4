/**
 * Every read model from the start of the log into a fresh read-model file, as the runner does it
 * today. Stops at the time budget and reports the share it got through. Also reports the bytes
 * this process wrote (write amplification) and the size of the file it produced.
 * Usage: replay.ts LEDGER_FILE READ_MODELS_FILE BUDGET_SECONDS
 */
import * as fs from 'node:fs';
import { SqliteEventStore } from '@ledger/event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { ProjectionRunner, ReadModels } from '@ledger/projections';
import { ALL_PROJECTIONS } from '@ledger/projections/read-models';
import { bytesWritten, reportFigures } from '../support/child-job';

const SILENT = { log: () => undefined, warn: () => undefined };

function fileSize(file: string): number {
  return [file, `${file}-wal`].reduce((sum, name) => sum + (fs.existsSync(name) ? fs.statSync(name).size : 0), 0);
}

async function main(): Promise<void> {
  const [ledgerFile, readModelsFile, budget] = process.argv.slice(2);
  const store = ledgerEventStore(SqliteEventStore.open(ledgerFile));
  const head = (await store.headPosition()) ?? 0n;
  const readModels = ReadModels.open(readModelsFile, ALL_PROJECTIONS);
  const runner = new ProjectionRunner({ store, readModels, logger: SILENT });
  const writtenBefore = bytesWritten();
  const started = performance.now();
  await runner.start();
  const done = await readModels.waitForPosition(head, Number(budget) * 1000);
  const ms = performance.now() - started;
  // The slowest read model sets the pace: the least checkpoint is how far all of them got.
  const reached = done
    ? head
    : ALL_PROJECTIONS.map((projection) => readModels.activeGeneration(projection.name)?.checkpoint ?? 0n).reduce((a, b) => (a < b ? a : b));
  await runner.stop();
  readModels.close();
  await store.close();
  const written = bytesWritten() - writtenBefore;
  reportFigures({ events: Number(reached), ms, complete: done ? 1 : 0, writtenMiB: written / 2 ** 20, fileMiB: fileSize(readModelsFile) / 2 ** 20 });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
