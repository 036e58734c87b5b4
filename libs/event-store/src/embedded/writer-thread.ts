import { Worker } from 'node:worker_threads';
import { EventStoreUnavailableError } from '../event-store.port';
import { workerScript } from '../worker-script';
import type { AppendOutcome, AppendRequest } from './group-writer';
import { type FromWriter, receivedError, type ToWriter } from './writer-messages';

interface Waiting {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * The log's write connection, in a worker thread of its own, seen from the store's thread: a
 * group sent with `commit` is answered once its transaction has committed, fsync included, so
 * that the fsync never holds this thread's event loop. Started at the first write (a process
 * that only reads never starts it); it keeps the process alive only while a write is waiting.
 * If the thread dies, what it was asked is refused as unavailable and the next write starts it again.
 */
export class WriterThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  constructor(private readonly file: string) {}

  commit(group: AppendRequest[]): Promise<AppendOutcome[]> {
    return this.request((id) => ({ type: 'commit', id, group })) as Promise<AppendOutcome[]>;
  }

  pragma(pragma: string): Promise<unknown> {
    return this.request((id) => ({ type: 'pragma', id, pragma }));
  }

  /** Closes the write connection (once every write sent has been answered) and ends the thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    worker.ref();
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage({ type: 'close' } satisfies ToWriter);
    });
  }

  private request(message: (id: number) => ToWriter): Promise<unknown> {
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage(message(id));
    });
  }

  private spawn(): Worker {
    const script = workerScript(__dirname, 'writer-thread');
    const worker = new Worker(script.file, { eval: script.eval, workerData: { file: this.file } });
    worker.unref();
    worker.on('message', (message: FromWriter) => {
      if (message.type === 'closed') return;
      const waiting = this.waiting.get(message.id);
      if (!waiting) return;
      this.waiting.delete(message.id);
      if (this.waiting.size === 0) worker.unref();
      switch (message.type) {
        case 'committed':
          waiting.resolve(message.outcomes.map((outcome) => ('ok' in outcome ? outcome : { error: receivedError(outcome.error) })));
          return;
        case 'refused':
          waiting.reject(receivedError(message.error));
          return;
        case 'pragma':
          if (message.error) waiting.reject(receivedError(message.error));
          else waiting.resolve(message.value);
          return;
      }
    });
    const fail = (reason: string) => {
      if (this.worker === worker) this.worker = null;
      const error = new EventStoreUnavailableError(`${this.file}: the writer thread ${reason}; whether the waiting appends were written is unknown`);
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    };
    worker.on('error', (error) => fail(`failed (${error.message})`));
    worker.on('exit', (code) => fail(`exited (code ${code})`));
    this.worker = worker;
    return worker;
  }
}
