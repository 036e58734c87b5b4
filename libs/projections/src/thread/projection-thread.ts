import { Worker } from 'node:worker_threads';
import { type EventStore, stopWorker, workerScript } from '@ledger/event-store';
import type { ReadModels } from '../read-model-database';
import type { ProjectionRunner, RebuildResult, RunnerLogger } from '../runner/projection-runner';
import { type ProjectionStatus, readProjectionStatus } from '../status/projection-status';
import type { AppendSignal } from './append-signal';
import { AppendWindow } from './append-window';
import type { FromThread, ThreadSettings, ToThread } from './thread-messages';

export interface ProjectionThreadOptions extends Omit<ThreadSettings, 'readModelsFile'> {
  /** This thread's own connection to the read models: queries, status and `waitForPosition`. */
  readModels: ReadModels;
  /** This thread's log, for the lag in `status`. */
  store: EventStore;
  /** Appends made in this thread: the projection thread reads them within APPENDED_WINDOW_MS instead of at its next poll. */
  appended?: AppendSignal;
  logger: RunnerLogger;
}

/** What the API needs of the projections, in its own thread (ProjectionRunner) or in a worker thread (ProjectionThread). */
export type ProjectionEngine = Pick<ProjectionRunner, 'start' | 'stop' | 'status' | 'waitForPosition'> & {
  /** Builds a new generation of one read model while the current one serves; resolves once it is swapped in. */
  rebuild(name: string): Promise<RebuildResult>;
};

/** How long a stop waits for the thread to commit what it holds before it is terminated. */
const STOP_TIMEOUT_MS = 10_000;
/** Before a thread that died is started again. */
const RESTART_DELAY_MS = 1000;
/** The most a lone append waits before the projection thread hears of it (a wait for a position does not wait). */
export const APPENDED_WINDOW_MS = 10;
/** The most an append waits while appends keep coming (see AppendWindow). */
export const APPENDED_WINDOW_MAX_MS = 40;

/**
 * The projection engine in a worker thread, seen from the API's thread: same surface as the
 * ProjectionRunner the API uses (start, stop, status, waitForPosition). The thread has its own
 * connections; a batch it commits wakes this thread's `?atLeast=` waiters by message, and this
 * thread's appends wake its subscription the same way. Lag is read from the database and the
 * log, so status shows how far behind the thread is.
 */
export class ProjectionThread implements ProjectionEngine {
  private worker: Worker | null = null;
  private running = false;
  private error: string | null = null;
  private stopAppended: (() => void) | null = null;
  private stopWaits: (() => void) | null = null;
  private appendedTimer: NodeJS.Timeout | null = null;
  private readonly window = new AppendWindow(APPENDED_WINDOW_MS, APPENDED_WINDOW_MAX_MS);
  private restart: NodeJS.Timeout | null = null;
  private nextRebuild = 1;
  private readonly rebuilds = new Map<number, { resolve: (result: RebuildResult) => void; reject: (error: Error) => void }>();

  constructor(private readonly options: ProjectionThreadOptions) {}

  /** Resolves once the thread has started every projection (catching up goes on in the thread). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopAppended = this.options.appended?.listen(() => this.appendedSoon()) ?? null;
    // Someone reads their own write (the API's read routes wait on this thread's ReadModels): the thread hears of the appends now.
    this.stopWaits = this.options.readModels.onWait(() => this.appendedNow());
    await this.spawn();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopAppended?.();
    this.stopAppended = null;
    this.stopWaits?.();
    this.stopWaits = null;
    if (this.appendedTimer) clearTimeout(this.appendedTimer);
    this.appendedTimer = null;
    if (this.restart) clearTimeout(this.restart);
    this.restart = null;
    const worker = this.worker;
    if (!worker) return;
    await stopWorker(worker, { type: 'stop' } satisfies ToThread, STOP_TIMEOUT_MS);
    this.worker = null;
  }

  async status(): Promise<ProjectionStatus[]> {
    const statuses = await readProjectionStatus(this.options.store, this.options.readModels, { streamPrefixes: this.options.streamPrefixes });
    return statuses.map((status) => ({ ...status, error: this.error }));
  }

  /**
   * Asks the thread's runner to rebuild `name` (as `ProjectionRunner.rebuild`). An unknown name is
   * refused here, before the thread is asked; a rebuild the thread could not finish (it stopped or
   * died) is rejected, and resumes from where it was at the thread's next start.
   */
  rebuild(name: string): Promise<RebuildResult> {
    const known = this.options.readModels.projections.find((projection) => projection.name === name);
    if (!known) return Promise.reject(new Error(`unknown projection "${name}"`));
    if (!this.worker) return Promise.reject(new Error('the projection thread is not running'));
    const id = this.nextRebuild++;
    return new Promise<RebuildResult>((resolve, reject) => {
      this.rebuilds.set(id, { resolve, reject });
      this.send({ type: 'rebuild', id, name });
    });
  }

  private settleRebuilds(reason: string): void {
    for (const pending of this.rebuilds.values()) pending.reject(new Error(reason));
    this.rebuilds.clear();
  }

  /** See ReadModels.waitForPosition (a wait that has to wait tells the thread of the appends at once). */
  waitForPosition(position: bigint, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    return this.options.readModels.waitForPosition(position, timeoutMs, names);
  }

  /**
   * The thread hears of appends once per window (APPENDED_WINDOW_MS for a lone command, longer
   * while they keep coming: see AppendWindow), so that commands share a batch: the thread would
   * otherwise pay a batch's fixed cost for each command, on the cores the requests need.
   */
  private appendedSoon(): void {
    this.appendedTimer ??= setTimeout(() => this.appendedNow(), this.window.open(performance.now()));
  }

  private appendedNow(): void {
    if (this.appendedTimer === null) return;
    clearTimeout(this.appendedTimer);
    this.appendedTimer = null;
    this.window.told(performance.now());
    this.send({ type: 'appended' });
  }

  private send(message: ToThread): void {
    this.worker?.postMessage(message);
  }

  private spawn(): Promise<void> {
    const { readModels, store: _store, appended: _appended, logger, ...settings } = this.options;
    const workerData: ThreadSettings = { ...settings, streamPrefixes: settings.streamPrefixes && [...settings.streamPrefixes], readModelsFile: readModels.file };
    const script = workerScript(__dirname, 'projection-thread');
    const worker = new Worker(script.file, { eval: script.eval, workerData });
    this.worker = worker;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (message: FromThread) => {
        switch (message.type) {
          case 'started':
            started = true;
            this.error = null;
            resolve();
            return;
          case 'committed':
            this.error = null;
            readModels.notifyCommitted();
            return;
          case 'log':
            logger[message.level](message.message);
            return;
          case 'failed':
            this.error = message.message;
            logger.warn(`projection thread: ${message.message}`);
            if (!started) reject(new Error(`the projection thread could not start: ${message.message}`));
            return;
          case 'stopped':
            return;
          case 'rebuilt':
          case 'rebuild-failed': {
            const pending = this.rebuilds.get(message.id);
            this.rebuilds.delete(message.id);
            if (message.type === 'rebuilt') pending?.resolve(message.result);
            else pending?.reject(new Error(message.message));
            return;
          }
        }
      });
      worker.on('error', (error) => {
        this.error = error.message;
        logger.warn(`projection thread: ${error.message}`);
        if (!started) reject(error);
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = null;
        this.settleRebuilds(`the projection thread exited (code ${code}) before the rebuild was swapped in`);
        if (!this.running) return;
        this.error ??= `the projection thread exited (code ${code})`;
        logger.warn(`projection thread exited (code ${code}); starting it again in ${RESTART_DELAY_MS} ms`);
        this.restart = setTimeout(() => {
          this.restart = null;
          if (this.running) this.spawn().catch(() => undefined);
        }, RESTART_DELAY_MS);
      });
    });
  }
}
