import { Worker } from 'node:worker_threads';
import { stopWorker, workerScript } from '@ledger/event-store';
import type { FromReader, HistoryQueries, HistoryQuery, HistoryReaderSettings, ThrownError, ToReader } from './history-reader-messages';

export interface HistoryReaderOptions {
  /** The read-model database, opened (and kept) by another connection first: the threads only read it. */
  readModelsFile: string;
  /** The most threads started, each when the others are busy (default 2). */
  threads?: number;
}

interface Pending {
  resolve: (answer: unknown) => void;
  reject: (error: Error) => void;
}

interface ReaderThread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** How long a stop waits for a thread to answer what it was asked before it is terminated. */
const STOP_TIMEOUT_MS = 5000;

/** The error a query threw in its thread, rethrown here with its name, message and stack. */
function rethrown(error: ThrownError): Error {
  return Object.assign(new Error(error.message), { name: error.name, ...(error.stack === undefined ? {} : { stack: error.stack }) });
}

/**
 * "As at" and "changes between dates" answered off the caller's event loop: each query runs, as
 * the synchronous queryAsAt and queryChanges, in one of a few worker threads with their own
 * read-only connections to the read models. Threads start when first needed; a second starts
 * only while the first is busy. What the query throws, the promise rejects with.
 */
export class HistoryReader {
  private readonly threads: ReaderThread[] = [];
  private readonly size: number;
  private nextId = 1;
  private stopped = false;

  constructor(private readonly options: HistoryReaderOptions) {
    this.size = options.threads ?? 2;
    if (!Number.isInteger(this.size) || this.size < 1) throw new RangeError(`a history reader needs at least one thread (got ${options.threads})`);
  }

  /** queryAsAt, in a reader thread. */
  asAt(...args: HistoryQueries['asAt']['args']): Promise<HistoryQueries['asAt']['answer']> {
    return this.ask('asAt', args);
  }

  /** queryChanges, in a reader thread. */
  changes(...args: HistoryQueries['changes']['args']): Promise<HistoryQueries['changes']['answer']> {
    return this.ask('changes', args);
  }

  /** How many reader threads are running. */
  get running(): number {
    return this.threads.length;
  }

  /** Stops every thread, once it has answered what it was already asked. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.threads].map((thread) => stopWorker(thread.worker, { type: 'stop' } satisfies ToReader, STOP_TIMEOUT_MS)));
  }

  private ask<Q extends HistoryQuery>(query: Q, args: HistoryQueries[Q]['args']): Promise<HistoryQueries[Q]['answer']> {
    if (this.stopped) return Promise.reject(new Error('the history reader has stopped'));
    const thread = this.pick();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve: resolve as (answer: unknown) => void, reject });
      thread.worker.postMessage({ type: 'query', id, query, args } satisfies ToReader);
    });
  }

  /** An idle thread, a new one while there is room, or else the least busy. */
  private pick(): ReaderThread {
    const leastBusy = this.threads.reduce<ReaderThread | null>((best, thread) => (best === null || thread.pending.size < best.pending.size ? thread : best), null);
    if (leastBusy !== null && (leastBusy.pending.size === 0 || this.threads.length >= this.size)) return leastBusy;
    return this.spawn();
  }

  private spawn(): ReaderThread {
    const script = workerScript(__dirname, 'history-reader');
    const workerData: HistoryReaderSettings = { readModelsFile: this.options.readModelsFile };
    const thread: ReaderThread = { worker: new Worker(script.file, { eval: script.eval, workerData }), pending: new Map() };
    const failAll = (error: Error) => {
      for (const pending of thread.pending.values()) pending.reject(error);
      thread.pending.clear();
    };
    thread.worker.on('message', (message: FromReader) => {
      if (message.type === 'failed') return failAll(new Error(`the history reader could not open the read models: ${message.error.message}`));
      const pending = thread.pending.get(message.id);
      thread.pending.delete(message.id);
      if (message.type === 'answer') pending?.resolve(message.answer);
      else pending?.reject(rethrown(message.error));
    });
    thread.worker.on('error', failAll);
    thread.worker.on('exit', (code) => {
      const index = this.threads.indexOf(thread);
      if (index >= 0) this.threads.splice(index, 1);
      failAll(new Error(`the history reader thread exited (code ${code}) before it answered`));
    });
    this.threads.push(thread);
    return thread;
  }
}
