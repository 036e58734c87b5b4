/**
 * The rebuild thread: rebuilds read models from the start of the log with its own connections,
 * under the heap limit its parent gave it (see rebuild-thread.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openProjectionHost } from '../host/projection-host';
import { ProjectionRunner, type RebuildResult } from '../runner/projection-runner';
import { loadProjections } from './projections-module';
import type { FromRebuildThread, RebuildThreadSettings } from './rebuild-thread-messages';

if (!parentPort) throw new Error('rebuild-thread.worker runs as a worker thread');
const port = parentPort;
const post = (message: FromRebuildThread) => port.postMessage(message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function main(settings: RebuildThreadSettings): Promise<void> {
  const host = await openProjectionHost(settings.env, loadProjections(settings), settings.readModelsFile);
  post({ type: 'opened' });
  const runner = new ProjectionRunner({
    store: host.store,
    readModels: host.readModels,
    streamPrefixes: host.streamPrefixes,
    logger: { log: () => undefined, warn: (message) => post({ type: 'warn', message }) },
  });
  try {
    // Asked for in the same turn, the rebuilds share one reader of the log.
    await Promise.all(
      settings.names.map((name) =>
        rebuild(runner, name).then(
          (result) => post({ type: 'rebuilt', name, result }),
          (error: unknown) => post({ type: 'rebuild-failed', name, message: messageOf(error) }),
        ),
      ),
    );
  } finally {
    await runner.stop();
    await host.close();
  }
}

/** A projection the runner does not know fails its own rebuild, not the others'. */
function rebuild(runner: ProjectionRunner, name: string): Promise<RebuildResult> {
  try {
    return runner.rebuild(name, { onProgress: (progress) => post({ type: 'progress', name, progress }) });
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

main(workerData as RebuildThreadSettings).then(
  () => port.close(),
  (error: unknown) => {
    post({ type: 'failed', message: messageOf(error) });
    port.close();
  },
);
