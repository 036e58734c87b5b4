import type { EventStore } from '@ledger/event-store';
import type { Projection } from '../projection';
import type { ReadModels } from '../read-model-database';
import { type Generation, type GenerationRegistry, type ProjectionFault, isCurrent } from '../registry/generation-registry';
import { countEventsAfter } from '../status/count-events';
import { type ProjectionStatus, readProjectionStatus } from '../status/projection-status';
import { GenerationWorker, type WorkerEnd, type WorkerSettings } from './generation-worker';
import { GenerationWriter } from './generation-writer';
import { type RebuildProgress, RebuildProgressTracker } from './rebuild-progress';

export interface RunnerLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface ProjectionRunnerOptions {
  /** Give it the upcasting store, so projections see every event in its current shape. */
  store: EventStore;
  readModels: ReadModels;
  /** Most events per transaction (default 500). */
  batchSize?: number;
  /** How long a part-filled batch waits for more events before it commits (default 5 ms). */
  idleFlushMs?: number;
  /** Only streams with these prefixes (EventStoreDB filters on the server). Default: every non-system stream. */
  streamPrefixes?: readonly string[];
  /** Progress of every rebuild, including those a version change starts. */
  onRebuildProgress?: (progress: RebuildProgress) => void;
  logger?: RunnerLogger;
}

export interface RebuildResult {
  projection: string;
  generation: number;
  /** Events the new generation was given, from the start of the log. */
  events: number;
  /** Duration of this run of the rebuild. */
  seconds: number;
}

/** A rebuild stopped at an event the projection could not apply. */
export class ProjectionFaultedError extends Error {
  constructor(
    readonly projection: string,
    readonly generation: number,
    readonly fault: ProjectionFault,
  ) {
    super(
      `projection ${projection} generation ${generation} cannot apply event ${fault.eventId} (${fault.eventType}) ` +
        `at position ${fault.position}: ${fault.error}`,
    );
    this.name = 'ProjectionFaultedError';
  }
}

interface Build {
  readonly generation: number;
  readonly worker: GenerationWorker;
  readonly promise: Promise<RebuildResult>;
  readonly listeners: Set<(progress: RebuildProgress) => void>;
  swapped: boolean;
}

interface Slot {
  readonly projection: Projection;
  live: GenerationWorker | null;
  build: Build | null;
  retry: NodeJS.Timeout | null;
  failures: number;
  error: string | null;
}

const MAX_RETRY_DELAY_MS = 30_000;

const CONSOLE_LOGGER: RunnerLogger = {
  log: (message) => console.log(message),
  warn: (message) => console.warn(message),
};

/**
 * Keeps the read models up to date from the log. Per projection it runs a live worker on the
 * active generation and, when the code's version (or tables) differ from the active
 * generation's or `rebuild` is asked for, a build worker that fills a new generation from the
 * start of the log while the active one serves, swaps it in once caught up and carries on live.
 *
 * An event a projection cannot apply stops that projection (faulted, recorded with the event);
 * the others carry on. The fault is tried again at the next `start`. A failure of the store or
 * of the database is retried with backoff from the stored checkpoint.
 */
export class ProjectionRunner {
  private readonly registry: GenerationRegistry;
  private readonly slots: ReadonlyMap<string, Slot>;
  private readonly settings: WorkerSettings;
  private readonly logger: RunnerLogger;
  private running = false;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.registry = options.readModels.registry;
    this.slots = new Map(
      options.readModels.projections.map((projection) => [
        projection.name,
        { projection, live: null, build: null, retry: null, failures: 0, error: null },
      ]),
    );
    this.settings = {
      batchSize: options.batchSize ?? 500,
      idleFlushMs: options.idleFlushMs ?? 5,
      streamPrefixes: options.streamPrefixes,
    };
    if (!Number.isInteger(this.settings.batchSize) || this.settings.batchSize < 1) throw new RangeError('batchSize must be an integer >= 1');
    this.logger = options.logger ?? CONSOLE_LOGGER;
  }

  /** Starts every projection from its checkpoint (and any rebuild it needs); resolves once they are running. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    for (const slot of this.slots.values()) {
      const name = slot.projection.name;
      this.registry.clearFaults(name);
      this.registry.ensureActive(slot.projection);
      this.dropRetired(name);
      this.reconcile(slot);
    }
  }

  /** Commits what each worker holds and stops. An unfinished rebuild resumes at the next start. */
  async stop(): Promise<void> {
    this.running = false;
    const workers: GenerationWorker[] = [];
    for (const slot of this.slots.values()) {
      if (slot.retry) clearTimeout(slot.retry);
      slot.retry = null;
      if (slot.live) workers.push(slot.live);
      if (slot.build && slot.build.worker !== slot.live) workers.push(slot.build.worker);
    }
    await Promise.all(workers.map((worker) => worker.stop()));
  }

  /**
   * Builds a new generation of `name` from the start of the log while the current one serves,
   * and swaps it in when it has caught up. Works without `start` too (the CLI): it then stops
   * after the swap. Resolves when swapped; joins a rebuild already under way.
   */
  rebuild(name: string, options: { onProgress?: (progress: RebuildProgress) => void } = {}): Promise<RebuildResult> {
    const slot = this.slot(name);
    const build = slot.build ?? this.startBuild(slot);
    const { onProgress } = options;
    if (onProgress) {
      build.listeners.add(onProgress);
      const remove = () => build.listeners.delete(onProgress);
      build.promise.then(remove, remove);
    }
    return build.promise;
  }

  async status(): Promise<ProjectionStatus[]> {
    const statuses = await readProjectionStatus(this.options.store, this.options.readModels, { streamPrefixes: this.settings.streamPrefixes });
    return statuses.map((status) => ({ ...status, error: this.slots.get(status.name)?.error ?? null }));
  }

  /** See ReadModels.waitForPosition. */
  waitForPosition(position: bigint, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    return this.options.readModels.waitForPosition(position, timeoutMs, names);
  }

  private slot(name: string): Slot {
    const slot = this.slots.get(this.options.readModels.projection(name).name);
    if (!slot) throw new Error(`unknown projection "${name}"`);
    return slot;
  }

  /** Runs whatever the stored state of the projection calls for and is not running yet. */
  private reconcile(slot: Slot): void {
    if (!this.running) return;
    const { projection } = slot;
    const active = this.registry.ensureActive(projection);
    const building = this.registry.building(projection.name);
    const current = isCurrent(active, projection);
    if (!slot.live && current && active.fault === null) this.startLive(slot, active);
    const buildNeeded = building ? building.fault === null : !current;
    if (!slot.build && buildNeeded) this.startBuild(slot);
  }

  private startLive(slot: Slot, generation: Generation): void {
    const writer = new GenerationWriter(this.options.readModels, slot.projection, generation);
    const worker = new GenerationWorker(this.options.store, writer, this.settings, { committed: () => this.committed(slot) });
    slot.live = worker;
    void worker.done.then((end) => this.liveEnded(slot, worker, end));
  }

  private liveEnded(slot: Slot, worker: GenerationWorker, end: WorkerEnd): void {
    if (slot.live === worker) slot.live = null;
    const name = slot.projection.name;
    switch (end.reason) {
      case 'stopped':
        return;
      case 'faulted':
        this.logger.warn(new ProjectionFaultedError(name, worker.writer.generation, end.fault).message);
        return;
      case 'stale':
        this.reconcile(slot);
        return;
      case 'failed':
        this.failed(slot, end.error);
        return;
    }
  }

  private startBuild(slot: Slot): Build {
    const { projection } = slot;
    const name = projection.name;
    this.registry.ensureActive(projection);
    this.dropRetired(name);
    const generation = this.registry.startBuilding(projection);
    const writer = new GenerationWriter(this.options.readModels, projection, generation);
    const tracker = new RebuildProgressTracker(name, generation.generation, generation.eventsApplied);
    const listeners = new Set<(progress: RebuildProgress) => void>();
    if (this.options.onRebuildProgress) listeners.add(this.options.onRebuildProgress);
    const report = (finished: boolean) => {
      const progress = tracker.progress(writer.eventsApplied, finished);
      for (const listener of listeners) listener(progress);
    };
    const startedAt = Date.now();
    let resolve!: (result: RebuildResult) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<RebuildResult>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    // Rebuilds started by a version change have nobody awaiting them: their failure is logged instead.
    promise.catch(() => undefined);

    const worker = new GenerationWorker(this.options.store, writer, this.settings, {
      committed: () => {
        this.committed(slot);
        report(false);
      },
      caughtUp: async () => {
        this.registry.swap(name, generation.generation, writer.checkpoint);
        writer.promote();
        build.swapped = true;
        const previous = slot.live;
        slot.build = null;
        slot.live = this.running ? worker : null;
        this.dropRetired(name);
        this.options.readModels.notifyCommitted();
        report(true);
        const result = { projection: name, generation: generation.generation, events: writer.eventsApplied, seconds: (Date.now() - startedAt) / 1000 };
        this.logger.log(
          `projection ${name}: generation ${result.generation} (version ${projection.version}) swapped in after ${result.events} events`,
        );
        resolve(result);
        if (previous) void previous.stop();
        return this.running ? 'continue' : 'stop';
      },
    });
    const build: Build = { generation: generation.generation, worker, promise, listeners, swapped: false };
    slot.build = build;
    // The whole remainder, once: a rebuild reads all of it anyway.
    countEventsAfter(this.options.store, generation.checkpoint, { streamPrefixes: this.settings.streamPrefixes, limit: Number.MAX_SAFE_INTEGER }).then(
      (remaining) => tracker.setRemaining(remaining.events),
      () => undefined,
    );
    void worker.done.then((end) => this.buildEnded(slot, build, end, resolve, reject));
    return build;
  }

  private buildEnded(slot: Slot, build: Build, end: WorkerEnd, resolve: (result: RebuildResult) => void, reject: (error: Error) => void): void {
    if (build.swapped) {
      this.liveEnded(slot, build.worker, end);
      return;
    }
    if (slot.build === build) slot.build = null;
    const name = slot.projection.name;
    const writer = build.worker.writer;
    switch (end.reason) {
      case 'faulted': {
        const error = new ProjectionFaultedError(name, build.generation, end.fault);
        this.logger.warn(`rebuild stopped: ${error.message}`);
        reject(error);
        return;
      }
      case 'stopped':
        reject(new Error(`the rebuild of ${name} stopped before it finished; it resumes from generation ${build.generation}'s checkpoint`));
        return;
      case 'stale':
        // Another process finished (or took over) this generation.
        if (this.registry.generation(name, build.generation)?.status === 'active') {
          resolve({ projection: name, generation: build.generation, events: writer.eventsApplied, seconds: 0 });
        } else {
          reject(new Error(`the rebuild of ${name} generation ${build.generation} was taken over by another process`));
        }
        this.reconcile(slot);
        return;
      case 'failed':
        reject(end.error);
        this.failed(slot, end.error);
        return;
    }
  }

  private committed(slot: Slot): void {
    slot.failures = 0;
    slot.error = null;
    this.options.readModels.notifyCommitted();
  }

  private failed(slot: Slot, error: Error): void {
    slot.error = error.message;
    if (!this.running) return;
    slot.failures += 1;
    const delay = Math.min(MAX_RETRY_DELAY_MS, 250 * 2 ** slot.failures);
    this.logger.warn(`projection ${slot.projection.name}: ${error.message}; retrying in ${delay} ms`);
    if (slot.retry) clearTimeout(slot.retry);
    slot.retry = setTimeout(() => {
      slot.retry = null;
      this.reconcile(slot);
    }, delay);
  }

  private dropRetired(name: string): void {
    try {
      this.registry.dropRetired(name);
    } catch (error) {
      // Left for the next start: dropping is housekeeping, serving is not affected.
      this.logger.warn(`projection ${name}: could not drop retired tables yet: ${(error as Error).message}`);
    }
  }
}
