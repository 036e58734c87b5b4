/**
 * The projection thread: runs the projection engine with its own connections to the log and to
 * the read models, so that catching up and applying batches never hold the API's event loop.
 */
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_UPCASTERS, SqliteEventStore, UpcastingEventStore, createEventStore, eventStoreConfigFromEnv } from '@ledger/event-store';
import type { Projection } from '../projection';
import { ReadModels } from '../read-model-database';
import { ProjectionRunner } from '../runner/projection-runner';
import { lowerThisThreadsPriority } from './background-priority';
import type { FromThread, ThreadSettings, ToThread } from './thread-messages';

if (!parentPort) throw new Error('projection-thread.worker runs as a worker thread');
const port = parentPort;
const post = (message: FromThread) => port.postMessage(message);

async function main(settings: ThreadSettings): Promise<void> {
  // Requests come first when the cores are busy: projections catch up behind them, in larger batches.
  lowerThisThreadsPriority();
  const projectionsModule = settings.projectionsModule ?? path.join(__dirname, '..', 'read-models');
  const projectionsExport = settings.projectionsExport ?? 'ALL_PROJECTIONS';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const projections = (require(projectionsModule) as Record<string, Projection[]>)[projectionsExport];
  if (!Array.isArray(projections)) throw new Error(`${projectionsModule} exports no list "${projectionsExport}"`);
  const raw = await createEventStore(eventStoreConfigFromEnv(settings.env));
  const store = new UpcastingEventStore(raw, DEFAULT_UPCASTERS);
  const readModels = ReadModels.open(settings.readModelsFile, projections);
  const runner = new ProjectionRunner({
    store,
    readModels,
    streamPrefixes: settings.streamPrefixes,
    batchSize: settings.batchSize,
    firstLoad: settings.firstLoad,
    onCommitted: () => post({ type: 'committed' }),
    logger: { log: (message) => post({ type: 'log', level: 'log', message }), warn: (message) => post({ type: 'log', level: 'warn', message }) },
  });
  port.on('message', (message: ToThread) => {
    if (message.type === 'appended') {
      if (raw instanceof SqliteEventStore) raw.appendedElsewhere();
    } else if (message.type === 'stop') {
      void (async () => {
        await runner.stop();
        readModels.close();
        await store.close();
        post({ type: 'stopped' });
        port.close();
      })();
    }
  });
  await runner.start();
  post({ type: 'started' });
}

main(workerData as ThreadSettings).catch((error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  port.close();
});
