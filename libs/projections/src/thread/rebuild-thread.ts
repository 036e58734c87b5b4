import { Worker } from 'node:worker_threads';
import { workerScript } from '@ledger/event-store';
import type { RebuildResult } from '../runner/projection-runner';
import type { RebuildProgress } from '../runner/rebuild-progress';
import type { FromRebuildThread, RebuildThreadSettings } from './rebuild-thread-messages';

/**
 * The old generation a rebuild's thread may hold, in MiB. A rebuild holds little (its batch, and
 * the rows it flushes every few thousand events: at most about 75 MiB at 10^6 events), but V8
 * lets a heap grow while it has room, and a long rebuild then grows with the log it reads. The
 * limit can only be given to a thread when it starts.
 */
export const REBUILD_HEAP_LIMIT_MB = 192;

export interface RebuildThreadOptions extends RebuildThreadSettings {
  onProgress?: (progress: RebuildProgress) => void;
  warn?: (message: string) => void;
  /** Default REBUILD_HEAP_LIMIT_MB. */
  heapLimitMb?: number;
}

export interface RebuildsInThread {
  /** The thread has loaded its code and opened the log and the read models (rejects if it could not). */
  opened: Promise<void>;
  /** Each projection's rebuild, by name: its result, or why it failed. */
  results: Map<string, Promise<RebuildResult>>;
  /** Every rebuild has ended and the thread has closed the log and the read models and exited. */
  done: Promise<void>;
}

/**
 * Rebuilds read models as `ProjectionRunner.rebuild` does (a fresh generation each, swapped in once
 * it has caught up), in a worker thread of their own with a bounded heap: memory stays flat
 * however long the log. Used by `ledger projections rebuild`.
 */
export function rebuildInThread(options: RebuildThreadOptions): RebuildsInThread {
  const { onProgress, warn, heapLimitMb, ...settings } = options;
  const pending = new Map(settings.names.map((name) => [name, deferred<RebuildResult>()]));
  const script = workerScript(__dirname, 'rebuild-thread');
  const workerData: RebuildThreadSettings = { ...settings, names: [...settings.names] };
  const worker = new Worker(script.file, { eval: script.eval, workerData, resourceLimits: { maxOldGenerationSizeMb: heapLimitMb ?? REBUILD_HEAP_LIMIT_MB } });
  const opened = deferred<void>();
  const failAll = (message: string) => {
    opened.reject(new Error(message));
    for (const [name, { reject }] of pending) reject(new Error(`${name}: ${message}`));
    pending.clear();
  };
  const done = new Promise<void>((resolve) => {
    worker.on('message', (message: FromRebuildThread) => {
      switch (message.type) {
        case 'opened':
          opened.resolve();
          break;
        case 'progress':
          onProgress?.(message.progress);
          break;
        case 'rebuilt':
          pending.get(message.name)?.resolve(message.result);
          pending.delete(message.name);
          break;
        case 'rebuild-failed':
          pending.get(message.name)?.reject(new Error(message.message));
          pending.delete(message.name);
          break;
        case 'warn':
          warn?.(message.message);
          break;
        case 'failed':
          failAll(message.message);
          break;
      }
    });
    worker.on('error', (error) => failAll(`the rebuild thread failed: ${error.message}`));
    worker.on('exit', (code) => {
      failAll(`the rebuild thread exited (code ${code}) before it finished`);
      resolve();
    });
  });
  const results = new Map([...pending].map(([name, { promise }]) => [name, promise]));
  // A rebuild nobody awaits (a caller that stopped early) must not end the process as an unhandled rejection.
  for (const promise of [opened.promise, ...results.values()]) promise.catch(() => undefined);
  return { opened: opened.promise, results, done };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}
