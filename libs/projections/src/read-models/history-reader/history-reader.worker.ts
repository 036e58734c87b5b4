/**
 * A history reader thread: answers "as at" and "changes between dates" with its own read-only
 * connection to the read models, so that a large query never holds the API's event loop. The
 * connection attaches the active generations and follows a rebuild's swap at each query, as every
 * ReadModels connection does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ReadModels } from '../../read-model-database';
import { queryAsAt } from '../history/history.queries';
import { ALL_PROJECTIONS } from '../index';
import { queryChanges } from '../timeline/timeline.queries';
import type { FromReader, HistoryReaderSettings, ThrownError, ToReader } from './history-reader-messages';

if (!parentPort) throw new Error('history-reader.worker runs as a worker thread');
const port = parentPort;
const post = (message: FromReader) => port.postMessage(message);
const thrown = (error: unknown): ThrownError => (error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { name: 'Error', message: String(error) });

try {
  const readModels = ReadModels.openReadOnly((workerData as HistoryReaderSettings).readModelsFile, ALL_PROJECTIONS);
  const queries = {
    asAt: (...args: Parameters<typeof queryAsAt> extends [unknown, ...infer Rest] ? Rest : never) => queryAsAt(readModels, ...args),
    changes: (...args: Parameters<typeof queryChanges> extends [unknown, ...infer Rest] ? Rest : never) => queryChanges(readModels, ...args),
  };
  port.on('message', (message: ToReader) => {
    if (message.type === 'stop') {
      readModels.close();
      port.close();
      return;
    }
    try {
      const run = queries[message.query] as (...args: unknown[]) => unknown;
      post({ type: 'answer', id: message.id, answer: run(...message.args) });
    } catch (error) {
      post({ type: 'thrown', id: message.id, error: thrown(error) });
    }
  });
} catch (error) {
  post({ type: 'failed', error: thrown(error) });
  port.close();
}
