import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { stopWorker, workerScript } from '@ledger/event-store';
import type { FindingIssuerThreadData, FromIssuerThread, ToIssuerThread } from './finding-issuer-thread-messages';

export interface FindingIssuerThreadOptions extends FindingIssuerThreadData {
  /** Told when the thread has appended, so that this thread's readers of the log look at once. */
  onAppended?(): void;
}

/** How long a stop waits for the thread to save its checkpoint before it is terminated. */
const STOP_TIMEOUT_MS = 10_000;
/** Before a thread that died is started again. */
const RESTART_DELAY_MS = 1000;


/**
 * The FindingIssuer in a worker thread with its own connection to the configured store (and its
 * own checkpoint file), started and stopped with the module: the same reactor, off the event loop
 * that answers requests. A thread that dies is started again; it resumes from its checkpoint.
 */
export class FindingIssuerThread implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('FindingIssuer');
  private worker: Worker | null = null;
  private running = false;
  private restart: NodeJS.Timeout | null = null;
  private caughtUp!: Promise<void>;
  private markCaughtUp!: () => void;

  constructor(private readonly options: FindingIssuerThreadOptions) {
    this.resetCaughtUp();
  }

  async onModuleInit(): Promise<void> {
    await this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Resolves once the thread has started following the inspection streams. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.spawn();
    } catch (error) {
      this.running = false;
      throw error;
    }
  }

  /** Resolves once everything that was in the log when the thread started has been followed up. */
  whenCaughtUp(): Promise<void> {
    return this.caughtUp;
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.restart) clearTimeout(this.restart);
    this.restart = null;
    const worker = this.worker;
    if (!worker) return;
    await stopWorker(worker, { type: 'stop' } satisfies ToIssuerThread, STOP_TIMEOUT_MS);
    this.worker = null;
    this.resetCaughtUp();
  }

  private spawn(): Promise<void> {
    const { onAppended, ...data } = this.options;
    const script = workerScript(__dirname, 'finding-issuer');
    const worker = new Worker(script.file, { eval: script.eval, workerData: data satisfies FindingIssuerThreadData });
    this.worker = worker;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (message: FromIssuerThread) => {
        switch (message.type) {
          case 'started':
            started = true;
            resolve();
            return;
          case 'caught-up':
            this.markCaughtUp();
            return;
          case 'appended':
            onAppended?.();
            return;
          case 'log':
            this.logger[message.level](message.message);
            return;
          case 'failed':
            this.logger.error(`the finding issuer's thread failed: ${message.message}`);
            if (!started) reject(new Error(`the finding issuer's thread could not start: ${message.message}`));
            return;
          case 'stopped':
            return;
        }
      });
      worker.on('error', (error) => {
        this.logger.error(`the finding issuer's thread failed: ${error.message}`);
        if (!started) reject(error);
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = null;
        if (!this.running) return;
        this.logger.warn(`the finding issuer's thread exited (code ${code}); starting it again in ${RESTART_DELAY_MS} ms`);
        this.restart = setTimeout(() => {
          this.restart = null;
          if (this.running) this.spawn().catch(() => undefined);
        }, RESTART_DELAY_MS);
        this.restart.unref();
      });
    });
  }

  private resetCaughtUp(): void {
    this.caughtUp = new Promise((resolve) => (this.markCaughtUp = resolve));
  }
}
