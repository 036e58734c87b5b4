/**
 * Every read model rebuilt from the start of the log into fresh generation files, as
 * `ledger projections rebuild` does it: in a thread of its own, with its bounded heap. Stops at
 * the time budget and reports the share it got through. Also reports the bytes this process
 * wrote (write amplification: every file, the generation files, their journals and WALs and the
 * registry) and the size of the read-model files it produced.
 * Usage: replay.ts LEDGER_FILE READ_MODELS_FILE BUDGET_SECONDS
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EMBEDDED_EVENTS_FILE, SqliteEventStore } from '@ledger/event-store';
import { readModelFiles, rebuildInThread } from '@ledger/projections';
import { ALL_PROJECTIONS } from '@ledger/projections/read-models';
import { bytesWritten, reportFigures } from '../support/child-job';

function filesSize(file: string): number {
  return readModelFiles(file).reduce((sum, name) => sum + fs.statSync(name).size, 0);
}

async function main(): Promise<void> {
  const [ledgerFile, readModelsFile, budget] = process.argv.slice(2);
  // The thread opens the log of a data folder: one holding the bench's ledger under the store's own name.
  const dataDir = fs.mkdtempSync(path.join(path.dirname(readModelsFile), 'replay-log-'));
  fs.linkSync(ledgerFile, path.join(dataDir, EMBEDDED_EVENTS_FILE));
  const store = SqliteEventStore.open(path.join(dataDir, EMBEDDED_EVENTS_FILE));
  const head = (await store.headPosition()) ?? 0n;
  await store.close();
  const writtenBefore = bytesWritten();
  const names = ALL_PROJECTIONS.map((projection) => projection.name);
  const done = new Map<string, number>(names.map((name) => [name, 0]));
  const rebuilds = rebuildInThread({ env: { LEDGER_DATA_DIR: dataDir }, readModelsFile, names, onProgress: (progress) => done.set(progress.projection, progress.eventsDone) });
  // Timed from when the thread has loaded its code and opened the files, as the rebuild reports its own rate.
  await rebuilds.opened;
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    Promise.all(rebuilds.results.values()).then(() => true),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Number(budget) * 1000))),
  ]);
  clearTimeout(timer);
  const ms = performance.now() - started;
  // The slowest read model sets the pace: the least count is how far all of them got.
  const reached = finished ? Number(head) : Math.min(...done.values());
  if (finished) await rebuilds.done;
  const written = bytesWritten() - writtenBefore;
  fs.rmSync(dataDir, { recursive: true, force: true });
  reportFigures({ events: reached, ms, complete: finished ? 1 : 0, writtenMiB: written / 2 ** 20, fileMiB: filesSize(readModelsFile) / 2 ** 20 });
  // A rebuild cut short by the budget is still running in its thread.
  process.exit(0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
